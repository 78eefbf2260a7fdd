/**
 * Numbers each embedded font's glyphs before anything is drawn: by glyph id, over every glyph
 * the laid-out document will draw.
 *
 * pdfkit writes a glyph into a content stream as its number in the font's subset, and numbers
 * glyphs in the order the document first draws them. So without this a page's content depended
 * on the pages before it: an edit that draws one glyph earlier renumbered glyphs on every later
 * page, and their streams changed although the pages had not. Numbered by id over the
 * document's set of glyphs, a page's content depends only on the page and on that set, so an
 * unchanged page gives the same stream (compressed once, see pdfkitFastPaths.ts) and an
 * unchanged glyph set the same subset (fontSubsets.ts).
 *
 * Widths and code points are noted as pdfkit's `encode` and glyphRuns.ts do, from the first
 * drawn occurrence of each glyph (the walk below is the draw order), so the font dictionaries
 * come out as drawing them would. A glyph drawn that is not in the layout's runs (none today)
 * is still numbered by pdfkit when drawn, after these.
 */
import { TextIds } from './textIds.ts';

interface LaidOutGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface LaidOutRun {
  glyphs?: LaidOutGlyph[];
  positions?: unknown[];
  attributes: { font?: Array<{ type?: string }> };
}
export interface GlyphLayoutNode {
  lines?: Array<{ runs: LaidOutRun[] }>;
  children?: GlyphLayoutNode[];
}
interface EmbeddedFont {
  subset?: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
}
export interface GlyphNumberingDocument {
  font(src: unknown): unknown;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
}

type GlyphsByFont = Map<object, Map<number, LaidOutGlyph>>;

/**
 * One node's lines' glyphs by font, by first occurrence. Laid-out lines are never changed
 * once made and most are the same objects render after render (the text layout memo's), so
 * each is read once, not every glyph of every run at every render.
 */
const glyphsOfLines = new WeakMap<object, GlyphsByFont>();

/** The font's glyphs in `fonts`, made empty the first time the font is met. */
function glyphsOf(fonts: GlyphsByFont, font: object): Map<number, LaidOutGlyph> {
  let glyphs = fonts.get(font);
  if (!glyphs) fonts.set(font, (glyphs = new Map()));
  return glyphs;
}

function lineGlyphs(lines: NonNullable<GlyphLayoutNode['lines']>): GlyphsByFont {
  let fonts = glyphsOfLines.get(lines);
  if (fonts) return fonts;
  fonts = new Map();
  for (const line of lines) {
    for (const run of line.runs) {
      // What react-pdf's renderRun draws: runs with glyphs and positions, in their first font.
      const font = run.attributes.font?.[0];
      if (!run.glyphs || !run.positions || !font || font.type === 'STANDARD') continue;
      const glyphs = glyphsOf(fonts, font);
      for (const glyph of run.glyphs) if (!glyphs.has(glyph.id)) glyphs.set(glyph.id, glyph);
    }
  }
  glyphsOfLines.set(lines, fonts);
  return fonts;
}

/** Each embedded (not standard) font's glyphs, by first occurrence, in draw order. */
function glyphsByFont(root: GlyphLayoutNode): GlyphsByFont {
  const fonts: GlyphsByFont = new Map();
  const visit = (node: GlyphLayoutNode) => {
    if (node.lines) {
      for (const [font, found] of lineGlyphs(node.lines)) {
        const glyphs = glyphsOf(fonts, font);
        for (const [id, glyph] of found) if (!glyphs.has(id)) glyphs.set(id, glyph);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return fonts;
}

/**
 * What numbering fixed for one document: its embedded fonts by resource name, and a string
 * naming each font and the glyphs it numbered, equal for two documents exactly when every glyph
 * run is written with the same font names and glyph numbers in both.
 */
export interface GlyphNumbering {
  fonts: Map<string, EmbeddedFont & { id: string }>;
  signature: string;
  /** A number for the signature, the same for equal signatures in this process. */
  id: number;
}
const numberings = new WeakMap<object, GlyphNumbering>();

/** Signatures by number: a few per leaflet and edition (an edit that adds or drops a glyph makes another). */
const signatureIds = new TextIds(10_000);

/** The glyph numbering of a document numberGlyphsById has numbered. */
export const glyphNumberingOf = (doc: object): GlyphNumbering | undefined => numberings.get(doc);

export function numberGlyphsById(doc: GlyphNumberingDocument, root: GlyphLayoutNode): void {
  const fonts = glyphsByFont(root);
  const numbering: GlyphNumbering = { fonts: new Map(), signature: '', id: 0 };
  numberings.set(doc, numbering);
  if (fonts.size === 0) {
    numbering.id = signatureIds.idOf('');
    return;
  }
  // Opening a font makes it the current one; drawing sets its own before every run.
  const { _font, _fontSource, _fontFamily } = doc;
  for (const [source, glyphs] of fonts) {
    doc.font(source);
    const font = doc._font as EmbeddedFont & { id: string };
    const subset = font.subset;
    if (!subset) continue;
    const ids = [...glyphs.keys()].sort((a, b) => a - b);
    numbering.fonts.set(font.id, font);
    numbering.signature += `${font.id}:${ids.join(',')};`;
    for (const id of ids) {
      const glyph = glyphs.get(id)!;
      const number = subset.includeGlyph(id);
      if (font.widths[number] == null) font.widths[number] = glyph.advanceWidth * font.scale;
      if (font.unicode[number] == null) font.unicode[number] = glyph.codePoints;
    }
  }
  numbering.id = signatureIds.idOf(numbering.signature);
  Object.assign(doc, { _font, _fontSource, _fontFamily });
}
