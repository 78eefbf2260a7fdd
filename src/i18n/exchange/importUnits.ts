import { applyEdits, modify } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { writeFileAtomic } from '../../emit/atomicWrite.ts';
import { parseLeafletSource } from '../../load/content.ts';
import { parseLocaleJson } from '../../load/localeJson.ts';
import { checkedLeafletId, checkedNamespace, insideProject } from '../projectPath.ts';
import { notedKind, notedLine, type ExchangeFile, type ExchangeUnit } from './document.ts';
import { readLeafletSegments, stringsFile } from './exportUnits.ts';
import { codesIn, leafletSegments, stringSegments, structureOf, withTexts, type Segment } from './segments.ts';
import { readFile } from 'node:fs/promises';

export interface ImportResult {
  /** Project-relative path of the file written (or that would have been). */
  file: string;
  status: 'written' | 'unchanged' | 'failed';
  /** Units whose text changed. */
  changedUnits: number;
  diagnostics: Diagnostic[];
}

const sameCodes = (a: string[], b: string[]) => a.length === b.length && a.every((code, i) => code === b[i]);

/** Units that can be applied, and the problems of those that cannot. */
function checkUnits(file: string, units: readonly ExchangeUnit[], segments: ReadonlyMap<string, Segment>, allowNew: boolean): { texts: Map<string, string>; problems: Diagnostic[] } {
  const texts = new Map<string, string>();
  const problems: Diagnostic[] = [];
  const problem = (unit: ExchangeUnit, line: number | undefined, message: string, note?: string) =>
    problems.push(diagnostic({ file, ...(line === undefined ? {} : { line }), rule: 'import', source: 'i18n', message: `${unit.id}: ${message}`, ...(note ? { note } : {}) }));
  // Every piece where the export saw it, or the file moved on (pieces added or removed) and ids no longer match.
  const moved = units.find((unit) => {
    const segment = segments.get(unit.id);
    const noted = notedLine(unit);
    const kind = notedKind(unit);
    return (segment === undefined && !allowNew) || (segment && ((noted !== undefined && noted !== segment.line) || (kind !== undefined && kind !== segment.kind)));
  });
  if (moved) {
    const now = segments.get(moved.id);
    problem(
      moved,
      now?.line,
      now ? `the file has changed since it was exported (this piece was on line ${notedLine(moved)}, now ${now.line})` : 'no such piece in the file (was it exported from another version?)',
      'Nothing was imported into this file. Export it again and carry the translations over with your translation memory.',
    );
    return { texts, problems };
  }
  for (const unit of units) {
    if (unit.target === undefined) continue;
    const segment = segments.get(unit.id);
    const codes = codesIn(unit.target);
    if (!sameCodes(codes, codesIn(unit.source)) && !(segment && sameCodes(codes, codesIn(segment.text)))) {
      problem(unit, segment?.line, `the placeholders differ from the English (${codesIn(unit.source).join(' ') || 'none'}; the translation has ${codes.join(' ') || 'none'})`, 'Copy everything in {{ }} and $t() exactly as it is in the English.');
      continue;
    }
    texts.set(unit.id, unit.target);
  }
  return { texts, problems };
}

async function write(root: string, file: string, before: string, after: string, changedUnits: number): Promise<ImportResult> {
  if (after === before) return { file, status: 'unchanged', changedUnits: 0, diagnostics: [] };
  await writeFileAtomic(insideProject(root, file), Buffer.from(after, 'utf8'));
  return { file, status: 'written', changedUnits, diagnostics: [] };
}

const failed = (file: string, diagnostics: Diagnostic[]): ImportResult => ({ file, status: 'failed', changedUnits: 0, diagnostics });

/** Writes a leaflet's translated pieces back into content/<locale>/<id>.md, or writes nothing. */
async function importLeaflet(root: string, locale: string, unitsFile: ExchangeFile): Promise<ImportResult> {
  const id = checkedLeafletId(unitsFile.name);
  const current = await readLeafletSegments(root, locale, id);
  const file = `content/${locale}/${id}.md`;
  if (!current) return failed(file, [diagnostic({ file, rule: 'import', source: 'i18n', message: `${file} does not exist`, note: `Create it first: leaflets i18n add ${locale}` })]);
  const segments = new Map(current.segments.map((s) => [s.id, s]));
  const { texts, problems } = checkUnits(file, unitsFile.units, segments, false);
  // A text that adds a blank line, a list marker or a heading would change the leaflet's structure.
  for (const [unitId, text] of texts) {
    const alone = withTexts(current.raw, current.segments, new Map([[unitId, text]]));
    if (structureOf(segmentsOf(alone, locale, id, file)) !== structureOf(current.segments)) {
      problems.push(diagnostic({ file, line: segments.get(unitId)!.line, rule: 'import', source: 'i18n', message: `${unitId}: the translation would change the Markdown structure (a blank line, list marker or # at a line start?)`, note: 'Keep each piece one paragraph, heading or list item.' }));
    }
  }
  if (problems.length > 0) return failed(file, problems);
  const after = withTexts(current.raw, current.segments, texts);
  const check = parseLeafletSource(after, { id, locale, file, absPath: insideProject(root, file) });
  const before = parseLeafletSource(current.raw, { id, locale, file, absPath: insideProject(root, file) });
  if (check.diagnostics.length > before.diagnostics.length) return failed(file, check.diagnostics);
  return write(root, file, current.raw, after, [...texts].filter(([k, v]) => segments.get(k)?.text !== v).length);
}

const segmentsOf = (raw: string, locale: string, id: string, file: string): Segment[] =>
  leafletSegments(raw, parseLeafletSource(raw, { id, locale, file, absPath: file }).source.body);

/** Writes translated strings back into locales/<locale>/<namespace>.json (adding keys it lacks), or writes nothing. */
async function importStrings(root: string, locale: string, unitsFile: ExchangeFile): Promise<ImportResult> {
  const file = stringsFile(locale, checkedNamespace(unitsFile.name));
  let before: string;
  try {
    before = await readFile(insideProject(root, file), 'utf8');
  } catch {
    before = '{\n}\n';
  }
  const parsed = parseLocaleJson(before, file);
  if (!parsed.namespace) return failed(file, parsed.diagnostics);
  const current = stringSegments(before);
  const segments = new Map(current.map((s) => [s.id, s]));
  const { texts, problems } = checkUnits(file, unitsFile.units, segments, true);
  if (problems.length > 0) return failed(file, problems);
  let after = withTexts(before, current, texts);
  for (const [key, text] of texts) {
    if (segments.has(key)) continue;
    after = applyEdits(after, modify(after, key.split('.'), text, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }));
  }
  const check = parseLocaleJson(after, file);
  if (!check.namespace) return failed(file, check.diagnostics);
  return write(root, file, before, after, [...texts].filter(([k, v]) => segments.get(k)?.text !== v).length);
}

/** Applies one file of units: all its changes, or (on any problem) none. */
export function importUnits(root: string, locale: string, unitsFile: ExchangeFile): Promise<ImportResult> {
  return unitsFile.kind === 'leaflet' ? importLeaflet(root, locale, unitsFile) : importStrings(root, locale, unitsFile);
}
