/**
 * JSON texts collected as UTF-8 bytes outside the JavaScript heap, then written once, in key
 * order, into the bytes of the whole answer. For answers of tens of megabytes (a 20,000-node
 * subgraph has 125,000 relations): if each piece stayed a string until the end, every piece would
 * survive the young generation and the garbage collector would copy them all, which measured as
 * a third of the request's time. Here only the keys stay on the heap; the bytes sit in chunks
 * that are never copied to grow, and are copied once into the answer.
 */

const CHUNK_BYTES = 1 << 20;

/**
 * Chunks given back by pieces already written (`JsonPieces.release`), for the next pieces. A chunk
 * is memory outside the JavaScript heap, and V8 starts a full collection each time that memory
 * has grown by some megabytes: with two new chunks per answer, a run of 2-hop neighbourhoods
 * (about 0.5 MB of JSON each) had a full collection every six or seven requests.
 */
const spareChunks: Buffer[] = [];
/** Spare chunks kept at most (so a 20,000-node subgraph's 40 do not stay held). */
const MAX_SPARE_CHUNKS = 8;

function chunkFor(bytes: number): Buffer {
  if (bytes > CHUNK_BYTES) return Buffer.allocUnsafe(bytes);
  return spareChunks.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
}

export class JsonPieces {
  private readonly chunks: Buffer[] = [];
  private chunk: Buffer | null = null;
  private used = 0;
  private total = 0;
  private readonly keys: string[] = [];
  private chunkOf: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private starts: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private ends: Int32Array<ArrayBuffer> = new Int32Array(1024);

  get count(): number {
    return this.keys.length;
  }

  /** Adds the JSON text of one item under its key (the key only orders the pieces). */
  add(key: string, text: string): void {
    const index = this.keys.length;
    if (index === this.starts.length) {
      this.chunkOf = grown(this.chunkOf);
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const room = text.length * 3;
    if (this.chunk === null || this.used + room > this.chunk.length) {
      this.chunk = chunkFor(room);
      this.chunks.push(this.chunk);
      this.used = 0;
    }
    const written = this.chunk.write(text, this.used, 'utf8');
    this.chunkOf[index] = this.chunks.length - 1;
    this.starts[index] = this.used;
    this.ends[index] = this.used + written;
    this.used += written;
    this.total += written;
    this.keys.push(key);
  }

  /** Gives the chunks back for other pieces to fill, once the pieces have been written
   *  (`jsonObject`); the pieces are empty afterwards. */
  release(): void {
    for (const chunk of this.chunks) {
      if (chunk.length === CHUNK_BYTES && spareChunks.length < MAX_SPARE_CHUNKS) spareChunks.push(chunk);
    }
    this.chunks.length = 0;
    this.chunk = null;
    this.used = 0;
    this.total = 0;
    this.keys.length = 0;
  }

  /** Bytes of the JSON array of the pieces (brackets and commas included). */
  arrayLength(): number {
    return this.total + Math.max(0, this.keys.length - 1) + 2;
  }

  /** Writes the JSON array of the pieces into `out` at `at`, in the order added or, with `sorted`,
   *  by key (code-unit order, as `<` compares strings); returns the position after it. */
  writeArray(out: Buffer, at: number, sorted: boolean): number {
    const n = this.keys.length;
    // A plain array: V8 sorts it with a comparator in a third of the time of an Int32Array
    // (125,000 keys: 20–35 ms against 76–105).
    const order: number[] = [];
    for (let i = 0; i < n; i += 1) order.push(i);
    if (sorted) {
      const keys = this.keys;
      order.sort((a, b) => {
        const x = keys[a] as string;
        const y = keys[b] as string;
        return x < y ? -1 : x > y ? 1 : a - b;
      });
    }
    let position = at;
    out[position++] = 0x5b; // '['
    for (let k = 0; k < n; k += 1) {
      const i = order[k] ?? 0;
      if (k > 0) out[position++] = 0x2c; // ','
      const chunk = this.chunks[this.chunkOf[i] ?? 0] as Buffer;
      position += chunk.copy(out, position, this.starts[i] ?? 0, this.ends[i] ?? 0);
    }
    out[position++] = 0x5d; // ']'
    return position;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** A member value of `jsonObject`: JSON text, or an array of pieces (sorted by key or not). */
export type JsonValue = string | { pieces: JsonPieces; sorted: boolean };

/** `{"a":…,"b":…}` from its members' values, written once into one buffer. */
export function jsonObject(members: ReadonlyArray<readonly [string, JsonValue]>): Buffer {
  const heads = members.map(([name], index) => `${index === 0 ? '{' : ','}${JSON.stringify(name)}:`);
  let length = members.length === 0 ? 2 : 1;
  members.forEach(([, value], index) => {
    length += Buffer.byteLength(heads[index] as string, 'utf8');
    length += typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.pieces.arrayLength();
  });
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  members.forEach(([, value], index) => {
    at += out.write(heads[index] as string, at, 'utf8');
    at =
      typeof value === 'string'
        ? at + out.write(value, at, 'utf8')
        : value.pieces.writeArray(out, at, value.sorted);
  });
  at += out.write(members.length === 0 ? '{}' : '}', at, 'utf8');
  return out.subarray(0, at);
}
