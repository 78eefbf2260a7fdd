import { BoundedMemo } from './boundedMemo.ts';

/** Owners (editions of leaflets) whose last render's entries are kept: all of a watched project's in one thread, not a 1,000-PDF build's. */
const MAX_OWNERS = 100;

export interface OwnedMemoStats {
  hits: number;
  misses: number;
  entries: number;
}

/**
 * A bounded memo (two generations, boundedMemo.ts) whose entries also belong to the renders
 * that used them. A render runs inside `owned(owner, ...)`, where an owner is one edition of
 * one leaflet; afterwards the entries that owner's previous render used and this one did not
 * (an edited paragraph's old layout, an old width) are dropped once no other owner's last
 * render uses them, so edits in watch mode do not pile up old entries until the bound is
 * reached. Entries made outside any owner are only bounded. While `enabled` is false the
 * memo holds nothing and finds nothing (tests compare output both ways).
 */
export class OwnedMemo<V> {
  private readonly entries: BoundedMemo<V>;
  /** The keys each owner's last render used, and how many owners' last renders use each key. */
  private readonly lastUsed = new Map<string, Set<string>>();
  private readonly owners = new Map<string, number>();
  /** Owners rendering now, with the keys they have used so far. */
  private readonly running = new Map<string, { keys: Set<string>; depth: number }>();

  constructor(
    maxEntries: number,
    public enabled = true,
  ) {
    this.entries = new BoundedMemo(maxEntries);
  }

  async owned<T>(owner: string, render: () => Promise<T>): Promise<T> {
    const run = this.running.get(owner) ?? { keys: new Set<string>(), depth: 0 };
    run.depth += 1;
    this.running.set(owner, run);
    try {
      return await render();
    } finally {
      run.depth -= 1;
      if (run.depth === 0) {
        this.running.delete(owner);
        this.sweep(owner, run.keys);
      }
    }
  }

  /** The entry for `key`, if there is one; the renders running now count as using it either way (they are about to make it). */
  get(key: string): V | undefined {
    if (!this.enabled) return undefined;
    for (const run of this.running.values()) run.keys.add(key);
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (this.enabled) this.entries.set(key, value);
  }

  private sweep(owner: string, keys: Set<string>): void {
    const before = this.lastUsed.get(owner);
    for (const key of keys) if (!before?.has(key)) this.owners.set(key, (this.owners.get(key) ?? 0) + 1);
    for (const key of before ?? []) if (!keys.has(key)) this.release(key);
    // Most recently rendered last; past the bound, the longest-unrendered owner lets go of all it held.
    this.lastUsed.delete(owner);
    this.lastUsed.set(owner, keys);
    if (this.lastUsed.size > MAX_OWNERS) {
      const [oldest, held] = this.lastUsed.entries().next().value!;
      this.lastUsed.delete(oldest);
      for (const key of held) this.release(key);
    }
  }

  private release(key: string): void {
    const left = (this.owners.get(key) ?? 1) - 1;
    if (left > 0) {
      this.owners.set(key, left);
    } else {
      this.owners.delete(key);
      this.entries.delete(key);
    }
  }

  /**
   * The values for `keys`, in order: those the memo holds, and the rest made together by
   * `make` (given the positions it lacks, in order; it must return one value for each), which
   * are remembered under their keys. An undefined key is always made and never remembered.
   */
  async recallOrMake(keys: ReadonlyArray<string | undefined>, make: (missing: number[]) => Promise<V[]>, what: string): Promise<V[]> {
    const known = keys.map((key) => (key === undefined ? undefined : this.get(key)));
    const missing = known.flatMap((value, index) => (value === undefined ? [index] : []));
    const made = await make(missing);
    if (made.length !== missing.length) throw new Error(`${made.length} ${what} laid out for ${missing.length}`);
    missing.forEach((index, position) => {
      const key = keys[index];
      if (key !== undefined) this.set(key, made[position]!);
      known[index] = made[position];
    });
    return known as V[];
  }

  clear(): void {
    this.entries.clear();
    this.lastUsed.clear();
    this.owners.clear();
  }

  get stats(): OwnedMemoStats {
    return { hits: this.entries.hits, misses: this.entries.misses, entries: this.entries.size };
  }
}
