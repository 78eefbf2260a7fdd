import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/render/editions.ts';
import { renderEdition } from '../../src/render/renderEdition.ts';
import { coverFloors } from '../../src/render/styles.ts';
import { openPdf, pageText } from '../support/readPdf.ts';
import { inputFor, leafletOf, para, words } from '../support/layoutFixtures.tsx';

const polish = (title: string, summary: string) =>
  leafletOf([para('b1', words(200))], {
    locale: 'pl',
    languageName: 'Polski',
    translationState: 'draft',
    frontMatter: { ...leafletOf([]).frontMatter, title, summary, audience: 'Osoby z ciężkim łysieniem plackowatym, które zastanawiają się nad leczeniem, oraz ich rodziny i opiekunowie.' },
  });

describe('cover', () => {
  it('fits a long Polish title and summary on the cover by setting them smaller, never below the floor', async () => {
    const leaflet = polish(
      'Inhibitory JAK w leczeniu ciężkiego łysienia plackowatego: czym są, kto może je otrzymać i jak działają',
      'Czym są leki z grupy inhibitorów JAK, kto może je otrzymać w ramach NHS, jak dobrze działają, jakie mają skutki uboczne i o czym warto pomyśleć przed rozpoczęciem leczenia oraz w jego trakcie.',
    );
    for (const edition of ['a5', 'large-print'] as const) {
      const rendered = await renderEdition(await inputFor(leaflet, edition));
      expect(rendered.diagnostics, edition).toEqual([]);
      const pdf = await openPdf(rendered.bytes);
      const cover = await pageText(pdf, 1);
      const { margin, headingSizes } = EDITIONS[edition];
      // Everything, the language line included, sits on the cover above its bottom margin.
      expect(cover.text).toContain('Language: Polski');
      for (const item of cover.items.filter((i) => i.str.trim() !== '')) expect(item.y).toBeGreaterThan(margin);
      const titleSize = cover.items.find((item) => item.str.startsWith('Inhibitory'))!.fontSize;
      expect(titleSize).toBeLessThanOrEqual(headingSizes.h1);
      expect(titleSize).toBeGreaterThanOrEqual(coverFloors(EDITIONS[edition]).title - 0.01);
      // Page 2 is a body page with its running header and footer.
      const second = await pageText(pdf, 2);
      expect(second.text).toContain('Alopecia UK');
      expect(second.text).toMatch(new RegExp(`Page 2 of ${pdf.numPages}`));
    }
  });

  it('says what to shorten when even the smallest text does not fit', async () => {
    const leaflet = polish('Inhibitory JAK '.repeat(30), 'Czym są leki z grupy inhibitorów JAK. '.repeat(30));
    const rendered = await renderEdition(await inputFor(leaflet, 'a5'));
    expect(rendered.diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'layout-cover-overflow',
        severity: 'error',
        file: leaflet.sourceFile,
        message: 'a5 page 1: the cover does not fit on one page, even with its text at the smallest size allowed',
        note: expect.stringMatching(/^Shorten the title \(450 characters\), the summary \(1140\)/),
      }),
    );
  });
});
