/**
 * Node positions as the force layout's worker sends them to the page: x and y of each node, in
 * the layout's node order, in a Float32Array of two values per node.
 *
 * The buffers go back and forth (transferred, never copied): the worker fills one, the page
 * applies it and gives it back. A new ArrayBuffer per message (2 MB at 50,000 nodes when it was
 * the whole FA2 matrix, several a second) was what filled Chromium's external memory and set off a
 * major collection every few seconds while a layout ran, each a 60–100 ms pause in a frame.
 */

/** Values per node in the positions the worker sends (x, y). */
export const POSITION_STRIDE = 2;

/** Values per node in FA2's node matrix (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed). */
export const FA2_NODE_STRIDE = 10;

/** Buffers out at once: one held by the page for the slices it is applying, one waiting there
 *  (the newest positions), one on its way. With all of them out, the worker keeps iterating and
 *  sends the newest positions as soon as the page gives one back: a page busy drawing a slow frame
 *  is not sent positions it would only throw away. */
export const POSITION_BUFFERS = 3;

export class PositionBuffers {
  private readonly spare: Float32Array[] = [];
  /** Taken and not given back yet. */
  private out = 0;
  /** Buffers made so far (the rest of the messages reused one). */
  created = 0;

  constructor(
    /** Nodes of the layout: each buffer holds x and y of every node. */
    private readonly nodes: number,
    private readonly limit = POSITION_BUFFERS,
  ) {}

  /** A buffer to fill and send: a given-back one, or a new one while fewer than the limit are out;
   *  null when they all are (wait for the page to give one back). */
  take(): Float32Array | null {
    const buffer = this.spare.pop() ?? (this.out < this.limit ? this.make() : null);
    if (buffer !== null) this.out += 1;
    return buffer;
  }

  /** A buffer whatever is out (for the last positions, when the layout stops). */
  takeAnyway(): Float32Array {
    const buffer = this.spare.pop() ?? this.make();
    this.out += 1;
    return buffer;
  }

  /** Takes back a buffer the page is done with; false (and dropped) when it is not one of this
   *  layout's (another node count: an earlier run). */
  give(buffer: Float32Array): boolean {
    if (buffer.length !== this.nodes * POSITION_STRIDE) return false;
    this.out = Math.max(0, this.out - 1);
    if (this.spare.length < this.limit) this.spare.push(buffer);
    return true;
  }

  private make(): Float32Array {
    this.created += 1;
    return new Float32Array(this.nodes * POSITION_STRIDE);
  }
}

/** Copies each node's x and y from FA2's node matrix into `out` (two values per node). */
export function copyPositions(matrix: Float32Array, out: Float32Array): Float32Array {
  const nodes = Math.min(out.length / POSITION_STRIDE, Math.floor(matrix.length / FA2_NODE_STRIDE));
  for (let node = 0; node < nodes; node += 1) {
    out[node * POSITION_STRIDE] = matrix[node * FA2_NODE_STRIDE] ?? 0;
    out[node * POSITION_STRIDE + 1] = matrix[node * FA2_NODE_STRIDE + 1] ?? 0;
  }
  return out;
}
