import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadLeafletSources } from '../load/content.ts';
import { checkLocaleSelection } from '../load/localeSelection.ts';
import { SOURCE_LOCALE } from '../load/locales.ts';
import { localeFolders, readLocaleFiles } from './localeFiles.ts';
import { placeholderDiagnostics, pluralDiagnostics } from './stringChecks.ts';
import { stalenessOf } from './staleness.ts';
import { templateExpressionDiagnostics } from './templateChecks.ts';

const asStaleWarning = (d: Diagnostic): Diagnostic =>
  d.rule === 'template-mismatch'
    ? { ...d, severity: 'warning', note: `${d.note ?? ''} The English has changed since this was translated (stale translation).`.trim() }
    : d;

export interface I18nCheckReport {
  ok: boolean;
  locales: string[];
  diagnostics: Diagnostic[];
}

const bySeverityThenPlace = (a: Diagnostic, b: Diagnostic): number =>
  a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/**
 * Checks translations against the English source: JSON syntax (with line and column),
 * placeholders and `$t()` nesting in strings, plural forms per CLDR, Handlebars expressions
 * in translated Markdown, and translations' front matter. Errors fail the check.
 */
export async function i18nCheck(root: string, options: { locales?: string[] } = {}): Promise<I18nCheckReport> {
  const [sourceFiles, content] = await Promise.all([readLocaleFiles(root, SOURCE_LOCALE), loadLeafletSources(root)]);
  const known = new Set([...(await localeFolders(root)), ...content.sources.map((s) => s.locale)]);
  const selection = await checkLocaleSelection(root, options.locales);
  const locales = options.locales?.length ? selection.locales : [...known].sort();
  const diagnostics: Diagnostic[] = [...selection.diagnostics];
  for (const locale of locales) {
    const files = locale === SOURCE_LOCALE ? sourceFiles : await readLocaleFiles(root, locale);
    for (const file of files) {
      diagnostics.push(...file.diagnostics, ...pluralDiagnostics(file));
      const source = sourceFiles.find((s) => s.namespace === file.namespace);
      if (locale !== SOURCE_LOCALE && source) diagnostics.push(...placeholderDiagnostics(source, file));
    }
    diagnostics.push(...content.diagnostics.filter((d) => d.file.startsWith(`content/${locale}/`)));
    if (locale === SOURCE_LOCALE) continue;
    for (const translated of content.sources.filter((s) => s.locale === locale)) {
      const english = content.sources.find((s) => s.locale === SOURCE_LOCALE && s.id === translated.id);
      if (english === undefined) continue;
      const problems = templateExpressionDiagnostics(translated, english);
      // Against an English text that changed since, a mismatch is expected: the translation is stale.
      const translation = translated.frontMatter?.translation;
      const stale = translation !== undefined && english.frontMatter !== undefined && stalenessOf(translation, english).stale;
      diagnostics.push(...(stale ? problems.map(asStaleWarning) : problems));
    }
  }
  diagnostics.sort(bySeverityThenPlace);
  return { ok: !diagnostics.some((d) => d.severity === 'error'), locales, diagnostics };
}
