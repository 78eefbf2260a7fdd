import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typstLeaflet, type TypstLeaflet } from '../../scripts/bench/typstLeaflet.ts';
import { allText, openPdf } from '../support/readPdf.ts';
import { sharedBuild } from '../support/sharedBuild.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

/**
 * The render bench holds this project's fresh render to at most 3x Typst's render "of the same
 * text": the whole-leaflet Typst case must print what the A5 PDF prints, on about as many pages,
 * or the ratio compares different work.
 */
const letters = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

describe('the render bench typesets the same leaflet in Typst', () => {
  let ours: { letters: number; pages: number; text: string };
  const typst = new Map<'leaflet' | 'body', { leaflet: TypstLeaflet; letters: number; pages: number; text: string }>();

  beforeAll(async () => {
    const built = await sharedBuild();
    const pdf = await openPdf(path.join(built.out, 'en-GB/jak-inhibitors.pdf'));
    const text = await allText(pdf);
    ours = { letters: letters(text), pages: pdf.numPages, text };
    const { brand, leaflets } = await shippedLeaflets();
    const leaflet = leaflets.find((l) => l.id === 'jak-inhibitors' && l.locale === 'en-GB')!;
    for (const scope of ['leaflet', 'body'] as const) {
      const typeset = typstLeaflet(leaflet, brand, scope);
      const typstPdf = await openPdf(typeset.pdf());
      const typstText = await allText(typstPdf);
      typst.set(scope, { leaflet: typeset, letters: letters(typstText), pages: typstPdf.numPages, text: typstText });
    }
  });

  it('prints the same letters as the A5 PDF, within the running heads of a page, on as many pages give or take one', () => {
    const whole = typst.get('leaflet')!;
    expect(Math.abs(whole.letters - ours.letters) / ours.letters).toBeLessThan(0.03);
    expect(Math.abs(whole.pages - ours.pages)).toBeLessThanOrEqual(1);
    for (const printed of ['Read this leaflet online', 'About this leaflet', 'Sources', 'This leaflet does not replace advice']) {
      expect(ours.text).toContain(printed);
      expect(whole.text).toContain(printed);
    }
    expect(whole.leaflet.words).toBeGreaterThan(typst.get('body')!.leaflet.words);
  });

  it('the body-only case (runs 1-15) leaves out the cover, sources and back page', () => {
    const body = typst.get('body')!;
    expect(body.letters / ours.letters).toBeLessThan(0.85);
    expect(body.text).not.toContain('Read this leaflet online');
  });
});
