/**
 * Every gap a planner looks for (DOMAIN.md), in one report: `listGaps(graph, options)` runs the
 * detectors on one shared index of the graph (one pass over nodes and edges) and gives their
 * entries (type, entity, severity) in one stable order (severity desc, then entity id, then gap
 * type), their counts, and `describe(entry)`, which writes an entry's reasons and the entities
 * they name (only for the entries shown: writing them is most of a detector's cost).
 * `detectGaps(graph, options)` is every entry described.
 * `gapCounts(graph, options)` gives the number of entries of each type (every type present)
 * without writing any reasons.
 *
 * Each detector's rule and severity formula is in its module: accessGaps, closedPlatformGaps,
 * pairingGaps, capitalGaps, consortiumGaps, capabilityGaps, bridgingGaps. Only active
 * relations are ties; planned ones are proposals and do not close a gap.
 */
import type { Ecosystem, EcosystemIndex } from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { fail } from '../validate.js';
import { accessGapsOf, describeAccessGap } from './accessGaps.js';
import type { BridgingGapOptions } from './bridgingGaps.js';
import { BRIDGING_DEFAULTS, bridgingGapsOf, describeBridgingGap, resolveBridging } from './bridgingGaps.js';
import { capabilityGapsOf, describeCapabilityGap } from './capabilityGaps.js';
import { capitalGapsOf, describeCapitalGap } from './capitalGaps.js';
import { closedPlatformGapsOf, describeClosedPlatformGap } from './closedPlatformGaps.js';
import { appendTo, compareGaps, prepare } from './common.js';
import { consortiumGapsOf, describeConsortiumGap } from './consortiumGaps.js';
import { describePairingGap, pairingGapsOf } from './pairingGaps.js';
import type { GapCounts, GapEntry, GapItem, GapType } from './types.js';
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

/** Every gap found, most severe first, with a way to write out the ones a reader is shown. */
export interface GapList {
  /** Every gap of the types asked for: type, entity and severity, most severe first. */
  entries: GapEntry[];
  /** Number of entries of each type (every type present). */
  counts: GapCounts;
  /** The item of one of the entries: its reasons and the entities they name. */
  describe(entry: GapEntry): GapItem;
}

type Bridging = ReturnType<typeof resolveBridging>;

/** A detector: what finds its entries and what writes one entry's item. */
interface Detector {
  find(eco: Ecosystem, inChain: (node: string) => boolean, bridging: Bridging): GapEntry[];
  describe(eco: Ecosystem, entry: GapEntry, bridging: Bridging): GapItem;
}

const DETECTORS: Record<GapType, Detector> = {
  access: { find: accessGapsOf, describe: describeAccessGap },
  closedPlatform: { find: closedPlatformGapsOf, describe: describeClosedPlatformGap },
  pairing: { find: pairingGapsOf, describe: describePairingGap },
  capital: { find: capitalGapsOf, describe: describeCapitalGap },
  consortiumExclusion: { find: consortiumGapsOf, describe: describeConsortiumGap },
  capability: { find: capabilityGapsOf, describe: describeCapabilityGap },
  bridging: { find: bridgingGapsOf, describe: describeBridgingGap },
};

/** The entries of the types asked for, on a prepared index (no input checks), in no particular
 *  order (each detector's `...Of` leaves its entries unsorted: they are sorted once, here or by
 *  the detector's public function). */
export function detectGapsOf(
  eco: Ecosystem,
  inChain: (node: string) => boolean,
  types: Set<GapType>,
  bridging: Bridging,
): GapEntry[] {
  const entries: GapEntry[] = [];
  for (const type of GAP_TYPES)
    if (types.has(type)) appendTo(entries, DETECTORS[type].find(eco, inChain, bridging));
  return entries;
}

/**
 * Every gap of the types asked for (default all), most severe first, counted, and described on
 * demand: what the API keeps per graph revision and pages through.
 */
export function listGaps(graph: AbstractGraph, options?: DetectGapsOptions, index?: EcosystemIndex): GapList {
  return listGapsAs(MODULE, graph, options, index);
}

function listGapsAs(
  module: string,
  graph: AbstractGraph,
  options: DetectGapsOptions | undefined,
  index: EcosystemIndex | undefined,
): GapList {
  const { eco, inChain } = prepare(module, graph, options, index);
  const types = resolveTypes(module, options?.types);
  const bridging = resolveBridging(module, options);
  const entries = sortGaps(eco, detectGapsOf(eco, inChain, types, bridging));
  const describe = (entry: GapEntry) => DETECTORS[entry.type].describe(eco, entry, bridging);
  return { entries, counts: countGaps(entries), describe };
}

/**
 * Entries in `compareGaps` order, sorted as plain numbers: severities are multiples of 0.0001 and
 * the index numbers nodes in key order, so (10,000 − severity × 10,000, node number, type) as one
 * number orders them the same (an entity has one entry per type, so no two are equal), and the
 * entry's position rides along in the low bits. At 160,000 entries a typed-array sort takes a
 * fraction of comparing keys.
 */
function sortGaps(eco: Ecosystem, entries: GapEntry[]): GapEntry[] {
  const n = eco.nodes.length;
  const types = GAP_TYPES.length;
  const slots = 2 ** Math.ceil(Math.log2(Math.max(2, entries.length)));
  if (10_001 * n * types * slots > Number.MAX_SAFE_INTEGER) return entries.sort(compareGaps);
  const keys = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i] as GapEntry;
    const node = eco.index.get(entry.entity);
    if (node === undefined) return entries.sort(compareGaps);
    const rank =
      (Math.round((1 - entry.severity) * 10_000) * n + node) * types + GAP_TYPES.indexOf(entry.type);
    keys[i] = rank * slots + i;
  }
  keys.sort();
  const sorted: GapEntry[] = [];
  for (const key of keys) sorted.push(entries[key % slots] as GapEntry);
  return sorted;
}

/** Every gap of the types asked for (default all), most severe first, each with its reasons. */
export function detectGaps(
  graph: AbstractGraph,
  options?: DetectGapsOptions,
  index?: EcosystemIndex,
): GapItem[] {
  const list = listGapsAs(MODULE, graph, options, index);
  return list.entries.map(list.describe);
}

/** Number of entries per gap type in a list of entries (every type present, 0 when none). */
export function countGaps(entries: readonly GapEntry[]): GapCounts {
  const counts = Object.fromEntries(GAP_TYPES.map((type) => [type, 0])) as GapCounts;
  for (const entry of entries) counts[entry.type] += 1;
  return counts;
}

/** Number of gaps per type (types not asked for count 0); no reasons are written. */
export function gapCounts(
  graph: AbstractGraph,
  options?: DetectGapsOptions,
  index?: EcosystemIndex,
): GapCounts {
  const { eco, inChain } = prepare('gapCounts', graph, options, index);
  const types = resolveTypes('gapCounts', options?.types);
  return countGaps(detectGapsOf(eco, inChain, types, resolveBridging('gapCounts', options)));
}
