import { join } from 'node:path';
import matter from 'gray-matter';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { internalErrorDiagnostic } from '../diagnostics/guard.ts';
import { diskFiles, type ProjectFiles } from './projectFiles.ts';
import { frontMatterSchema, type FrontMatter } from './frontMatterSchema.ts';
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
  if (syntax.length > 0) return { source, diagnostics: syntax };

  const parsed = frontMatterSchema.safeParse(yaml.doc.toJS() ?? {});
  if (!parsed.success) return { source, diagnostics: zodIssueDiagnostics(parsed.error.issues, yaml, context) };

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

/**
 * parseLeafletSource behind the build's guard: an unexpected exception (a parser's stack
 * overflow, say) becomes an internal-error diagnostic on this file, and the leaflet has no
 * front matter, so it is not built while the others are.
 */
export function guardedParse(raw: string, place: LeafletPlace): { source: LeafletSource; diagnostics: Diagnostic[] } {
  try {
    return parseLeafletSource(raw, place);
  } catch (error) {
    const source: LeafletSource = { ...place, body: '', bodyStartLine: 1, raw };
    return { source, diagnostics: [internalErrorDiagnostic(error, { file: place.file }, 'reading this leaflet', 'load')] };
  }
}

/** Where one leaflet file sits: `content/<locale>/<id>.md`. */
export interface LeafletPlace {
  id: string;
  locale: string;
  file: string;
  absPath: string;
}

/** Every `content/<locale>/<id>.md`, in a stable order (locale, then id), and problems with folder names. */
export async function listLeafletFiles(root: string, files: ProjectFiles = diskFiles): Promise<{ places: LeafletPlace[]; diagnostics: Diagnostic[] }> {
  const places: LeafletPlace[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const locale of await files.list(join(root, CONTENT_DIR), 'dir')) {
    const localeProblems = checkLocaleName(locale, `${CONTENT_DIR}/${locale}`);
    diagnostics.push(...localeProblems);
    if (localeProblems.length > 0) continue;
    const names = (await files.list(join(root, CONTENT_DIR, locale), 'file')).filter((name) => name.endsWith('.md'));
    for (const name of names) {
      places.push({ id: name.slice(0, -'.md'.length), locale, file: `${CONTENT_DIR}/${locale}/${name}`, absPath: join(root, CONTENT_DIR, locale, name) });
    }
  }
  return { places, diagnostics };
}

/** Finds and parses every `content/<locale>/<id>.md`, in a stable order (locale, then id). */
export async function loadLeafletSources(root: string, files: ProjectFiles = diskFiles): Promise<{ sources: LeafletSource[]; diagnostics: Diagnostic[] }> {
  const { places, diagnostics } = await listLeafletFiles(root, files);
  const sources: LeafletSource[] = [];
  for (const place of places) {
    const result = guardedParse(await files.readText(place.absPath), place);
    sources.push(result.source);
    diagnostics.push(...result.diagnostics);
  }
  return { sources, diagnostics };
}
