import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LeafletSource } from '../load/content.ts';
import { SOURCE_LOCALE } from '../load/locales.ts';
import { checkLocaleTranslations } from './localeChecks.ts';
import { readLocaleFiles } from './localeFiles.ts';
import { isPseudoLocale } from './pseudoLocale.ts';
import { readSameAsEnglish } from './sameAsEnglish.ts';

/**
 * The build's translation stage for one locale being built: the checks of `i18n check`,
 * less what the loader and compiler already report (JSON and template syntax). Call it once
 * per locale; `blocksOutput` says which PDFs its errors stop.
 */
export async function translationCheckStage(root: string, locale: string, sources: readonly LeafletSource[]): Promise<Diagnostic[]> {
  if (isPseudoLocale(locale)) return [];
  const sourceFiles = await readLocaleFiles(root, SOURCE_LOCALE);
  const files = locale === SOURCE_LOCALE ? sourceFiles : await readLocaleFiles(root, locale);
  const sameAsEnglish = await readSameAsEnglish(root, locale);
  return checkLocaleTranslations({ locale, sourceFiles, files, sources, sameAsEnglish }).filter((d) => d.rule !== 'template-syntax');
}
