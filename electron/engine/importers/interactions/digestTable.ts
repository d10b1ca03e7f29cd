// 63-bit digests of strings and open-addressing tables keyed by them, in typed arrays: a million message-ids cost a few bytes each.

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The digest of one string as two 32-bit halves, reused between calls so that hashing allocates
 * nothing. `lo` is never 0 (its lowest bit is set), which is what marks an empty slot below; two
 * different ids of a million share a digest with a probability of about one in 10^7.
 */
export class StringDigest {
  hi = 0;
  lo = 1;
  /** ofJoined's running state. */
  private a = 0;
  private b = 0;

  /** Sets the halves directly (a digest kept from an earlier `of`). */
  set(hi: number, lo: number): this {
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  /** FNV-1a and a rotate-multiply hash over the UTF-16 code units, each finished with murmur3's fmix32. */
  of(text: string): this {
    let a = 0x811c9dc5;
    let b = 0x9e3779b9 ^ text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(((b << 5) | (b >>> 27)) ^ c, 0x5bd1e995);
    }
    this.hi = fmix32(a ^ Math.imul(b, 0x27d4eb2f));
    this.lo = (fmix32(b + 0x165667b1) | 1) >>> 0;
    return this;
  }

  /** `of` the four strings joined by U+0001, without building the joined string. */
  ofJoined(w: string, x: string, y: string, z: string): this {
    this.a = 0x811c9dc5;
    this.b = 0x9e3779b9 ^ (w.length + x.length + y.length + z.length + 3);
    this.mix(w);
    this.mix(x, true);
    this.mix(y, true);
    this.mix(z, true);
    this.hi = fmix32(this.a ^ Math.imul(this.b, 0x27d4eb2f));
    this.lo = (fmix32(this.b + 0x165667b1) | 1) >>> 0;
    return this;
  }

  /** Hashes `text` into the running state, after a U+0001 when `separated`. */
  private mix(text: string, separated = false): void {
    let a = this.a;
    let b = this.b;
    if (separated) {
      a = Math.imul(a ^ 1, 0x01000193);
      b = Math.imul(((b << 5) | (b >>> 27)) ^ 1, 0x5bd1e995);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(((b << 5) | (b >>> 27)) ^ c, 0x5bd1e995);
    }
    this.a = a;
    this.b = b;
  }
}

const MIN_CAPACITY = 1 << 10;

/** Linear probing over (hi, lo) pairs; grows by doubling past 3/4 full. */
abstract class DigestSlots {
  protected keys: Uint32Array;
  protected mask: number;
  size = 0;

  constructor(capacity = MIN_CAPACITY) {
    let cap = MIN_CAPACITY;
    while (cap < capacity) cap *= 2;
    this.keys = new Uint32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** The slot holding (hi, lo), or the empty slot where it would go. */
  protected slotOf(hi: number, lo: number): number {
    const keys = this.keys;
    const mask = this.mask;
    for (let i = hi & mask; ; i = (i + 1) & mask) {
      const k = keys[i * 2 + 1];
      if (k === 0 || (k === lo && keys[i * 2] === hi)) return i;
    }
  }

  protected claim(slot: number, hi: number, lo: number): void {
    this.keys[slot * 2] = hi;
    this.keys[slot * 2 + 1] = lo;
    this.size++;
  }

  protected needsRoom(): boolean {
    return (this.size + 1) * 4 > (this.mask + 1) * 3;
  }

  /** Re-inserts every key into a table twice the size; `move` copies a payload from old to new slot. */
  protected grow(move?: (from: number, to: number) => void): void {
    const old = this.keys;
    const cap = (this.mask + 1) * 2;
    this.keys = new Uint32Array(cap * 2);
    this.mask = cap - 1;
    for (let i = 0; i < old.length / 2; i++) {
      const lo = old[i * 2 + 1];
      if (lo === 0) continue;
      const slot = this.slotOf(old[i * 2], lo);
      this.keys[slot * 2] = old[i * 2];
      this.keys[slot * 2 + 1] = lo;
      move?.(i, slot);
    }
  }

  get capacity(): number {
    return this.mask + 1;
  }

  /** Forgets every key, keeping the table's size. */
  clear(): void {
    this.keys.fill(0);
    this.size = 0;
  }
}

export class DigestSet extends DigestSlots {
  has(d: StringDigest): boolean {
    return this.keys[this.slotOf(d.hi, d.lo) * 2 + 1] !== 0;
  }

  /** Adds `d`; false when it was already there. */
  add(d: StringDigest): boolean {
    if (this.needsRoom()) this.grow();
    const slot = this.slotOf(d.hi, d.lo);
    if (this.keys[slot * 2 + 1] !== 0) return false;
    this.claim(slot, d.hi, d.lo);
    return true;
  }
}

/** Digest → non-negative 32-bit integer. */
export class DigestMap extends DigestSlots {
  private values: Uint32Array;

  constructor(capacity = MIN_CAPACITY) {
    super(capacity);
    this.values = new Uint32Array(this.capacity);
  }

  get(d: StringDigest): number | undefined {
    const slot = this.slotOf(d.hi, d.lo);
    return this.keys[slot * 2 + 1] === 0 ? undefined : this.values[slot];
  }

  set(d: StringDigest, value: number): void {
    if (this.needsRoom()) {
      const old = this.values;
      const values = new Uint32Array(this.capacity * 2);
      this.grow((from, to) => (values[to] = old[from]));
      this.values = values;
    }
    const slot = this.slotOf(d.hi, d.lo);
    if (this.keys[slot * 2 + 1] === 0) this.claim(slot, d.hi, d.lo);
    this.values[slot] = value;
  }
}
