/**
 * Remembers textkit's layout of each paragraph: its line breaks, glyph runs and line boxes.
 *
 * @react-pdf/layout lays out every Text node with one call of textkit's layout engine,
 * `engine(attributedString, container, options)`. The call is a pure function of its three
 * arguments: the text runs with all their attributes (fonts, size, line height, colour, link,
 * alignment, features...), the container (width, height, line limit, exclusions) and the
 * options (hyphenation). So the key is all of them, written out whole: plain values by value,
 * and objects that are not plain data (fontkit fonts, callbacks, image buffers) by identity.
 * Nothing a layout depends on can be left out of the key, and a spacing or width variant
 * (another edition, copy-fitting) is simply another key.
 *
 * The engine is reached through textkitShim.mjs (see registerLayoutMemo.mjs). Entries live
 * across renders in one process (watch mode) and across editions laid out at the same text
 * width (A5, booklet and print shop), in two bounded generations (boundedMemo.ts).
 */

import { BoundedMemo } from './boundedMemo.ts';
import { memoKey } from './memoKey.ts';
import { memosStartOn, setShimHook, shimHookSet, shimLoaded } from './shimHooks.ts';

type Engine = (attributedString: unknown, container: unknown, options: unknown) => Paragraph[];
interface Run {
  [key: string]: unknown;
}
interface Line {
  runs: Run[];
  [key: string]: unknown;
}
type Paragraph = Line[];

/** Paragraphs per generation (two are kept): several times a whole project's, four leaflets in two languages at three text widths. */
export const DEFAULT_MAX_ENTRIES = 3_000;

/** Owners (editions of leaflets) whose last render's paragraphs are kept: all of a watched project's in one thread, not a 1,000-PDF build's. */
const MAX_OWNERS = 100;

export interface TextLayoutMemoStats {
  hits: number;
  misses: number;
  entries: number;
}

/** The memo key: every input of one engine call, written out. */
export const textLayoutKey = (engine: object, attributedString: unknown, container: unknown, options: unknown): string =>
  memoKey(engine, attributedString, container, options);

export class TextLayoutMemo {
  private readonly entries: BoundedMemo<Paragraph[]>;
  /** The keys each owner's last render used, and how many owners' last renders use each key. */
  private readonly lastUsed = new Map<string, Set<string>>();
  private readonly owners = new Map<string, number>();
  /** Owners rendering now, with the keys they have used so far. */
  private readonly running = new Map<string, { keys: Set<string>; depth: number }>();

  constructor(maxEntries = DEFAULT_MAX_ENTRIES) {
    this.entries = new BoundedMemo(maxEntries);
  }

  /**
   * Runs one render of `owner` (one edition of one leaflet). Afterwards the entries its
   * previous render used and this one did not (an edited paragraph's old text, an old width)
   * are dropped once no other owner's last render uses them, so edits in watch mode do not
   * pile up old layouts until the bound is reached. Entries made outside any owner are only
   * bounded.
   */
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

  layout(engine: Engine, attributedString: unknown, container: unknown, options: unknown): Paragraph[] {
    const key = textLayoutKey(engine, attributedString, container, options);
    let laidOut = this.entries.get(key);
    if (!laidOut) {
      laidOut = engine(attributedString, container, options);
      this.entries.set(key, laidOut);
    }
    for (const run of this.running.values()) run.keys.add(key);
    // Shared, not copied: layout and render 4.7 only read lines and runs (layout flattens the
    // paragraphs into a new array, pagination slices it), and the project's own passes copy what
    // they change (standardFontRuns.ts). tests/render/layoutMemo.test.ts renders warm, cold and
    // without the memo and compares the bytes.
    return laidOut;
  }

  clear(): void {
    this.entries.clear();
    this.lastUsed.clear();
    this.owners.clear();
  }

  get stats(): TextLayoutMemoStats {
    return { hits: this.entries.hits, misses: this.entries.misses, entries: this.entries.size };
  }
}

/** The process's memo. `LEAFLETS_LAYOUT_MEMO=off` starts the process without it. */
export const textLayoutMemo = new TextLayoutMemo();

/** Turns the memo on or off for this process (tests compare output both ways). */
export const setTextLayoutMemo = (enabled: boolean): void =>
  setShimHook('leaflets.textLayoutMemo', enabled ? textLayoutMemo.layout.bind(textLayoutMemo) : undefined);

/** Whether layouts in this process go through the memo: it is on, and the shim is in place. */
export const textLayoutMemoActive = (): boolean => shimHookSet('leaflets.textLayoutMemo') && shimLoaded('leaflets.textkitShim');

setTextLayoutMemo(memosStartOn);
