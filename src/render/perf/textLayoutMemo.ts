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
 * width (A5, booklet and print shop), least recently used first out.
 */

type Engine = (attributedString: unknown, container: unknown, options: unknown) => Paragraph[];
interface Run {
  [key: string]: unknown;
}
interface Line {
  runs: Run[];
  [key: string]: unknown;
}
type Paragraph = Line[];

/** Several times the paragraphs of a whole project: four leaflets, two languages, three text widths. */
export const DEFAULT_MAX_ENTRIES = 6_000;

export interface TextLayoutMemoStats {
  hits: number;
  misses: number;
  entries: number;
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;
const identityOf = (value: object): number => {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
};

/** Plain data (objects, arrays) is written out; anything else with a prototype of its own is named by identity. */
const isPlainData = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(value);
};

function keyReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  // `this[key]` is the value before any toJSON (a Buffer would otherwise arrive as its bytes).
  const original = this[key];
  if (typeof original === 'function') return `ƒ${identityOf(original)}`;
  if (original !== null && typeof original === 'object' && !isPlainData(original)) return `#${identityOf(original)}`;
  if (typeof original === 'number' && !Number.isFinite(original)) return `${original}`;
  if (original === undefined && value === undefined) return undefined;
  return value;
}

/** The memo key: every input of one engine call, written out. */
export function textLayoutKey(engine: object, attributedString: unknown, container: unknown, options: unknown): string {
  return `${identityOf(engine)}\u0000${JSON.stringify([attributedString, container, options], keyReplacer)}`;
}

/**
 * Copies of the lines and runs: callers may replace or delete fields of a run (the standard-font
 * filter does), and the remembered layout must stay as the engine made it. Glyphs, positions
 * and attributes are only ever read, so they are shared.
 */
const copyParagraphs = (paragraphs: Paragraph[]): Paragraph[] =>
  paragraphs.map((lines) => lines.map((line) => ({ ...line, runs: line.runs.map((run) => ({ ...run })) })));

export class TextLayoutMemo {
  private readonly entries = new Map<string, Paragraph[]>();
  hits = 0;
  misses = 0;

  constructor(readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  layout(engine: Engine, attributedString: unknown, container: unknown, options: unknown): Paragraph[] {
    const key = textLayoutKey(engine, attributedString, container, options);
    const found = this.entries.get(key);
    if (found) {
      this.hits += 1;
      // Most recently used goes to the back of the Map's order.
      this.entries.delete(key);
      this.entries.set(key, found);
      return copyParagraphs(found);
    }
    this.misses += 1;
    const laidOut = engine(attributedString, container, options);
    this.entries.set(key, laidOut);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return copyParagraphs(laidOut);
  }

  clear(): void {
    this.entries.clear();
  }

  get stats(): TextLayoutMemoStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size };
  }
}

const MEMO = Symbol.for('leaflets.textLayoutMemo');
const SHIM_LOADED = Symbol.for('leaflets.textkitShim');
const registry = globalThis as unknown as Record<symbol, unknown>;

/** The process's memo. `LEAFLETS_LAYOUT_MEMO=off` starts the process without it. */
export const textLayoutMemo = new TextLayoutMemo();

/** Turns the memo on or off for this process (tests compare output both ways). */
export function setTextLayoutMemo(enabled: boolean): void {
  if (enabled) registry[MEMO] = textLayoutMemo.layout.bind(textLayoutMemo);
  else delete registry[MEMO];
}

/** Whether layouts in this process go through the memo: it is on, and the shim is in place. */
export function textLayoutMemoActive(): boolean {
  return registry[MEMO] !== undefined && registry[SHIM_LOADED] === true;
}

setTextLayoutMemo(process.env.LEAFLETS_LAYOUT_MEMO !== 'off');
