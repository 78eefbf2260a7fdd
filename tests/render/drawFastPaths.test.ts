import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import PngJs from 'png-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/render/editions.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { collectPdf, createPdfDocument } from '../../src/render/pdfDocument.ts';
import { clearDecodedImages } from '../../src/render/perf/decodedImages.ts';
import type { DrawOptions } from '../../src/render/perf/pdfkitFastPaths.ts';
import { newDocumentSharingDefaultFont } from '../../src/render/perf/standardFont.ts';
import { layoutLeaflet, leafletDocumentInfo } from '../../src/render/renderLeaflet.tsx';
import { renderTagged } from '../../src/render/tagging/taggedRender.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

describe('draw fast paths', () => {
  it('write the same bytes as pdfkit as shipped, for every shipped leaflet', async () => {
    const { brand, leaflets } = await shippedLeaflets();
    const fontStore = createFontStore(brand);
    for (const leaflet of leaflets) {
      const input = { leaflet, brand, edition: EDITIONS.a5, fontStore, leafletUrl: 'https://www.alopecia.org.uk/l' };
      const layout = await layoutLeaflet(input);
      const draw = async (options: DrawOptions) => {
        const doc = createPdfDocument(leafletDocumentInfo(input), true, options);
        const bytes = collectPdf(doc);
        renderTagged(doc, layout);
        doc.end();
        return bytes;
      };
      // zlib's default level is 6: the level pdfkit uses when left alone.
      const shipped = await draw({ fastPaths: false });
      const fast = await draw({ deflateLevel: 6 });
      expect(fast.equals(shipped), `${leaflet.locale}/${leaflet.id}`).toBe(true);
      // Again: now the font subsets come from the memo.
      const again = await draw({ deflateLevel: 6 });
      expect(again.equals(shipped), `${leaflet.locale}/${leaflet.id}, subsets remembered`).toBe(true);
    }
  }, 300_000);

  it("write objects' dictionaries as pdfkit's serializer does: names, numbers, text strings, dates, bytes, arrays, references, and what it leaves to pdfkit", async () => {
    const info = { title: 'Tricky (values) \\ ü', author: 'a', subject: 's', keywords: ['k'], lang: 'en-GB', creationDate: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) };
    const write = async (options: DrawOptions) => {
      const doc = createPdfDocument(info as never, true, options) as unknown as { ref(data: object): { end(chunk?: string): void }; addPage(): void; end(): void };
      const bytes = collectPdf(doc as never);
      doc.addPage();
      const other = doc.ref({ Type: 'Other' });
      other.end();
      const values = {
        Name: 'A#B',
        Numbers: [0, -0, 1.23456789, -2.5e-7, 1e20, 12345678.9876543],
        Flags: [true, false, null, undefined],
        Texts: [new String('plain (brackets) \\ and\nlines\ttab'), new String('Gwybodaeth ŵ ŷ – “quotes”'), new String('')],
        When: new Date(Date.UTC(1999, 11, 31, 23, 59, 58)),
        Bytes: Buffer.from([0, 15, 16, 255]),
        Nested: { Empty: {}, List: [[], [other], { Skip: undefined, Keep: 1 }] },
        Ref: other,
      };
      doc.ref(values).end();
      const withStream = doc.ref({ Subtype: 'Test' });
      withStream.end('a stream line');
      // A class pdfObjects.ts does not know: pdfkit writes this object itself.
      doc.ref({ Tree: new (class Unknown { toString() { return '(unknown)'; } })() }).end();
      doc.end();
      return bytes;
    };
    const shipped = await write({ fastPaths: false });
    const fast = await write({ deflateLevel: 6 });
    expect(fast.toString('latin1')).toBe(shipped.toString('latin1'));
    expect(shipped.toString('latin1')).toContain('/Name /A#B');
  });

  it('give every document a default font of its own, in the state pdfkit leaves it, sharing only the parsed metrics', () => {
    type Font = Record<string, unknown> & { font: object; document: unknown };
    type Doc = { _font: Font; _fontFamilies: Record<string, Font>; _fontCount: number; _fontSource: unknown; _fontFamily: unknown; _fontSize: number };
    const options = { autoFirstPage: false, compress: true, pdfVersion: '1.7' };
    const shipped = new PDFDocument(options) as Doc;
    // The first document of the process is pdfkit's own (it gives the pattern); these share it.
    newDocumentSharingDefaultFont(options);
    const [one, two] = [newDocumentSharingDefaultFont(options), newDocumentSharingDefaultFont(options)] as Doc[];
    for (const doc of [one!, two!]) {
      const { _fontCount, _fontSource, _fontFamily, _fontSize } = doc;
      expect({ _fontCount, _fontSource, _fontFamily, _fontSize }).toEqual({ _fontCount: shipped._fontCount, _fontSource: shipped._fontSource, _fontFamily: shipped._fontFamily, _fontSize: shipped._fontSize });
      expect(Object.keys(doc._fontFamilies)).toEqual(Object.keys(shipped._fontFamilies));
      expect(doc._fontFamilies.Helvetica).toBe(doc._font);
      expect(Object.getPrototypeOf(doc._font)).toBe(Object.getPrototypeOf(shipped._font));
      expect(Object.keys(doc._font).sort()).toEqual(Object.keys(shipped._font).sort());
      const { document, font, ...rest } = doc._font;
      const { document: _document, font: shippedFont, ...shippedRest } = shipped._font;
      expect(document).toBe(doc);
      expect(rest).toEqual(shippedRest);
      expect(font).toEqual(shippedFont);
    }
    expect(one!._font).not.toBe(two!._font);
    expect(one!._font.font).toBe(two!._font.font);
  });

  const png = (colorType: 0 | 2 | 4 | 6) => {
    const image = new PNG({ width: 7, height: 5, colorType, inputColorType: 6 });
    for (let i = 0; i < image.data.length; i += 1) image.data[i] = (i * 37) % 256;
    return PNG.sync.write(image, { colorType });
  };
  const images = [png(0), png(2), png(4), png(6)];
  const imageInfo = { title: 'Images', author: 'a', subject: 's', keywords: [], lang: 'en-GB', creationDate: new Date(0) };
  const drawImages = async (options: DrawOptions, sources: Uint8Array[]) => {
    const doc = createPdfDocument(imageInfo, false, options) as unknown as { addPage(): void; image(src: Uint8Array, x: number, y: number, options: object): void; end(): void };
    const bytes = collectPdf(doc as never);
    doc.addPage();
    for (const source of sources) doc.image(source, 10, 10, { width: 20 });
    doc.end();
    return bytes;
  };

  it('open each PNG once per process and write the same bytes, with and without transparency', async () => {
    clearDecodedImages();
    // One image a document: pdfkit as shipped writes several decoded PNGs in whichever order their decoding finishes.
    for (const image of images) {
      const shipped = await drawImages({ fastPaths: false }, [image]);
      expect((await drawImages({ deflateLevel: 6 }, [image])).equals(shipped)).toBe(true);
      // Now the image comes from the memo.
      expect((await drawImages({ deflateLevel: 6 }, [image])).equals(shipped)).toBe(true);
    }
  });

  it('write several decoded PNGs in the order drawn, however their decoding finishes', async () => {
    // Twice each: pdfkit makes an image object per call for bytes; transparency makes png-js decode pixels (asynchronously).
    const sources = [...images, ...images];
    const inOrder = await drawImages({ deflateLevel: 6 }, sources);
    const decode = PngJs.prototype.decodePixels;
    let calls = 0;
    // The first image asked for finishes last.
    PngJs.prototype.decodePixels = function decodeLate(this: PngJs, done: (pixels: Uint8Array) => void) {
      const delay = 40 - 5 * calls++;
      return decode.call(this, (pixels: Uint8Array) => setTimeout(() => done(pixels), delay));
    };
    try {
      const reversed = await drawImages({ deflateLevel: 6 }, sources);
      expect(calls).toBeGreaterThanOrEqual(4);
      expect(reversed.equals(inOrder)).toBe(true);
    } finally {
      PngJs.prototype.decodePixels = decode;
    }
  });

  /**
   * The fast paths stand in for pdfkit code by name. If pdfkit changes these, the bytes test
   * above may still pass by luck of the sample; this says what to re-check.
   */
  it('rely on pdfkit internals that are still there', () => {
    const source = readFileSync(path.join(PROJECT_ROOT, 'node_modules/pdfkit/js/pdfkit.node.mjs'), 'utf8');
    for (const needle of [
      'const id = `F${++this._fontCount}`;',
      'if ((font = this._fontFamilies[this._font.name]) && isEqualFont(this._font, font)) {',
      'this.buffer = zlib.deflateSync(this.buffer);',
      "      chunk = fromBinaryString(chunk + '\\n');",
      '    this.compress = this.document.compress && !this.data.Filter;',
      '    fontFile.end(this.subset.encode());',
      // standardFont.ts: the default font is opened in the constructor, only when there is one.
      '    this.initFonts(options.font);',
      '    if (defaultFont) {\n      this.font(defaultFont, defaultFontFamily);\n    }',
      '    this.font = new AFMFont(fontData);',
      // decodedImages.ts: a PNG's parsed file is read, never written, once the image object is made.
      '    this.image = new PNG(data);',
      "      image = PDFImage.open(src, `I${++this._imageCount}`);",
      // pdfkitFastPaths.ts: transform and the colour operators of a hex colour, written as pdfkit writes them.
      "    const values = [m11, m12, m21, m22, dx, dy].map(v => number$1(v)).join(' ');\n    return this.addContent(`${values} cm`);",
      '      return Math.round(n * 1e6) / 1e6;',
      "      if (color.charAt(0) === '#') {",
      '    this._setColorSpace(space, stroke);\n    if (color instanceof SpotColor) {',
      "      this.addContent(`${color.join(' ')} ${op}`);",
      // pathOperators.ts: an SVG path's operators depend on its data alone.
      '  path(path) {\n    SVGPath.apply(this, path);\n    return this;\n  },',
      'const apply = function (commands, doc) {\n  cx = cy = px = py = sx = sy = 0;',
    ]) {
      expect(source, needle).toContain(needle);
    }
    const runners = source.slice(source.indexOf('const apply = function (commands, doc) {'), source.indexOf('class SVGPath {'));
    expect(new Set(runners.match(/doc\.\w+/g))).toEqual(new Set(['doc.moveTo', 'doc.lineTo', 'doc.bezierCurveTo', 'doc.quadraticCurveTo', 'doc.closePath']));
    for (const method of ['moveTo(x, y) {\n    return this.addContent(', 'lineTo(x, y) {\n    return this.addContent(', 'closePath() {\n    return this.addContent(', 'quadraticCurveTo(cpx, cpy, x, y) {\n    return this.addContent(']) {
      expect(source, method).toContain(method);
    }
    // fontSubsets.ts: a subset's bytes depend only on its font and glyph list, and encoding may add glyphs.
    const fontkit = readFileSync(path.join(PROJECT_ROOT, 'node_modules/fontkit/dist/module.mjs'), 'utf8');
    for (const needle of ['while(i < this.glyphs.length)this._addGlyph(this.glyphs[i++]);', 'gid = this.includeGlyph(component.glyphID);', 'this.glyphs.push(glyph);']) {
      expect(fontkit, needle).toContain(needle);
    }
  });
});
