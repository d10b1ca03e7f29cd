// A compact table of one file's row keys → the line that first had each: 64-bit hashes in typed arrays, so that
// a million-row file's duplicate check costs tens of megabytes, not the hundreds a Map of strings would.

/** 32-bit hash of a string's UTF-16 units (murmur-style mixing); two seeds give the two halves of a 64-bit hash. */
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEED_A = 0x9e3779b9;
const SEED_B = 0x85ebca6b;

/**
 * Open addressing with linear probing, filled to at most three quarters. Two keys are taken as equal
 * when both 32-bit halves of their hashes are: for the few million keys of the largest files, the
 * chance that two different keys collide is about one in ten million.
 * Each entry may carry a second 64-bit hash (`detail`: the whole row, for "every field equal").
 */
export class HashedLines {
  private capacity: number;
  private size = 0;
  private ha: Uint32Array;
  private hb: Uint32Array;
  /** 1-based line of the entry; 0 marks an empty slot. */
  private lines: Int32Array;
  private da: Uint32Array | null;
  private db: Uint32Array | null;

  constructor(
    private readonly withDetail = false,
    capacity = 1024,
  ) {
    this.capacity = capacity;
    this.ha = new Uint32Array(capacity);
    this.hb = new Uint32Array(capacity);
    this.lines = new Int32Array(capacity);
    this.da = withDetail ? new Uint32Array(capacity) : null;
    this.db = withDetail ? new Uint32Array(capacity) : null;
  }

  /** The line of the key's entry, or 0. */
  lineOf(key: string): number {
    const slot = this.slotOf(hash32(key, SEED_A), hash32(key, SEED_B));
    return this.lines[slot];
  }

  /** True when the key's entry was added with this detail. */
  sameDetail(key: string, detail: string): boolean {
    const slot = this.slotOf(hash32(key, SEED_A), hash32(key, SEED_B));
    return this.lines[slot] !== 0 && this.da![slot] === hash32(detail, SEED_A) && this.db![slot] === hash32(detail, SEED_B);
  }

  /** Adds the key with its line (and detail) unless it is there already. */
  add(key: string, line: number, detail?: string): void {
    if ((this.size + 1) * 4 > this.capacity * 3) this.grow();
    const a = hash32(key, SEED_A);
    const b = hash32(key, SEED_B);
    const slot = this.slotOf(a, b);
    if (this.lines[slot] !== 0) return;
    this.put(slot, a, b, line, detail === undefined ? 0 : hash32(detail, SEED_A), detail === undefined ? 0 : hash32(detail, SEED_B));
    this.size += 1;
  }

  /** The slot holding the hash, or the empty slot where it would go. */
  private slotOf(a: number, b: number): number {
    const mask = this.capacity - 1;
    let slot = (a ^ Math.imul(b, 0x27d4eb2d)) & mask;
    while (this.lines[slot] !== 0 && (this.ha[slot] !== a || this.hb[slot] !== b)) slot = (slot + 1) & mask;
    return slot;
  }

  private put(slot: number, a: number, b: number, line: number, da: number, db: number): void {
    this.ha[slot] = a;
    this.hb[slot] = b;
    this.lines[slot] = line;
    if (this.withDetail) {
      this.da![slot] = da;
      this.db![slot] = db;
    }
  }

  private grow(): void {
    const { ha, hb, lines, da, db } = this;
    this.capacity *= 2;
    this.ha = new Uint32Array(this.capacity);
    this.hb = new Uint32Array(this.capacity);
    this.lines = new Int32Array(this.capacity);
    this.da = this.withDetail ? new Uint32Array(this.capacity) : null;
    this.db = this.withDetail ? new Uint32Array(this.capacity) : null;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      this.put(this.slotOf(ha[i], hb[i]), ha[i], hb[i], lines[i], da ? da[i] : 0, db ? db[i] : 0);
    }
  }
}
