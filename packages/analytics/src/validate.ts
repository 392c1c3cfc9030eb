/**
 * Input checks shared by every analytics function. Errors name the module, like graphology's
 * own (`analytics/chainLayout: ...`), and say what is wrong with the input.
 */
import type { AbstractGraph } from 'graphology-types';
import isGraphology from 'graphology-utils/is-graph.js';

/** Throws an error whose message starts with the module's name. */
export function fail(module: string, message: string): never {
  throw new Error(`analytics/${module}: ${message}`);
}

export function assertGraph(module: string, value: unknown): asserts value is AbstractGraph {
  if (!isGraphology(value)) fail(module, 'the given graph is not a valid graphology instance.');
}

/** A finite number > 0 (or >= 0 when `allowZero`). */
export function checkPositive(module: string, name: string, value: number, allowZero = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    fail(
      module,
      `option ${name} must be a finite number ${allowZero ? '>= 0' : '> 0'}, got ${String(value)}.`,
    );
  }
  return value;
}

/** An integer >= `min`. */
export function checkInteger(module: string, name: string, value: number, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(module, `option ${name} must be an integer >= ${min}, got ${String(value)}.`);
  }
  return value;
}

/** Rejects option objects that are not plain objects (e.g. a number passed by mistake). */
export function checkOptions(module: string, options: unknown): void {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    fail(module, 'options must be an object when given.');
  }
}
