/**
 * What the detectors share: option checks, the chain filter, the item order and the ecosystem
 * index (built once by `detectGaps`, or by each detector when called on its own).
 */
import type { Ecosystem, EcosystemIndex } from '../ecosystem.js';
import { chainScope, kindIn, useIndex } from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { compareKeys } from '../graph.js';
import { round4 } from '../text.js';
import { assertGraph, checkOptions, fail } from '../validate.js';
import type { GapDetectorOptions, GapEntry, GapItem, GapType } from './types.js';
import { GAP_TYPES } from './types.js';

/** Checks the graph and the common options; returns the index and the chain filter. */
export function prepare(
  module: string,
  graph: unknown,
  options: GapDetectorOptions | undefined,
  eco?: EcosystemIndex,
): { eco: Ecosystem; inChain: (node: string) => boolean } {
  assertGraph(module, graph);
  checkOptions(module, options);
  const index = useIndex(module, graph as AbstractGraph, eco);
  return { eco: index, inChain: chainFilter(module, index, options?.chain) };
}

export function chainFilter(module: string, eco: Ecosystem, chain: unknown): (node: string) => boolean {
  if (chain === undefined) return () => true;
  if (typeof chain !== 'string' || kindIn(eco, chain) !== 'IndustryChain') {
    fail(module, `option chain must be the key of an IndustryChain node in the graph, got ${String(chain)}.`);
  }
  return (node) => chainScope(eco, node).includes(chain);
}

/** Severity desc, then entity id, then gap type (in GAP_TYPES order). */
export function compareGaps(a: GapEntry, b: GapEntry): number {
  return (
    b.severity - a.severity ||
    compareKeys(a.entity, b.entity) ||
    GAP_TYPES.indexOf(a.type) - GAP_TYPES.indexOf(b.type)
  );
}

/** An entry with its severity clamped to 0..1 and rounded to 4 decimals. */
export function gapEntry(type: GapType, entity: string, severity: number): GapEntry {
  return { type, entity, severity: round4(Math.min(1, Math.max(0, severity))) };
}

/** The item of an entry: its reasons, and the other entities they name (distinct, sorted). */
export function gapItem(entry: GapEntry, reasons: GapItem['reasons'], involved: readonly string[]): GapItem {
  const { type, entity, severity } = entry;
  // Distinct, sorted, without the entity itself: insertion into a short sorted list.
  const others: string[] = [];
  for (let k = 0; k < involved.length; k += 1) {
    const id = involved[k] as string;
    if (id === entity) continue;
    let i = others.length;
    while (i > 0 && (others[i - 1] as string) > id) i -= 1;
    if (i > 0 && others[i - 1] === id) continue;
    others.push(id);
    for (let j = others.length - 1; j > i; j -= 1) others[j] = others[j - 1] as string;
    others[i] = id;
  }
  return { type, entity, severity, reasons, involved: others };
}

/** A detector's entries, most severe first, written out as items. */
export function describedInOrder(entries: GapEntry[], describe: (entry: GapEntry) => GapItem): GapItem[] {
  return entries.sort(compareGaps).map(describe);
}

/** Appends without spreading (a spread of 100,000 items overflows the call stack). */
export function appendTo<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
