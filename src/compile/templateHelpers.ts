/** The helpers a leaflet template may call: `{{t}}`, `{{formatDate}}` and `{{year}}`. */
import type Handlebars from 'handlebars';
import { isCalendarDate } from '../load/calendarDate.ts';
import type { TemplateServices } from './handlebars.ts';
import { TemplateProblem } from './templateErrors.ts';

type HelperOptions = Handlebars.HelperOptions & { loc?: hbs.AST.SourceLocation; name?: string };

/** `{{year}}` is the build year (SOURCE_DATE_EPOCH when set, for reproducible output); `{{year date}}` a date's year. */
export function buildYear(): number {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()).getUTCFullYear();
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
const isIsoDate = (value: unknown): value is string => typeof value === 'string' && isCalendarDate(value);

/** Registers the helpers; they reach the locale's services through `current`, set for each run. */
export function registerHelpers(env: typeof Handlebars, current: () => TemplateServices): void {
  env.registerHelper('t', (key: unknown, options: HelperOptions) => {
    if (typeof key !== 'string') throw new TemplateProblem('{{t}} needs a key in quotes, e.g. {{t "common:title"}}', 'unknown-key', options.loc);
    const services = current();
    const values = { ...options.hash };
    if (!services.hasKey(key, values)) {
      if (!('count' in values) && services.hasKey(key, { ...values, count: 2 })) {
        throw new TemplateProblem(`Translation key "${key}" has plural forms and needs count=…`, 'unknown-key', options.loc);
      }
      throw new TemplateProblem(`Unknown translation key "${key}"`, 'unknown-key', options.loc, 'Add it to the en-GB locale files (namespace:key; default namespace common).');
    }
    if (services.isGroup?.(key, values)) {
      throw new TemplateProblem(`Translation key "${key}" is a group of strings, not one string`, 'unknown-key', options.loc, `Name one of the strings inside it, e.g. {{t "${key}.<name>"}}.`);
    }
    return services.t(key, values);
  });
  env.registerHelper('formatDate', (date: unknown, options: HelperOptions) => {
    if (!isIsoDate(date)) {
      throw new TemplateProblem(`formatDate needs a real date written as YYYY-MM-DD, got ${JSON.stringify(date)}`, 'bad-date', options.loc);
    }
    return current().formatDate(date);
  });
  env.registerHelper('year', (...args: unknown[]) => {
    const options = args.at(-1) as HelperOptions;
    if (args.length === 1) return String(buildYear());
    const date = args[0];
    if (!isIsoDate(date)) {
      throw new TemplateProblem(`year needs a real date written as YYYY-MM-DD, got ${JSON.stringify(date)}`, 'bad-date', options.loc);
    }
    return date.slice(0, 4);
  });
}
