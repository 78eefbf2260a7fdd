import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { writeFileAtomic } from '../emit/atomicWrite.ts';
import { CONTENT_DIR, parseLeafletSource, readNamedLeaflet } from '../load/content.ts';
import { SOURCE_LOCALE } from '../load/locales.ts';
import { bodyHash } from './sourceHash.ts';

export interface MarkTranslatedInput {
  root: string;
  locale: string;
  id: string;
  /** Also set `translation.status` (e.g. `reviewed` once a qualified translator has checked it). */
  status?: 'draft' | 'reviewed';
}

export interface MarkTranslatedResult {
  file: string;
  sourceHash?: string;
  sourceVersion?: string;
  changed: boolean;
  diagnostics: Diagnostic[];
}

/** Splits `---\n<yaml>\n---\n<body>` keeping the exact text either side of the YAML. */
function splitFrontMatter(raw: string): { head: string; yaml: string; tail: string } | undefined {
  const match = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)(---[ \t]*(?:\r?\n|$)[\s\S]*)$/.exec(raw);
  return match ? { head: match[1]!, yaml: match[2]!, tail: match[3]! } : undefined;
}

/**
 * Records in a translation's front matter that it now matches the current English source:
 * `translation.sourceVersion` and `translation.sourceHash`. Edits only those YAML nodes, so the
 * rest of the file (comments, quoting, order) stays as written.
 */
export async function markTranslated(input: MarkTranslatedInput): Promise<MarkTranslatedResult> {
  const file = `${CONTENT_DIR}/${input.locale}/${input.id}.md`;
  const sourceFile = `${CONTENT_DIR}/${SOURCE_LOCALE}/${input.id}.md`;
  const fail = (message: string, at = file): MarkTranslatedResult => ({
    file,
    changed: false,
    diagnostics: [diagnostic({ file: at, rule: 'mark-translated', source: 'i18n', message })],
  });
  if (input.locale === SOURCE_LOCALE) return fail(`${SOURCE_LOCALE} is the source locale; only translations record a source`);
  // Locale and id are names, never paths; both files are read with the build's checks.
  const sourceRead = readNamedLeaflet(input.root, SOURCE_LOCALE, input.id);
  const translationRead = readNamedLeaflet(input.root, input.locale, input.id);
  const refused = [...sourceRead.diagnostics, ...translationRead.diagnostics];
  if (refused.length > 0) return { file, changed: false, diagnostics: refused };
  const sourceRaw = sourceRead.text;
  const raw = translationRead.text;
  if (sourceRaw === undefined) return fail(`No English source ${sourceFile}`, sourceFile);
  if (raw === undefined) return fail(`No translation ${file}: copy the English file there and translate it first`);
  const source = parseLeafletSource(sourceRaw, { id: input.id, locale: SOURCE_LOCALE, file: sourceFile, absPath: join(input.root, sourceFile) });
  if (source.source.frontMatter === undefined) return { file, changed: false, diagnostics: source.diagnostics };
  const parts = splitFrontMatter(raw);
  if (parts === undefined) return fail('The translation has no front matter block');
  const doc = parseDocument(parts.yaml);
  if (doc.errors.length > 0) return fail(`The translation's front matter is not valid YAML: ${doc.errors[0]!.message}`);

  const sourceHash = bodyHash(source.source.body);
  const sourceVersion = source.source.frontMatter.version;
  if (!doc.hasIn(['translation', 'sourceLocale'])) doc.setIn(['translation', 'sourceLocale'], SOURCE_LOCALE);
  doc.setIn(['translation', 'sourceVersion'], doc.createNode(sourceVersion));
  doc.setIn(['translation', 'sourceHash'], sourceHash);
  if (input.status !== undefined || !doc.hasIn(['translation', 'status'])) doc.setIn(['translation', 'status'], input.status ?? 'draft');
  // Keep versions quoted ("1.0"), as they are written in the source files.
  const versionNode = doc.getIn(['translation', 'sourceVersion'], true) as { type?: string } | undefined;
  if (versionNode) versionNode.type = 'QUOTE_DOUBLE';

  const updated = parts.head + doc.toString({ lineWidth: 0 }) + parts.tail;
  const check = parseLeafletSource(updated, { id: input.id, locale: input.locale, file, absPath: join(input.root, file) });
  if (check.diagnostics.length > 0) return { file, changed: false, diagnostics: check.diagnostics };
  const status = await writeFileAtomic(join(input.root, file), Buffer.from(updated, 'utf8'));
  return { file, sourceHash, sourceVersion, changed: status === 'written', diagnostics: [] };
}
