/**
 * JSON texts collected as UTF-8 bytes outside the JavaScript heap, then joined into one buffer in
 * key order. For answers of tens of megabytes (a 20,000-node subgraph has 125,000 relations): if
 * each piece stayed a string until the end, every piece would survive the young generation and
 * the garbage collector would copy them all, which measured as a third of the request's time.
 * Here only the keys stay on the heap.
 */
export class JsonPieces {
  private bytes: Buffer;
  private used = 0;
  private readonly keys: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;

  constructor(expectedPieces = 1024, expectedBytes = 1 << 20) {
    this.bytes = Buffer.allocUnsafe(Math.max(16, expectedBytes));
    this.starts = new Int32Array(Math.max(1, expectedPieces));
    this.ends = new Int32Array(Math.max(1, expectedPieces));
  }

  get count(): number {
    return this.keys.length;
  }

  /** Adds the JSON text of one item under its key (the key only orders the pieces). */
  add(key: string, text: string): void {
    const index = this.keys.length;
    if (index === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const room = text.length * 3;
    if (this.used + room > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + room));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.starts[index] = this.used;
    this.used += this.bytes.write(text, this.used, 'utf8');
    this.ends[index] = this.used;
    this.keys.push(key);
  }

  /** The JSON array of the pieces, in the order added or, with `sorted`, by key (code-unit
   *  order, as `<` compares strings), as UTF-8 bytes. */
  array(sorted: boolean): Buffer {
    const n = this.keys.length;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i += 1) order[i] = i;
    if (sorted) {
      const keys = this.keys;
      order.sort((a, b) => {
        const x = keys[a] as string;
        const y = keys[b] as string;
        return x < y ? -1 : x > y ? 1 : a - b;
      });
    }
    const out = Buffer.allocUnsafe(this.used + Math.max(0, n - 1) + 2);
    let at = 0;
    out[at++] = 0x5b; // '['
    for (let k = 0; k < n; k += 1) {
      const i = order[k] ?? 0;
      if (k > 0) out[at++] = 0x2c; // ','
      at += this.bytes.copy(out, at, this.starts[i] ?? 0, this.ends[i] ?? 0);
    }
    out[at++] = 0x5d; // ']'
    return out.subarray(0, at);
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** `{"a":…,"b":…}` from the JSON texts of its values (strings or UTF-8 bytes), as one buffer. */
export function jsonObject(parts: ReadonlyArray<readonly [string, string | Buffer]>): Buffer {
  const chunks: Buffer[] = [];
  parts.forEach(([name, value], index) => {
    chunks.push(Buffer.from(`${index === 0 ? '{' : ','}${JSON.stringify(name)}:`, 'utf8'));
    chunks.push(typeof value === 'string' ? Buffer.from(value, 'utf8') : value);
  });
  chunks.push(Buffer.from(parts.length === 0 ? '{}' : '}', 'utf8'));
  return Buffer.concat(chunks);
}
