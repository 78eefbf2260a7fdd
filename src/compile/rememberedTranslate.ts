import { makeTranslate, oncePerStringsAndLocale, type I18n } from '../load/locales.ts';
import type { Translate } from './leaflet.ts';

/**
 * Translate functions whose results are remembered, one per (strings, locale). A leaflet's
 * layout asks for the same strings on every page and on every render ("Page x of y", running
 * headers, labels), and i18next resolves each call afresh. The strings of a loaded i18n
 * instance never change (a changed locale file is a new instance), so a result is remembered
 * by key and options, for options of plain values; any other call goes to i18next.
 */
const translators = new WeakMap<I18n, Map<string, Translate>>();
/** Results per translate function: every string a project's leaflets print, several times over. */
const MAX_RESULTS = 2_000;

const isPlainValue = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0));

function optionsKey(options: Record<string, unknown>): string | undefined {
  if (Object.getPrototypeOf(options) !== Object.prototype) return undefined;
  for (const field in options) if (!isPlainValue(options[field])) return undefined;
  return JSON.stringify(options);
}

export function rememberedTranslate(i18n: I18n, locale: string): Translate {
  return oncePerStringsAndLocale(translators, i18n, locale, () => {
    const translate = makeTranslate(i18n, locale);
    const results = new Map<string, string>();
    return (key, options) => {
      const written = options === undefined ? '' : optionsKey(options);
      if (written === undefined) return translate(key, options);
      const cacheKey = `${key}\u0000${written}`;
      let result = results.get(cacheKey);
      if (result === undefined) {
        result = translate(key, options);
        if (results.size >= MAX_RESULTS) results.delete(results.keys().next().value!);
        results.set(cacheKey, result);
      }
      return result;
    };
  });
}
