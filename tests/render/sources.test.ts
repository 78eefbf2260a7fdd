import { describe, expect, it } from 'vitest';
import { SourceIndex } from '../../src/compile/sources.ts';
import { sourceAnchorId } from '../../src/render/components/SourcesSection.tsx';
import { leafletOf, paginated, para, words } from '../support/layoutFixtures.tsx';
import { openPdf, pageText } from '../support/readPdf.ts';

describe('sources', () => {
  it('end the body as a numbered section whose items are link targets at their place on the page', async () => {
    const sources = Array.from({ length: 4 }, (_, index) => ({ title: `Source number ${index + 1}`, url: `https://example.org/${index + 1}`, lang: 'en-GB' }));
    const leaflet = leafletOf([para('b1', words(500))], { frontMatter: { ...leafletOf([]).frontMatter, sources }, sources: new SourceIndex(sources).sources });
    const rendered = await paginated(leaflet, 'a5');
    const pdf = await openPdf(rendered.bytes);
    for (const [index, source] of sources.entries()) {
      const destination = (await pdf.getDestination(sourceAnchorId(index))) as [{ num: number; gen: number }, { name: string }, number, number] | null;
      expect(destination, sourceAnchorId(index)).not.toBeNull();
      const pageIndex = await pdf.getPageIndex(destination![0]);
      // The target is the page that prints the source, at the height of its line.
      const text = await pageText(pdf, pageIndex + 1);
      const line = text.items.find((item) => item.str.includes(source.title))!;
      expect(line, `${source.title} on page ${pageIndex + 1}`).toBeDefined();
      expect(destination![3]).toBeGreaterThan(line.y);
      expect(destination![3] - line.y).toBeLessThan(20);
      // Not on the back page: that is the outside back cover.
      expect(pageIndex + 1).toBeLessThan(pdf.numPages);
    }
  });
});
