/**
 * Remembers textkit's layout of each paragraph: its line breaks, glyph runs and line boxes.
 *
 * @react-pdf/layout lays out every Text node with one call of textkit's layout engine,
 * `engine(attributedString, container, options)`. The call is a pure function of its three
 * arguments: the text runs with all their attributes (fonts, size, line height, colour, link,
 * alignment, features...), the container (width, height, line limit, exclusions) and the
 * options (hyphenation). So an entry is found only when all of them are the same: plain values
 * by value, and objects that are not plain data (fontkit fonts, callbacks, image buffers) by
 * identity, as memoKey.ts would write them. Nothing a layout depends on can be left out, and a
 * spacing or width variant (another edition, copy-fitting) is simply another entry.
 * Entries are filed by engine, width and text, and keep the call's arguments to compare
 * (nothing changes them after the call): writing every call out as a key string, and hashing
 * it, took a third as long as textkit took to lay the paragraphs out in a fresh render.
 *
 * The engine is reached through textkitShim.mjs (see registerLayoutMemo.mjs). Entries live
 * across renders in one process (watch mode) and across editions laid out at the same text
 * width (A5, booklet and print shop), in two bounded generations (boundedMemo.ts).
 */

import { identityOf, sameMemoInputs } from './memoKey.ts';
import { OwnedMemo, type OwnedMemoStats } from './ownedMemo.ts';
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

export type TextLayoutMemoStats = OwnedMemoStats;

/** One engine call and its layout. */
interface Entry {
  attributedString: unknown;
  container: unknown;
  options: unknown;
  paragraphs: Paragraph[];
}

/** Variants of one text at one width kept (line heights that copy-fitting tries, narrowed measures...). */
const MAX_VARIANTS = 8;

/** Where a call's entries are filed: the engine, the container's width and the text. */
const fileOf = (engine: object, attributedString: unknown, container: unknown): string =>
  `${identityOf(engine)}|${(container as { width?: unknown } | null)?.width}|${(attributedString as { string?: unknown } | null)?.string}`;

/** Paragraph layouts, owned by the renders that use them (ownedMemo.ts). */
export class TextLayoutMemo extends OwnedMemo<Entry[]> {
  private found = 0;
  private made = 0;

  constructor(maxEntries = DEFAULT_MAX_ENTRIES) {
    super(maxEntries);
  }

  layout(engine: Engine, attributedString: unknown, container: unknown, options: unknown): Paragraph[] {
    const file = fileOf(engine, attributedString, container);
    const entries = this.get(file);
    const known = entries?.find(
      (entry) => sameMemoInputs(entry.container, container) && sameMemoInputs(entry.options, options) && sameMemoInputs(entry.attributedString, attributedString),
    );
    // Shared, not copied: layout and render 4.7 only read lines and runs (layout flattens the
    // paragraphs into a new array, pagination slices it), and the project's own passes copy what
    // they change (standardFontRuns.ts). tests/render/layoutMemo.test.tsx renders warm, cold and
    // without the memo and compares the bytes.
    if (known) {
      this.found += 1;
      return known.paragraphs;
    }
    this.made += 1;
    const paragraphs = engine(attributedString, container, options);
    const entry = { attributedString, container, options, paragraphs };
    this.set(file, entries ? [entry, ...entries.slice(0, MAX_VARIANTS - 1)] : [entry]);
    return paragraphs;
  }

  /** Layouts found and made (a text filed under a known width and text but laid out otherwise is made). */
  override get stats(): TextLayoutMemoStats {
    return { ...super.stats, hits: this.found, misses: this.made };
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

/** The arguments of one call of textkit's layout engine: attributed string, container, options. */
export type TextLayoutCall = [attributedString: unknown, container: unknown, options: unknown];

/**
 * Runs `layout` and gives every call textkit's layout engine had during it, as the memo sees
 * them (tests and benches give them to textkit's engines again). The memo stays as it was.
 */
export async function recordTextLayoutCalls(layout: () => Promise<unknown>): Promise<TextLayoutCall[]> {
  const registry = globalThis as unknown as Record<symbol, unknown>;
  const hook = Symbol.for('leaflets.textLayoutMemo');
  const memo = registry[hook];
  const calls: TextLayoutCall[] = [];
  registry[hook] = (engine: Engine, ...args: TextLayoutCall) => {
    calls.push(args);
    return engine(...args);
  };
  try {
    await layout();
  } finally {
    registry[hook] = memo;
  }
  return calls;
}
