import { createHash } from 'node:crypto';

/**
 * Values computed from a text, remembered by the text's SHA-256 digest (not by the text, so
 * long sources are not kept twice), least recently used first out. Callers must treat the
 * values as read-only: the same object is handed to everyone who asks for the same text.
 */
export class DigestMemo<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries: number) {}

  get(text: string, compute: () => T): T {
    const digest = createHash('sha256').update(text).digest('base64');
    const found = this.entries.get(digest);
    if (found !== undefined) {
      this.entries.delete(digest);
      this.entries.set(digest, found);
      return found;
    }
    const value = compute();
    this.entries.set(digest, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** The value remembered for `text`, if any, without computing it. */
  peek(text: string): T | undefined {
    return this.entries.get(createHash('sha256').update(text).digest('base64'));
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
