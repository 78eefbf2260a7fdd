/**
 * Remembers @react-pdf/stylesheet's resolution of style objects (shorthands expanded, units
 * and colours converted, media queries applied). Layout resolves every node's style once, and
 * again for every page each time pagination lays out the rest of the document: most nodes share
 * a handful of styles. The resolution is a pure function of the container (page size,
 * orientation, dpi, root font size) and the style, so both, written out, are the key.
 * Reached through stylesheetShim.mjs; each caller gets its own copy of the resolved style.
 */
import { Lru } from './lru.ts';
import { memoKey } from './memoKey.ts';

type Style = Record<string, unknown>;
type ResolveStyle = (container: unknown, style: unknown) => Style;

/** Distinct (container, style) pairs: a few hundred per edition of a leaflet. */
export const DEFAULT_MAX_STYLES = 20_000;

export class StyleMemo {
  readonly entries: Lru<Style>;

  constructor(maxEntries = DEFAULT_MAX_STYLES) {
    this.entries = new Lru(maxEntries);
  }

  resolve(resolveStyle: ResolveStyle, container: unknown, style: unknown): Style {
    const key = memoKey(container, style);
    let resolved = this.entries.get(key);
    if (!resolved) {
      resolved = resolveStyle(container, style);
      this.entries.set(key, resolved);
    }
    // Layout sets fields on the styles it is given (a float's position): copies keep the memo as resolved.
    return { ...resolved };
  }

  clear(): void {
    this.entries.clear();
  }
}

const MEMO = Symbol.for('leaflets.styleMemo');
const registry = globalThis as unknown as Record<symbol, unknown>;

export const styleMemo = new StyleMemo();

export function setStyleMemo(enabled: boolean): void {
  if (enabled) registry[MEMO] = styleMemo.resolve.bind(styleMemo);
  else delete registry[MEMO];
}

setStyleMemo(process.env.LEAFLETS_LAYOUT_MEMO !== 'off');
