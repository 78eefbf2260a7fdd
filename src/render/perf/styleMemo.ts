/**
 * Remembers @react-pdf/stylesheet's resolution of style objects (shorthands expanded, units
 * and colours converted, media queries applied). Layout resolves every node's style once, and
 * again for every page each time pagination lays out the rest of the document: most nodes share
 * a handful of styles. The resolution is a pure function of the container (page size,
 * orientation, dpi, root font size) and the style, so both, written out, are the key.
 * Reached through stylesheetShim.mjs; each caller gets its own copy of the resolved style.
 */
import { BoundedMemo } from './boundedMemo.ts';
import { memoKey } from './memoKey.ts';
import { memosStartOn, setShimHook } from './shimHooks.ts';

type Style = Record<string, unknown>;
type ResolveStyle = (container: unknown, style: unknown) => Style;

/** Distinct (container, style) pairs per generation (two are kept): a few hundred per edition of a leaflet. */
export const DEFAULT_MAX_STYLES = 10_000;

/** Plain JSON data all the way down: JSON.stringify writes it without losing anything. */
function isJsonExact(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isJsonExact);
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value as Record<string, unknown>) if (!isJsonExact((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

/**
 * The key for one style: native JSON for the usual flat style of plain values, with the names
 * of its undefined fields (JSON leaves them out, and layout's style inheritance copies them);
 * anything JSON could blur goes through memoKey.
 */
export function styleKey(container: unknown, style: unknown): string {
  if (style === null || typeof style !== 'object' || Array.isArray(style) || !isJsonExact(container)) return memoKey(container, style);
  let undefinedFields = '';
  const record = style as Record<string, unknown>;
  for (const field in record) {
    const value = record[field];
    if (value === undefined) undefinedFields += `${field},`;
    else if (typeof value !== 'string' && !isJsonExact(value)) return memoKey(container, style);
  }
  return `${JSON.stringify(container)}${JSON.stringify(style)}|${undefinedFields}`;
}

export class StyleMemo {
  readonly entries: BoundedMemo<Style>;

  constructor(maxEntries = DEFAULT_MAX_STYLES) {
    this.entries = new BoundedMemo(maxEntries);
  }

  resolve(resolveStyle: ResolveStyle, container: unknown, style: unknown): Style {
    const key = styleKey(container, style);
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

export const styleMemo = new StyleMemo();

export const setStyleMemo = (enabled: boolean): void => setShimHook('leaflets.styleMemo', enabled ? styleMemo.resolve.bind(styleMemo) : undefined);

setStyleMemo(memosStartOn);
