import type { LeafletSource } from '../load/content.ts';
import type { FrontMatter } from '../load/frontMatterSchema.ts';
import { SOURCE_LOCALE } from '../load/locales.ts';
import { stalenessOf } from '../i18n/staleness.ts';
import type { TranslationState } from './leaflet.ts';

/**
 * 'stale' when the en-GB source's version or body hash differs from what the translation
 * records (src/i18n/staleness.ts); otherwise the translation's own status.
 */
export function translationStateOf(frontMatter: FrontMatter, locale: string, sourceLeaflet?: LeafletSource): TranslationState {
  if (locale === SOURCE_LOCALE) return 'source';
  const translation = frontMatter.translation;
  if (translation === undefined) return 'draft';
  if (sourceLeaflet?.frontMatter !== undefined && stalenessOf(translation, sourceLeaflet).stale) return 'stale';
  return translation.status;
}
