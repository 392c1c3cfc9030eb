/**
 * The tie network's heavy measures as they cross between threads: the API computes betweenness,
 * Louvain communities and Burt's constraint in a worker thread (apps/api, measures/) while its
 * main thread answers gaps and suggestions, and hands the values to `computeIndicators`. Both the
 * request and the reply are parsed on receipt; values are typed arrays indexed by tie-network
 * node number (nodes with at least one active tie, in key order).
 */
import { z } from 'zod';

const int32Array = z.custom<Int32Array>((value) => value instanceof Int32Array, {
  message: 'expected an Int32Array',
});
const float64Array = z.custom<Float64Array>((value) => value instanceof Float64Array, {
  message: 'expected a Float64Array',
});

/** The settings the measures depend on; the receiver checks they are the ones it would use. */
export const networkMeasureSettingsSchema = z
  .object({
    betweennessExactMax: z.number().int().nonnegative(),
    betweennessSamples: z.number().int().positive(),
    betweennessSampledMax: z.number().int().positive(),
    seed: z.number().int(),
    louvainResolution: z.number().positive(),
  })
  .strict();
export type NetworkMeasureSettings = z.infer<typeof networkMeasureSettingsSchema>;

/** The tie network's structure: neighbours of node i are neighbours[starts[i]..starts[i+1]). */
export const tieTopologySchema = z
  .object({
    starts: int32Array,
    neighbours: int32Array,
    /** Undirected edges. */
    size: z.number().int().nonnegative(),
  })
  .strict()
  .superRefine((topology, context) => {
    const { starts, neighbours } = topology;
    if (starts.length === 0 || starts[0] !== 0 || starts[starts.length - 1] !== neighbours.length) {
      context.addIssue({
        code: 'custom',
        path: ['starts'],
        message: `must start at 0 and end at the neighbour count ${neighbours.length}`,
      });
    }
  });
export type TieTopology = z.infer<typeof tieTopologySchema>;

export const networkMeasureValuesSchema = z
  .object({
    /** Tie-network nodes the values are for. */
    order: z.number().int().nonnegative(),
    settings: networkMeasureSettingsSchema,
    betweenness: float64Array,
    betweennessMode: z.enum(['exact', 'sampled']),
    /** Sources of sampled betweenness (the node count when exact). */
    betweennessSources: z.number().int().nonnegative(),
    /** Community per node, numbered by size (largest first). */
    community: int32Array,
    communityCount: z.number().int().nonnegative(),
    modularity: z.number(),
    /** Burt's constraint per node, NaN for a node without neighbours. */
    constraint: float64Array,
  })
  .strict()
  .superRefine((values, context) => {
    for (const field of ['betweenness', 'community', 'constraint'] as const) {
      if (values[field].length !== values.order) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `has ${values[field].length} values for ${values.order} nodes`,
        });
      }
    }
  });
export type NetworkMeasureValues = z.infer<typeof networkMeasureValuesSchema>;

/** Main thread → measures worker. */
export const measuresRequestSchema = z
  .object({
    id: z.number().int(),
    topology: tieTopologySchema,
    settings: networkMeasureSettingsSchema,
  })
  .strict();
export type MeasuresRequest = z.infer<typeof measuresRequestSchema>;

/** Measures worker → main thread: the values, or why there are none. */
export const measuresReplySchema = z.union([
  z.object({ id: z.number().int(), values: networkMeasureValuesSchema }).strict(),
  z.object({ id: z.number().int(), error: z.string() }).strict(),
]);
export type MeasuresReply = z.infer<typeof measuresReplySchema>;
