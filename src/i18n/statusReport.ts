import { formatDiagnostic } from '../diagnostics/format.ts';
import type { I18nStatus, LocaleStatus } from './status.ts';

type Write = (line: string) => void;

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

function stringsCell(locale: LocaleStatus): string {
  const { strings } = locale;
  if (locale.source) return `${strings.total} (source)`;
  return `${strings.translated}/${strings.total} (${strings.percent}%)`;
}

function leafletsCell(locale: LocaleStatus): string {
  const { total } = locale.leaflets;
  if (locale.source) return `${total} (source)`;
  return `${locale.leaflets.translated}/${total}`;
}

const indent = (text: string, prefix: string): string[] => text.trimEnd().split('\n').map((line) => prefix + line);

/** The report for people: a summary table, then each translated locale's gaps and leaflets. */
export function printStatus(status: I18nStatus, write: Write = (line) => console.log(line)): void {
  write(`Translation status (source locale ${status.sourceLocale})`);
  write('');
  const rows = [['Locale', 'Language', 'UI strings', 'Missing keys', 'Extra keys', 'Leaflets', 'Reviewed', 'Draft', 'Stale', 'Untranslated']];
  for (const l of status.locales) {
    const c = l.leaflets.counts;
    rows.push(
      l.source
        ? [l.locale, l.language, stringsCell(l), '-', '-', leafletsCell(l), '-', '-', '-', '-']
        : [l.locale, l.language, stringsCell(l), String(l.strings.missing.length), String(l.strings.extra.length), leafletsCell(l), String(c.reviewed), String(c.draft), String(c.stale), String(c.missing + c.untranslated)],
    );
  }
  for (const line of table(rows)) write(`  ${line}`);

  for (const l of status.locales.filter((locale) => !locale.source)) {
    write('');
    write(`${l.locale} (${l.language})`);
    write(`  Missing strings: ${l.strings.missing.length === 0 ? 'none' : ''}`);
    for (const key of l.strings.missing) write(`    ${key}`);
    write(`  Strings still in English: ${l.strings.sameAsEnglish.length === 0 ? 'none' : ''}`);
    for (const key of l.strings.sameAsEnglish) write(`    ${key}`);
    if (l.strings.sameAsEnglish.length > 0) write(`    (Translate them, or list those that are the same in ${l.language} on purpose in locales/${l.locale}/same-as-english.txt.)`);
    write(`  Extra strings: ${l.strings.extra.length === 0 ? 'none' : ''}`);
    for (const key of l.strings.extra) write(`    ${key}`);
    write('  Leaflets:');
    const leafletRows = l.leaflets.items.map((item) => ['   ', item.id, item.state, item.file, item.untracked ? '(no sourceHash: checked by version only)' : '']);
    for (const line of table(leafletRows)) write(line);
    for (const item of l.leaflets.items.filter((i) => i.state === 'stale')) {
      write('');
      write(`  ${item.file} is out of date: ${(item.reasons ?? []).join('; ')}`);
      if (item.diff) {
        write('  English changes since it was translated:');
        for (const line of indent(item.diff, '    ')) write(line);
      } else if (item.diffUnavailable) {
        write(`  (No diff: ${item.diffUnavailable}.)`);
      }
      write(`  When the translation is updated: leaflets i18n mark-translated ${l.locale} ${item.id}`);
    }
  }
  if (status.diagnostics.length > 0) {
    write('');
    for (const d of status.diagnostics) write(formatDiagnostic(d));
  }
}
