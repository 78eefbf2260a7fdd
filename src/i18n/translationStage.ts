import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { CONTENT_DIR, type LeafletSource } from '../load/content.ts';
import { SOURCE_LOCALE } from '../load/locales.ts';
import type { ProjectFiles } from '../load/projectFiles.ts';
import { checkLocaleTranslations } from './localeChecks.ts';
import { readLocaleFiles } from './localeFiles.ts';
import { isPseudoLocale } from './pseudoLocale.ts';
import { readSameAsEnglish } from './sameAsEnglish.ts';

/** What the translation checks of a build read: the project as loaded, and the files it was read through. */
export interface TranslationProject {
  root: string;
  sources: readonly LeafletSource[];
  files: ProjectFiles;
}

/**
 * The build's translation checks for one locale being built: the checks of `i18n check`, less
 * what the loader and compiler already report (JSON and template syntax). Every file they
 * depend on is read through `project.files`, so the build's store records it: the strings of
 * the locale and of English, `same-as-english.txt`, and the leaflets of both (already parsed,
 * read again from the store's memory only to record them).
 */
export async function translationChecks(project: TranslationProject, locale: string): Promise<Diagnostic[]> {
  if (isPseudoLocale(locale)) return [];
  const { root, files: projectFiles } = project;
  const sourceFiles = await readLocaleFiles(root, SOURCE_LOCALE, projectFiles);
  const files = locale === SOURCE_LOCALE ? sourceFiles : await readLocaleFiles(root, locale, projectFiles);
  const sameAsEnglish = readSameAsEnglish(root, locale, projectFiles);
  for (const each of new Set([locale, SOURCE_LOCALE])) projectFiles.listSync(join(root, CONTENT_DIR, each), 'file');
  const sources = project.sources.filter((source) => source.locale === locale || source.locale === SOURCE_LOCALE);
  for (const source of sources) projectFiles.isFile(join(root, source.file));
  return checkLocaleTranslations({ locale, sourceFiles, files, sources, sameAsEnglish }).filter((d) => d.rule !== 'template-syntax');
}
