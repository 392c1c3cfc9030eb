/**
 * Every gap a planner looks for (DOMAIN.md), in one report: `detectGaps(graph, options)` runs
 * the detectors on one shared index of the graph (one pass over nodes and edges) and returns
 * their items in one stable order (severity desc, then entity id, then gap type).
 * `gapCounts(graph, options)` gives the number of items of each type (every type present).
 *
 * Each detector's rule and severity formula is in its module: accessGaps, closedPlatformGaps,
 * pairingGaps, capitalGaps, consortiumGaps, capabilityGaps, bridgingGaps. Only active
 * relations are ties; planned ones are proposals and do not close a gap.
 */
import type { Ecosystem, EcosystemIndex } from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { fail } from '../validate.js';
import { accessGapsOf } from './accessGaps.js';
import type { BridgingGapOptions } from './bridgingGaps.js';
import { BRIDGING_DEFAULTS, bridgingGapsOf, resolveBridging } from './bridgingGaps.js';
import { capabilityGapsOf } from './capabilityGaps.js';
import { capitalGapsOf } from './capitalGaps.js';
import { closedPlatformGapsOf } from './closedPlatformGaps.js';
import { appendTo, compareGaps, prepare } from './common.js';
import { consortiumGapsOf } from './consortiumGaps.js';
import { pairingGapsOf } from './pairingGaps.js';
import type { GapCounts, GapItem, GapType } from './types.js';
import { GAP_TYPES } from './types.js';

const MODULE = 'detectGaps';

export interface DetectGapsOptions extends BridgingGapOptions {
  /** Which gap types to detect. Default: all of GAP_TYPES. */
  types?: readonly GapType[];
}

export const DETECT_GAPS_DEFAULTS = { types: GAP_TYPES, ...BRIDGING_DEFAULTS } as const;

function resolveTypes(module: string, types: unknown): Set<GapType> {
  if (types === undefined) return new Set(GAP_TYPES);
  if (!Array.isArray(types)) fail(module, 'option types must be an array of gap types.');
  for (const type of types) {
    if (!(GAP_TYPES as readonly unknown[]).includes(type)) {
      fail(module, `unknown gap type '${String(type)}' (known: ${GAP_TYPES.join(', ')}).`);
    }
  }
  return new Set(types as GapType[]);
}

/** The items of the types asked for, on a prepared index (no input checks), in no particular
 *  order (each detector's `...Of` leaves its items unsorted: they are sorted once, here or by
 *  the detector's public function). */
export function detectGapsOf(
  eco: Ecosystem,
  inChain: (node: string) => boolean,
  types: Set<GapType>,
  bridging: ReturnType<typeof resolveBridging>,
): GapItem[] {
  const items: GapItem[] = [];
  if (types.has('access')) appendTo(items, accessGapsOf(eco, inChain));
  if (types.has('closedPlatform')) appendTo(items, closedPlatformGapsOf(eco, inChain));
  if (types.has('pairing')) appendTo(items, pairingGapsOf(eco, inChain));
  if (types.has('capital')) appendTo(items, capitalGapsOf(eco, inChain));
  if (types.has('consortiumExclusion')) appendTo(items, consortiumGapsOf(eco, inChain));
  if (types.has('capability')) appendTo(items, capabilityGapsOf(eco, inChain));
  if (types.has('bridging')) appendTo(items, bridgingGapsOf(eco, inChain, bridging));
  return items;
}

/** Every gap of the types asked for (default all), most severe first. */
export function detectGaps(
  graph: AbstractGraph,
  options?: DetectGapsOptions,
  index?: EcosystemIndex,
): GapItem[] {
  const { eco, inChain } = prepare(MODULE, graph, options, index);
  const types = resolveTypes(MODULE, options?.types);
  return detectGapsOf(eco, inChain, types, resolveBridging(MODULE, options)).sort(compareGaps);
}

/** Number of items per gap type in a list of items (every type present, 0 when none). */
export function countGaps(items: readonly GapItem[]): GapCounts {
  const counts = Object.fromEntries(GAP_TYPES.map((type) => [type, 0])) as GapCounts;
  for (const item of items) counts[item.type] += 1;
  return counts;
}

/** Number of gaps per type (types not asked for count 0). */
export function gapCounts(
  graph: AbstractGraph,
  options?: DetectGapsOptions,
  index?: EcosystemIndex,
): GapCounts {
  const { eco, inChain } = prepare('gapCounts', graph, options, index);
  const types = resolveTypes('gapCounts', options?.types);
  return countGaps(detectGapsOf(eco, inChain, types, resolveBridging('gapCounts', options)));
}
