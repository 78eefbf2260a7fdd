import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/compile/model.ts';
import { lintBrandAndStyles } from '../../src/lint/brandLint.ts';
import { lintLeafletBody } from '../../src/lint/leafletLint.ts';
import { EDITIONS } from '../../src/render/editions.ts';
import { PROJECT_ROOT, projectBrand } from '../support/sampleLeaflet.ts';

const heading = (key: string, depth: 1 | 2 | 3, line: number): Block => ({
  type: 'heading',
  depth,
  key,
  children: [{ type: 'text', value: 'A heading' }],
  position: { line, column: 1 },
});
const linkParagraph = (text: string, line: number): Block => ({
  type: 'paragraph',
  key: `p${line}`,
  position: { line, column: 1 },
  children: [{ type: 'link', url: 'https://example.org/page', children: [{ type: 'text', value: text }], position: { line, column: 3 } }],
});

describe('leaflet lint', () => {
  it('reports a skipped heading level and a level 1 heading in the body, with file and line', () => {
    const found = lintLeafletBody('content/en-GB/x.md', [heading('a', 2, 14), heading('b', 3, 20), heading('c', 2, 25), heading('d', 1, 30)]);
    expect(found).toEqual([
      expect.objectContaining({ file: 'content/en-GB/x.md', line: 30, rule: 'heading-order', severity: 'error' }),
    ]);
    const skipped = lintLeafletBody('content/en-GB/x.md', [heading('a', 3, 12)]);
    expect(skipped).toEqual([expect.objectContaining({ line: 12, rule: 'heading-order', message: expect.stringMatching(/level 3 follows level 1/) })]);
  });

  it('warns about link text that is a bare URL or "click here", and accepts meaningful text', () => {
    const found = lintLeafletBody('f.md', [linkParagraph('click here', 5), linkParagraph('https://example.org/page', 6), linkParagraph('the EMC website', 7)]);
    expect(found.map((d) => [d.line, d.rule, d.severity])).toEqual([
      [5, 'link-text', 'warning'],
      [6, 'link-text', 'warning'],
    ]);
  });

  it('reports an image with empty alt text', () => {
    const found = lintLeafletBody('f.md', [{ type: 'image', key: 'i', src: '/x.png', alt: ' ', position: { line: 9, column: 1 } }]);
    expect(found).toEqual([expect.objectContaining({ line: 9, rule: 'missing-alt', severity: 'error' })]);
  });
});

describe('brand and style lint', () => {
  it('passes the project brand in every edition', async () => {
    const brand = await projectBrand();
    expect(await lintBrandAndStyles(PROJECT_ROOT, brand, Object.values(EDITIONS))).toEqual([]);
  });

  it('names the colour pair and the brand file line when contrast is below 4.5:1', async () => {
    const brand = await projectBrand();
    const pale = { ...brand, colours: { ...brand.colours, primary: '#b9a3cc' } };
    const found = await lintBrandAndStyles(PROJECT_ROOT, pale, [EDITIONS.a5]);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'templates/brand.yaml', rule: 'contrast', message: expect.stringContaining('headings (primary) on background (#b9a3cc on #ffffff)') }),
      ]),
    );
  });

  it('reports body text below the edition minimum', async () => {
    const brand = await projectBrand();
    const tiny = { ...EDITIONS['large-print'], bodySize: 14 };
    const found = await lintBrandAndStyles(PROJECT_ROOT, brand, [tiny]);
    expect(found.some((d) => d.rule === 'min-text-size' && /"paragraph".*14 pt text, below the 16 pt minimum/.test(d.message))).toBe(true);
  });
});
