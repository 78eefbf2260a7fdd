import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { writeFileAtomic } from '../../emit/atomicWrite.ts';
import { listDirectory } from '../../load/listDirectory.ts';
import { SOURCE_LOCALE } from '../../load/locales.ts';
import { checkedLocale, insideProject, UnsafePathError } from '../projectPath.ts';
import { readSameAsEnglish } from '../sameAsEnglish.ts';
import type { ExchangeDocument, ExchangeFile } from './document.ts';
import { leafletUnits, stringUnits } from './exportUnits.ts';
import { importUnits, type ImportResult } from './importUnits.ts';
import { readPo, writePo } from './poFormat.ts';
import { readXliff, writeXliff } from './xliffFormat.ts';

export type ExchangeFormat = 'xliff' | 'po';
const EXTENSION: Record<ExchangeFormat, string> = { xliff: 'xlf', po: 'po' };

/** Where exports go unless `--out` says otherwise (output/ is generated, never committed). */
export const defaultExportDir = (locale: string): string => `output/translations/${locale}`;

function translatableLocale(locale: string): string {
  checkedLocale(locale);
  if (locale === SOURCE_LOCALE) throw new UnsafePathError(`${SOURCE_LOCALE} is the source language: export a translation, e.g. cy`);
  return locale;
}

export interface ExportResult {
  /** Absolute paths of the files written. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Writes one file per leaflet (`<id>.xlf` / `<id>.po`) and one for all the strings
 * (`strings.xlf` / `strings.po`) of a locale, for a CAT tool.
 */
export async function exportTranslations(root: string, localeName: string, options: { format: ExchangeFormat; outDir?: string; leaflets?: string[] }): Promise<ExportResult> {
  const locale = translatableLocale(localeName);
  const outDir = options.outDir ? path.resolve(options.outDir) : insideProject(root, defaultExportDir(locale));
  const write = options.format === 'xliff' ? writeXliff : async (document: ExchangeDocument) => writePo(document);
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const emit = async (name: string, exchangeFiles: ExchangeFile[]) => {
    const target = path.join(outDir, `${name}.${EXTENSION[options.format]}`);
    await writeFileAtomic(target, Buffer.from(await write({ sourceLocale: SOURCE_LOCALE, targetLocale: locale, files: exchangeFiles }), 'utf8'));
    files.push(target);
  };

  const list = readSameAsEnglish(root, locale);
  const namespaces = (await listDirectory(insideProject(root, `locales/${SOURCE_LOCALE}`), 'file')).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5));
  const strings = (await Promise.all(namespaces.map((namespace) => stringUnits(root, locale, namespace, list)))).filter((f) => f !== undefined);
  await emit('strings', strings);

  const ids = (await listDirectory(insideProject(root, `content/${SOURCE_LOCALE}`), 'file')).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3));
  for (const id of ids.filter((i) => !options.leaflets?.length || options.leaflets.includes(i))) {
    const units = await leafletUnits(root, locale, id);
    if (units) await emit(id, [units]);
    else {
      diagnostics.push(diagnostic({ file: `content/${locale}/${id}.md`, severity: 'warning', rule: 'export', source: 'i18n', message: 'Not exported: the file does not exist yet', note: `Create it with: leaflets i18n add ${locale}` }));
    }
  }
  return { files, diagnostics };
}

export function readExchangeFile(text: string, file: string): ExchangeDocument {
  if (/\.po$/i.test(file)) return readPo(text);
  if (/\.(xlf|xliff)$/i.test(file)) return readXliff(text);
  return text.includes('<xliff') ? readXliff(text) : readPo(text);
}

/**
 * Writes the translations of an XLIFF or PO file back into locales/ and content/: per file all
 * of its changes or (on any problem: changed placeholders or structure, a file that moved on
 * since export) none.
 */
export async function importTranslations(root: string, file: string): Promise<{ results: ImportResult[]; diagnostics: Diagnostic[] }> {
  const display = path.relative(process.cwd(), file) || file;
  let document: ExchangeDocument;
  try {
    document = readExchangeFile(await readFile(file, 'utf8'), file);
  } catch (error) {
    return { results: [], diagnostics: [diagnostic({ file: display, rule: 'import', source: 'i18n', message: `Cannot read ${display}: ${(error as Error).message}` })] };
  }
  const locale = translatableLocale(document.targetLocale);
  const results: ImportResult[] = [];
  for (const exchangeFile of document.files) results.push(await importUnits(root, locale, exchangeFile));
  return { results, diagnostics: results.flatMap((r) => r.diagnostics) };
}
