// ByteBuf: the growable byte buffer WasmBuilder writes a module into, with the LEB128,
// float and name encoders of the WebAssembly binary format.

/** A growable byte buffer with the LEB128 encoders the binary format uses. */
export class ByteBuf {
  bytes: Uint8Array<ArrayBuffer>;
  length = 0;
  private static readonly scratch = new DataView(new ArrayBuffer(8));
  private static readonly encoder = new TextEncoder();

  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }
  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  byte(b: number): void {
    if (this.length >= this.bytes.length) this.reserve(1);
    this.bytes[this.length++] = b;
  }
  /** Unsigned LEB128 of a value in [0, 2^32). */
  uleb(n: number): void {
    do {
      let b = n & 0x7f;
      n >>>= 7;
      if (n !== 0) b |= 0x80;
      this.byte(b);
    } while (n !== 0);
  }
  /** Signed LEB128 of an i32 (any number is taken modulo 2^32 first). */
  sleb32(n: number): void {
    n |= 0;
    for (;;) {
      const b = n & 0x7f;
      n >>= 7;
      if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
        this.byte(b);
        return;
      }
      this.byte(b | 0x80);
    }
  }
  /** Signed LEB128 of an i64 (a bigint taken modulo 2^64, or a safe integer). */
  sleb64(v: bigint | number): void {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new Error(`sleb64: ${v} is not a safe integer`);
      this.slebSafe(v);
      return;
    }
    if (v >= -0x8000_0000n && v <= 0x7fff_ffffn) {
      this.sleb32(Number(v));
      return;
    }
    v = BigInt.asIntN(64, v);
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
        this.byte(b);
        return;
      }
      this.byte(b | 0x80);
    }
  }
  /** Signed LEB128 of a safe integer, without bigints. */
  private slebSafe(n: number): void {
    if ((n | 0) === n) {
      this.sleb32(n);
      return;
    }
    for (;;) {
      const b = n - Math.floor(n / 128) * 128; // n mod 128, in [0, 128)
      n = Math.floor(n / 128); // arithmetic shift right by 7
      if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
        this.byte(b);
        return;
      }
      this.byte(b | 0x80);
    }
  }
  f32(x: number): void {
    ByteBuf.scratch.setFloat32(0, x, true);
    for (let i = 0; i < 4; i++) this.byte(ByteBuf.scratch.getUint8(i));
  }
  f64(x: number): void {
    ByteBuf.scratch.setFloat64(0, x, true);
    for (let i = 0; i < 8; i++) this.byte(ByteBuf.scratch.getUint8(i));
  }
  append(src: Uint8Array, len = src.length): void {
    this.reserve(len);
    if (len < 32) {
      for (let i = 0; i < len; i++) this.bytes[this.length + i] = src[i];
    } else {
      this.bytes.set(src.subarray(0, len), this.length);
    }
    this.length += len;
  }
  name(s: string): void {
    const utf8 = ByteBuf.encoder.encode(s);
    this.uleb(utf8.length);
    this.append(utf8);
  }
  /** Appends `body` as a section: id, byte size, contents. */
  section(id: number, body: ByteBuf): void {
    this.byte(id);
    this.uleb(body.length);
    this.append(body.bytes, body.length);
  }
  result(): Uint8Array<ArrayBuffer> {
    return this.bytes.slice(0, this.length);
  }
}
