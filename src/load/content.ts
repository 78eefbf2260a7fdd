import { existsSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { internalErrorDiagnostic } from '../diagnostics/guard.ts';
import { diskFiles, readProjectText, type ProjectFiles } from './projectFiles.ts';
import { frontMatterSchema, type FrontMatter } from './frontMatterSchema.ts';
import { DEFAULT_LIMITS, projectLimits, type Limits } from './limits.ts';
import { checkLocaleFolders, localeArgumentProblem } from './localeNames.ts';
import { parsePositionedYaml, placeOfPath, yamlNestingDiagnostics, yamlSyntaxDiagnostics, yamlToJs, zodIssueDiagnostics } from './yamlDiagnostics.ts';
import { withMissingCloseHint } from './yamlHints.ts';

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

export interface SourcePlace {
  id: string;
  locale: string;
  file: string;
  absPath: string;
}

const countNewlines = (text: string): number => text.split('\n').length - 1;

/**
 * Splits and validates one leaflet file. gray-matter only finds the front-matter block;
 * `yaml` parses it so errors carry node positions. gray-matter's `matter` starts right after
 * the opening `---` (with that line's newline), so YAML line N is file line N.
 */
export function parseLeafletSource(
  raw: string,
  place: SourcePlace,
  limits: Pick<Limits, 'yamlAliases' | 'jsonDepth'> = DEFAULT_LIMITS,
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
  const nesting = yamlNestingDiagnostics(split.matter, context, limits);
  if (nesting.length > 0) return { source, diagnostics: nesting };
  const yaml = parsePositionedYaml(split.matter);
  const syntax = yamlSyntaxDiagnostics(yaml, context);
  if (syntax.length > 0) return { source, diagnostics: withMissingCloseHint(syntax, split.matter, 0) };
  const data = yamlToJs(yaml, context, limits);
  if (data.value === undefined && data.diagnostics.length > 0) return { source, diagnostics: data.diagnostics };

  const parsed = frontMatterSchema.safeParse(data.value ?? {});
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

/**
 * Reads and parses one leaflet file: inside the project, within the Markdown size limit (checked
 * before reading), UTF-8. A file that cannot be read still yields a source, without front matter,
 * so its PDFs are reported as failed (and the last good ones kept) like any broken leaflet.
 */
export function readLeafletSource(
  root: string,
  place: SourcePlace,
  limits: Limits = projectLimits(root),
  files: ProjectFiles = diskFiles,
): { source: LeafletSource; diagnostics: Diagnostic[] } {
  const read = readProjectText({ root, absolute: place.absPath, maxBytes: limits.markdownFileSize, limit: 'markdownFileSize', what: 'Markdown file', source: 'load', files });
  if (read.text === undefined) return { source: { ...place, body: '', bodyStartLine: 1, raw: '' }, diagnostics: read.diagnostics };
  return parseLeafletSource(read.text, place, limits);
}

const LEAFLET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The text of `content/<locale>/<id>.md` for a command that names a locale and an id (such as
 * `i18n mark-translated`): both must be names, never paths (`../../x`), and the file is read
 * with the same checks as a build (inside the project with links followed, size, UTF-8).
 * `missing` when there is simply no such file, so the command can say what to do.
 */
export function readNamedLeaflet(root: string, locale: string, id: string): { file: string; text?: string; missing?: boolean; diagnostics: Diagnostic[] } {
  const file = `${CONTENT_DIR}/${locale}/${id}.md`;
  const localeProblem = localeArgumentProblem(locale);
  if (localeProblem) return { file, diagnostics: [localeProblem] };
  if (!LEAFLET_ID.test(id)) {
    return { file, diagnostics: [diagnostic({ file: 'command line', rule: 'bad-leaflet-id', source: 'load', message: `"${id}" is not a leaflet id: ids are lower-case words joined by hyphens, e.g. support` })] };
  }
  if (!existsSync(join(root, file))) return { file, missing: true, diagnostics: [] };
  const limits = projectLimits(root);
  const read = readProjectText({ root, absolute: join(root, file), maxBytes: limits.markdownFileSize, limit: 'markdownFileSize', what: 'Markdown file', source: 'load' });
  return read.text === undefined ? { file, diagnostics: read.diagnostics } : { file, text: read.text, diagnostics: [] };
}

/**
 * readLeafletSource behind the build's guard: an unexpected exception (a parser's stack
 * overflow, say) becomes an internal-error diagnostic on this file, and the leaflet has no
 * front matter, so it is not built while the others are.
 */
export function guardedRead(
  root: string,
  place: LeafletPlace,
  files: ProjectFiles = diskFiles,
  limits: Limits = projectLimits(root, files),
): { source: LeafletSource; diagnostics: Diagnostic[] } {
  try {
    return readLeafletSource(root, place, limits, files);
  } catch (error) {
    const source: LeafletSource = { ...place, body: '', bodyStartLine: 1, raw: '' };
    return { source, diagnostics: [internalErrorDiagnostic(error, { file: place.file }, 'reading this leaflet', 'load')] };
  }
}

/** Where one leaflet file sits: `content/<locale>/<id>.md`. */
export type LeafletPlace = SourcePlace;

/** Every `content/<locale>/<id>.md`, in a stable order (locale, then id), and problems with folder names. */
export async function listLeafletFiles(root: string, files: ProjectFiles = diskFiles): Promise<{ places: LeafletPlace[]; diagnostics: Diagnostic[] }> {
  const places: LeafletPlace[] = [];
  const folders = checkLocaleFolders(CONTENT_DIR, await files.list(join(root, CONTENT_DIR), 'dir'));
  const diagnostics: Diagnostic[] = [...folders.diagnostics];
  for (const locale of folders.usable) {
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
  const limits = projectLimits(root, files);
  const sources: LeafletSource[] = [];
  for (const place of places) {
    const result = guardedRead(root, place, files, limits);
    sources.push(result.source);
    diagnostics.push(...result.diagnostics);
  }
  return { sources, diagnostics };
}
