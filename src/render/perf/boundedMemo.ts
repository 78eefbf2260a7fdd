/**
 * A bounded memo in two generations, as the shaping cache keeps its runs: when the current
 * generation is full it becomes the previous one (the one before is dropped), and entries
 * still in use move back to the current one as they are met. At most 2 x `perGeneration`
 * entries; a hit costs one Map lookup, where least-recently-used order costs three.
 */
export class BoundedMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(readonly perGeneration: number) {}

  get(key: string): V | undefined {
    const found = this.current.get(key);
    if (found !== undefined) {
      this.hits += 1;
      return found;
    }
    const old = this.previous.get(key);
    if (old === undefined) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.previous.delete(key);
    this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.perGeneration) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  delete(key: string): void {
    this.current.delete(key);
    this.previous.delete(key);
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}
