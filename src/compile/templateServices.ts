import { hasTranslation, isTranslationGroup, oncePerStringsAndLocale, type I18n } from '../load/locales.ts';
import { dateFormatter } from './dateFormatter.ts';
import type { TemplateServices } from './handlebars.ts';
import { rememberedTranslate } from './rememberedTranslate.ts';

/**
 * The helpers' services for one locale of one set of strings, one object each: templated
 * output is remembered per services object (templatedPieces.ts), so every leaflet in that
 * locale shares what its pieces printed. A changed locale file is a new i18n instance, so new
 * services, and nothing templated with the old strings is reused.
 */
const servicesByStrings = new WeakMap<I18n, Map<string, TemplateServices>>();

export function templateServicesFor(i18n: I18n, locale: string): TemplateServices {
  return oncePerStringsAndLocale(servicesByStrings, i18n, locale, () => ({
    locale,
    t: rememberedTranslate(i18n, locale),
    hasKey: (key, options) => hasTranslation(i18n, locale, key, options),
    isGroup: (key, options) => isTranslationGroup(i18n, locale, key, options),
    formatDate: dateFormatter(locale),
  }));
}
