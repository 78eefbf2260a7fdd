import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadLeafletSources } from '../load/content.ts';
import { checkLocaleSelection } from '../load/localeSelection.ts';
import { SOURCE_LOCALE } from '../load/locales.ts';
import { checkLocaleTranslations } from './localeChecks.ts';
import { localeFolders, readLocaleFiles } from './localeFiles.ts';
import { readSameAsEnglish } from './sameAsEnglish.ts';

export interface I18nCheckReport {
  ok: boolean;
  locales: string[];
  diagnostics: Diagnostic[];
}

const byPlace = (a: Diagnostic, b: Diagnostic): number =>
  a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/**
 * Checks translations against the English source: JSON syntax (with line and column),
 * placeholders, broken braces and `$t()` nesting in strings, plural forms per CLDR, keys the
 * English lacks, Handlebars expressions in translated Markdown, and translations' front
 * matter. Errors fail the check.
 */
export async function i18nCheck(root: string, options: { locales?: string[] } = {}): Promise<I18nCheckReport> {
  const [sourceFiles, content] = await Promise.all([readLocaleFiles(root, SOURCE_LOCALE), loadLeafletSources(root)]);
  const known = new Set([...(await localeFolders(root)), ...content.sources.map((s) => s.locale)]);
  const selection = await checkLocaleSelection(root, options.locales);
  const locales = options.locales?.length ? selection.locales : [...known].sort();
  const diagnostics: Diagnostic[] = [...selection.diagnostics];
  for (const locale of locales) {
    const files = locale === SOURCE_LOCALE ? sourceFiles : await readLocaleFiles(root, locale);
    diagnostics.push(...files.flatMap((file) => file.diagnostics));
    diagnostics.push(...content.diagnostics.filter((d) => d.file.startsWith(`content/${locale}/`)));
    const sameAsEnglish = readSameAsEnglish(root, locale);
    diagnostics.push(...checkLocaleTranslations({ locale, sourceFiles, files, sources: content.sources, sameAsEnglish }));
  }
  diagnostics.sort(byPlace);
  return { ok: !diagnostics.some((d) => d.severity === 'error'), locales, diagnostics };
}
