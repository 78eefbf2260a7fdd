import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { listDirectory } from './listDirectory.ts';
import { frontMatterSchema, type FrontMatter } from './frontMatterSchema.ts';
import { withMissingCloseHint } from './yamlHints.ts';
import { parsePositionedYaml, placeOfPath, yamlSyntaxDiagnostics, zodIssueDiagnostics } from './yamlDiagnostics.ts';

export const CONTENT_DIR = 'content';

/** One Markdown file: `content/<locale>/<id>.md`, split into front matter and body. */
export interface LeafletSource {
  id: string;
  locale: string;
  /** Project-relative path, with forward slashes. */
  file: string;
  absPath: string;
  /** Undefined when the front matter is broken; the diagnostics say why. */
  frontMatter?: FrontMatter;
  body: string;
  /** File line on which the body's first line sits. */
  bodyStartLine: number;
  /** The whole file as read. */
  raw: string;
}

const countNewlines = (text: string): number => text.split('\n').length - 1;

/**
 * Splits and validates one leaflet file. gray-matter only finds the front-matter block;
 * `yaml` parses it so errors carry node positions. gray-matter's `matter` starts right after
 * the opening `---` (with that line's newline), so YAML line N is file line N.
 */
export function parseLeafletSource(
  raw: string,
  place: { id: string; locale: string; file: string; absPath: string },
): { source: LeafletSource; diagnostics: Diagnostic[] } {
  const context = { file: place.file, source: 'load', rule: 'front-matter' };
  const text = raw.replace(/^\uFEFF/, '');
  // A (no-op) engine and options disable gray-matter's cache and its js-yaml parsing.
  const split = matter(text, { engines: { yaml: () => ({}) } });
  const body = split.content;
  const bodyStartLine = countNewlines(text.slice(0, text.length - body.length)) + 1;
  const source: LeafletSource = { ...place, body, bodyStartLine, raw };

  if (!text.startsWith('---')) {
    const missing = diagnostic({ ...context, line: 1, column: 1, message: 'No front matter: start the file with a --- block' });
    return { source, diagnostics: [missing] };
  }
  if (text.indexOf('\n---', 3) === -1) {
    const unclosed = diagnostic({ ...context, line: 1, column: 1, message: 'Front matter is not closed: end it with a --- line' });
    return { source, diagnostics: [unclosed] };
  }
  const yaml = parsePositionedYaml(split.matter);
  const syntax = yamlSyntaxDiagnostics(yaml, context);
  if (syntax.length > 0) return { source, diagnostics: withMissingCloseHint(syntax, split.matter, 0) };

  const parsed = frontMatterSchema.safeParse(yaml.doc.toJS() ?? {});
  if (!parsed.success) return { source, diagnostics: withMissingCloseHint(zodIssueDiagnostics(parsed.error.issues, yaml, context), split.matter, 0) };

  if (parsed.data.id !== place.id) {
    const mismatch = diagnostic({
      ...context,
      ...placeOfPath(yaml, ['id']),
      rule: 'id-mismatch',
      message: `Front matter id "${parsed.data.id}" does not match the file name "${place.id}.md"`,
      note: 'Rename the file or change the id so they agree.',
    });
    return { source, diagnostics: [mismatch] };
  }
  return { source: { ...source, frontMatter: parsed.data }, diagnostics: [] };
}

function checkLocaleName(locale: string, file: string): Diagnostic[] {
  try {
    Intl.getCanonicalLocales(locale);
    return [];
  } catch {
    return [diagnostic({ file, rule: 'bad-locale', source: 'load', message: `"${locale}" is not a valid BCP 47 locale tag` })];
  }
}

/** Finds every `content/<locale>/<id>.md`, in a stable order (locale, then id). */
export async function loadLeafletSources(root: string): Promise<{ sources: LeafletSource[]; diagnostics: Diagnostic[] }> {
  const sources: LeafletSource[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const locale of await listDirectory(join(root, CONTENT_DIR), 'dir')) {
    const localeProblems = checkLocaleName(locale, `${CONTENT_DIR}/${locale}`);
    diagnostics.push(...localeProblems);
    if (localeProblems.length > 0) continue;
    const names = (await listDirectory(join(root, CONTENT_DIR, locale), 'file')).filter((name) => name.endsWith('.md'));
    for (const name of names) {
      const absPath = join(root, CONTENT_DIR, locale, name);
      const place = { id: name.slice(0, -'.md'.length), locale, file: `${CONTENT_DIR}/${locale}/${name}`, absPath };
      const result = parseLeafletSource(await readFile(absPath, 'utf8'), place);
      sources.push(result.source);
      diagnostics.push(...result.diagnostics);
    }
  }
  return { sources, diagnostics };
}
