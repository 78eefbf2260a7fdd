/**
 * Missing glyphs: every character a PDF will print must be in one of the brand's fonts
 * (the body font, then `fonts.fallbacks` in order, as the renderer tries them). Otherwise
 * react-pdf falls back to Helvetica, which cannot show it either, and the reader sees a box.
 */
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Inline, Block } from '../compile/model.ts';
import type { CompiledLeaflet } from '../compile/leaflet.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { BRAND_FILE, type LoadedBrand, type ResolvedFontFace } from '../load/brand.ts';
import type { LeafletSource } from '../load/content.ts';
import { parseLocaleJson } from '../load/localeJson.ts';
import { keyLinesOf, LOCALES_DIR, type I18n } from '../load/locales.ts';
import { diskFiles, type ProjectFiles } from '../load/projectFiles.ts';

/** Characters that are layout, not ink: never looked up in a font. */
const LAYOUT = new Set(['\n', '\r', '\t']);

export interface FontFamilyFaces {
  name: string;
  faces: fontkit.Font[];
}

/** Which code points the brand's fonts can draw. A family covers a character when all its faces have it. */
export class GlyphCoverage {
  private readonly known = new Map<number, boolean>();
  constructor(readonly families: FontFamilyFaces[]) {}

  covers(codePoint: number): boolean {
    let covered = this.known.get(codePoint);
    if (covered === undefined) {
      covered = this.families.some((family) => family.faces.every((face) => face.hasGlyphForCodePoint(codePoint)));
      this.known.set(codePoint, covered);
    }
    return covered;
  }

  get familyNames(): string[] {
    return this.families.map((family) => family.name);
  }
}

const faceFiles = (face: ResolvedFontFace): string[] => [...new Set([face.regular, face.bold, face.italic ?? face.regular, face.boldItalic ?? face.bold])];

const coverageCache = new Map<string, GlyphCoverage>();

/** The brand's fonts opened with fontkit, once per set of files per process. */
export function glyphCoverageFor(brand: Pick<LoadedBrand, 'resolved'>): GlyphCoverage {
  const key = JSON.stringify(brand.resolved.fonts);
  let coverage = coverageCache.get(key);
  if (!coverage) {
    const open = (face: ResolvedFontFace) => faceFiles(face).map((file) => fontkit.openSync(file));
    const body = open(brand.resolved.fonts.body);
    coverage = new GlyphCoverage([
      { name: body[0]?.familyName ?? 'body font', faces: body },
      ...brand.resolved.fonts.fallbacks.map((fallback) => ({ name: fallback.name, faces: open(fallback.face) })),
    ]);
    coverageCache.set(key, coverage);
  }
  return coverage;
}

/** A run of text that will be printed, and where it is written. */
export interface TextPiece {
  text: string;
  file: string;
  line?: number;
  /** The file's text on that line, to find the character's column. */
  lineText?: string;
}

