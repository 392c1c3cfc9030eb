/**
 * Node positions as the force layout's worker sends them to the page: x and y of each node, in
 * the layout's node order, in a Float32Array of two values per node.
 *
 * The buffers go back and forth (transferred, never copied): the worker fills one, the page
 * applies it and gives it back. A new ArrayBuffer per message (2 MB at 50,000 nodes when it was
 * the whole FA2 matrix, several a second) was what filled Chromium's external memory and set off a
 * major collection every few seconds while a layout ran, each a 60–100 ms pause in a frame.
 */

/** Values per node in FA2's node matrix (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed). */
export const FA2_NODE_STRIDE = 10;

/** Spare buffers kept: one being filled, one on its way, one held by the page, one to spare. */
const SPARE_MAX = 4;

export class PositionBuffers {
  private readonly spare: Float32Array[] = [];
  /** Buffers made since the pool was created (the rest were reused). */
  created = 0;

  /** A buffer for `nodes` nodes: a returned one when one fits, else a new one. */
  take(nodes: number): Float32Array {
    const length = nodes * 2;
    for (;;) {
      const buffer = this.spare.pop();
      if (buffer === undefined) break;
      if (buffer.length === length) return buffer;
    }
    this.created += 1;
    return new Float32Array(length);
  }

  /** Keeps a buffer the page is done with (one of another size, from an older run, is dropped). */
  give(buffer: Float32Array, nodes: number): void {
    if (buffer.length === nodes * 2 && this.spare.length < SPARE_MAX) this.spare.push(buffer);
  }

  get size(): number {
    return this.spare.length;
  }
}

/** Copies each node's x and y from FA2's node matrix into `out` (two values per node). */
export function copyPositions(matrix: Float32Array, out: Float32Array): Float32Array {
  const nodes = Math.min(out.length / 2, Math.floor(matrix.length / FA2_NODE_STRIDE));
  for (let node = 0; node < nodes; node += 1) {
    out[node * 2] = matrix[node * FA2_NODE_STRIDE] ?? 0;
    out[node * 2 + 1] = matrix[node * FA2_NODE_STRIDE + 1] ?? 0;
  }
  return out;
}
