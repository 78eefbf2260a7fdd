import PDFDocument from 'pdfkit';

/**
 * pdfkit's constructor opens its default font, Helvetica, in every document (initFonts): it
 * parses the font's AFM metrics (every glyph width and kerning pair) into a new object each
 * time, about 1 ms of a render, though they never change and are only ever read. Leaflets
 * never draw with it (standardFontRuns.ts), but pdfkit's font numbering starts after it.
 *
 * Here the first document of the process is made by pdfkit as shipped, and its Helvetica is
 * kept as a pattern: the own properties pdfkit's StandardFont constructor gave it. Every later
 * document is made without a default font (`font: null`) and then given what initFonts leaves
 * behind: a Helvetica of its own (its own object, so its PDF reference is its own) sharing the
 * parsed metrics, registered under its name, numbered F1. The bytes are the same
 * (tests/render/drawFastPaths.test.ts), and a test checks the fonts' state against pdfkit's.
 */
const DEFAULT_FONT = 'Helvetica';

interface FontState {
  _font: { name?: string; document?: unknown } | null;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontCount: number;
  _fontFamilies: Record<string, unknown>;
}

/** Helvetica as pdfkit opens it: its class and own properties, all but the document it belongs to. */
let pattern: { prototype: object; fields: Record<string, unknown> } | undefined;

type Options = Record<string, unknown>;

/** A pdfkit document whose default font shares its parsed metrics with every other one. */
export function newDocumentSharingDefaultFont(options: Options): unknown {
  if (pattern === undefined) {
    const doc = new PDFDocument(options);
    const font = (doc as unknown as FontState)._font;
    if (font?.name === DEFAULT_FONT) {
      const { document: _document, ...fields } = font;
      pattern = { prototype: Object.getPrototypeOf(font) as object, fields };
    }
    return doc;
  }
  const doc = new PDFDocument({ ...options, font: null });
  const state = doc as unknown as FontState;
  // What `initFonts` ends with after `this.font('Helvetica')` (pdfkit's FontsMixin).
  const font = Object.assign(Object.create(pattern.prototype) as object, pattern.fields, { document: doc });
  state._fontSource = DEFAULT_FONT;
  state._fontFamily = null;
  state._fontCount += 1;
  state._font = font;
  state._fontFamilies[DEFAULT_FONT] = font;
  return doc;
}
