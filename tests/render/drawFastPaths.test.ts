import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/render/editions.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { collectPdf, createPdfDocument } from '../../src/render/pdfDocument.ts';
import type { DrawOptions } from '../../src/render/perf/pdfkitFastPaths.ts';
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
    ]) {
      expect(source, needle).toContain(needle);
    }
    // fontSubsets.ts: a subset's bytes depend only on its font and glyph list, and encoding may add glyphs.
    const fontkit = readFileSync(path.join(PROJECT_ROOT, 'node_modules/fontkit/dist/module.mjs'), 'utf8');
    for (const needle of ['while(i < this.glyphs.length)this._addGlyph(this.glyphs[i++]);', 'gid = this.includeGlyph(component.glyphID);', 'this.glyphs.push(glyph);']) {
      expect(fontkit, needle).toContain(needle);
    }
  });
});
