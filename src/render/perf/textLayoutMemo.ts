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

import { memoKey } from './memoKey.ts';
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

/** The memo key: every input of one engine call, written out. */
export const textLayoutKey = (engine: object, attributedString: unknown, container: unknown, options: unknown): string =>
  memoKey(engine, attributedString, container, options);

/** Paragraph layouts, owned by the renders that use them (ownedMemo.ts). */
export class TextLayoutMemo extends OwnedMemo<Paragraph[]> {
  constructor(maxEntries = DEFAULT_MAX_ENTRIES) {
    super(maxEntries);
  }

  layout(engine: Engine, attributedString: unknown, container: unknown, options: unknown): Paragraph[] {
    const key = textLayoutKey(engine, attributedString, container, options);
    let laidOut = this.get(key);
    if (!laidOut) {
      laidOut = engine(attributedString, container, options);
      this.set(key, laidOut);
    }
    // Shared, not copied: layout and render 4.7 only read lines and runs (layout flattens the
    // paragraphs into a new array, pagination slices it), and the project's own passes copy what
    // they change (standardFontRuns.ts). tests/render/layoutMemo.test.tsx renders warm, cold and
    // without the memo and compares the bytes.
    return laidOut;
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