export const codePointLabel = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** One error per character per line: `U+0192 "ƒ"`, the file, the line and (when found) the column. */
export function missingGlyphDiagnostics(
  pieces: readonly TextPiece[],
  coverage: GlyphCoverage,
  reportedElsewhere: (char: string, writtenOnLine: boolean) => boolean = () => false,
): Diagnostic[] {
  const seen = new Set<string>();
  const problems: Diagnostic[] = [];
  for (const piece of pieces) {
    for (const char of piece.text) {
      if (LAYOUT.has(char) || coverage.covers(char.codePointAt(0)!)) continue;
      const key = `${piece.file}:${piece.line}:${char}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const index = piece.lineText?.indexOf(char) ?? -1;
      if (reportedElsewhere(char, index !== -1)) continue;
      problems.push(diagnostic({
        file: piece.file,
        ...(piece.line === undefined ? {} : { line: piece.line }),
        ...(piece.line !== undefined && index !== -1 ? { column: [...piece.lineText!.slice(0, index)].length + 1 } : {}),
        rule: 'missing-glyph',
        source: 'lint',
        message: `No font has ${codePointLabel(char)} "${char}"`,
        note: `Fonts tried: ${coverage.familyNames.join(', ')}. Add a font that has it under fonts.fallbacks in ${BRAND_FILE}.`,
      }));
    }
  }
  return problems;
}

function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => ('value' in inline ? inline.value : 'children' in inline ? inlineText(inline.children) : ''))
    .join('');
}

/** Printed text of each block, with the block's file line (an image's alt text is never drawn). */
function blockTexts(blocks: readonly Block[], into: Array<{ text: string; line?: number }>): void {
  for (const block of blocks) {
    const line = block.position?.line;
    const add = (text: string) => into.push({ text, ...(line === undefined ? {} : { line }) });
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        add(inlineText(block.children));
        break;
      case 'list':
        for (const item of block.items) blockTexts(item.children, into);
        break;
      case 'callout':
        blockTexts(block.children, into);
        break;
      case 'table':
        for (const cell of [...block.header, ...block.rows.flat()]) add(inlineText(cell.children));
        break;
      default:
        break;
    }
  }
}

/** File line of the first front-matter line containing `needle` (after `key:` when given). */
function frontMatterLineOf(lines: readonly string[], needle: string, key?: RegExp): number | undefined {
  const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  const within = lines.slice(0, end === -1 ? lines.length : end);
  const index = within.findIndex((line) => (key ? key.test(line) : true) && line.includes(needle));
  return index === -1 ? (key ? within.findIndex((line) => key.test(line)) + 1 || undefined : undefined) : index + 1;
}

/** Everything of one compiled leaflet that is printed, placed in its Markdown file. */
export function leafletTextPieces(leaflet: CompiledLeaflet, source: LeafletSource): TextPiece[] {
  const lines = source.raw.split('\n');
  const place = (text: string, line: number | undefined): TextPiece => ({
    text,
    file: source.file,
    ...(line === undefined ? {} : { line, lineText: lines[line - 1] ?? '' }),
  });
  const fm = leaflet.frontMatter;
  const pieces: TextPiece[] = [
    place(fm.title, frontMatterLineOf(lines, fm.title, /^title:/)),
    place(fm.summary, frontMatterLineOf(lines, fm.summary, /^summary:/)),
    place(fm.audience, frontMatterLineOf(lines, fm.audience, /^audience:/)),
    place(leaflet.formatDate(fm.published), frontMatterLineOf(lines, '', /^published:/)),
    place(leaflet.formatDate(fm.reviewDue), frontMatterLineOf(lines, '', /^reviewDue:/)),
    place(leaflet.languageName, undefined),
  ];
  for (const cited of fm.sources) {
    pieces.push(place(cited.title, frontMatterLineOf(lines, cited.title)));
    if (cited.url !== undefined) pieces.push(place(cited.url, frontMatterLineOf(lines, cited.url)));
  }
  for (const name of [fm.author, fm.clinicalReviewer?.name, fm.clinicalReviewer?.role]) {
    if (name !== undefined) pieces.push(place(name, frontMatterLineOf(lines, name)));
  }
  const body: Array<{ text: string; line?: number }> = [];
  blockTexts(leaflet.body.blocks, body);
  for (const { text, line } of body) pieces.push(place(text, line));
  return pieces;
}

function flatStrings(value: unknown, prefix: string, into: Array<{ key: string; text: string }>): void {
  if (typeof value === 'string') into.push({ key: prefix, text: value });
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatStrings(inner, prefix ? `${prefix}.${key}` : key, into);
  }
}

/** Every string of a locale (all namespaces), placed at its key's line when the file exists. */
export function localeTextPieces(root: string, locale: string, i18n: I18n, files: ProjectFiles = diskFiles): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const [namespace, resources] of Object.entries(i18n.store.data[locale] ?? {})) {
    const file = `${LOCALES_DIR}/${locale}/${namespace}.json`;
    const path = join(root, file);
    const text = files.isFile(path) ? files.readTextSync(path) : undefined;
    // Lines recorded when the strings were loaded: parsing a large file again per leaflet was most of a build's time.
    const keyLines = keyLinesOf(i18n, locale, namespace) ?? (text === undefined ? undefined : parseLocaleJson(text, file).namespace?.keyLines);
    const lines = text?.split('\n') ?? [];
    const strings: Array<{ key: string; text: string }> = [];
    flatStrings(resources, '', strings);
    for (const string of strings) {
      const line = keyLines?.get(string.key);
      pieces.push({ text: string.text, file, ...(line === undefined ? {} : { line, lineText: lines[line - 1] ?? '' }) });
    }
  }
  return pieces;
}

/** Brand text printed on leaflets (charity name, contact details). */
export function brandTextPieces(root: string, brand: LoadedBrand, files: ProjectFiles = diskFiles): TextPiece[] {
  const path = join(root, BRAND_FILE);
  const lines = files.isFile(path) ? files.readTextSync(path).split('\n') : [];
  const values = [brand.charityName, ...Object.values(brand.contact).filter((v): v is string => typeof v === 'string')];
  return values.map((text) => {
    const index = lines.findIndex((line) => line.includes(text));
    return { text, file: BRAND_FILE, ...(index === -1 ? {} : { line: index + 1, lineText: lines[index] }) };
  });
}

interface GlyphProject {
  root: string;
  /** The build's project store; the disk when left out. */
  files?: ProjectFiles;
  brand?: LoadedBrand;
  i18n: I18n;
}

/**
 * Strings and brand text of the locales being built: checked once per build, before any
 * leaflet, so a missing glyph in a locale file stops that locale's PDFs.
 */
export function projectGlyphDiagnostics(project: GlyphProject, locales: readonly string[]): Diagnostic[] {
  if (!project.brand) return [];
  const coverage = glyphCoverageFor(project.brand);
  const pieces = [
    ...brandTextPieces(project.root, project.brand, project.files),
    ...[...new Set(locales)].flatMap((locale) => localeTextPieces(project.root, locale, project.i18n, project.files)),
  ];
  return missingGlyphDiagnostics(pieces, coverage);
}

/**
 * One compiled leaflet's printed text. A character written in the leaflet file is reported
 * at its line and column; one that comes from a locale string or the brand is left to
 * projectGlyphDiagnostics (reported once, where it is written); anything else (a formatted
 * date, a language name) is reported at the leaflet line that produced it.
 */
export function leafletGlyphDiagnostics(project: GlyphProject, leaflet: CompiledLeaflet, source: LeafletSource): Diagnostic[] {
  if (!project.brand) return [];
  const coverage = glyphCoverageFor(project.brand);
  const elsewhere = [...brandTextPieces(project.root, project.brand, project.files), ...localeTextPieces(project.root, leaflet.locale, project.i18n, project.files)]
    .map((piece) => piece.text)
    .join('');
  return missingGlyphDiagnostics(leafletTextPieces(leaflet, source), coverage, (char, writtenOnLine) => !writtenOnLine && elsewhere.includes(char));
}
