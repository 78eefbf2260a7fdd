import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/compile/model.ts';
import { tableHyphenation } from '../../src/render/tables/hyphenation.ts';
import { tableColumnWidths } from '../../src/render/tables/tableColumns.ts';

describe('table cell hyphenation', () => {
  it('breaks words at syllables with the language’s own patterns, never leaving fewer than three letters', () => {
    expect(tableHyphenation('cy')('Meddyginiaeth')).toEqual(['Medd', 'ygin', 'iaeth']);
    expect(tableHyphenation('pl')('Zarejestrowany')).toEqual(['Zare', 'jestro', 'wany']);
    expect(tableHyphenation('en-GB')('medicine').join('')).toBe('medicine');
    for (const parts of [tableHyphenation('cy')('Meddyginiaeth'), tableHyphenation('en-GB')('Deuruxolitinib')]) {
      for (const part of parts) expect([...part].length).toBeGreaterThanOrEqual(3);
    }
  });

  it('reads the pseudo-locale’s accented letters as plain ones, and leaves languages without patterns alone', () => {
    const parts = tableHyphenation('en-XA')('Ṁéédýĝîñîåéţĥ');
    expect(parts.join('')).toBe('Ṁéédýĝîñîåéţĥ');
    expect(parts.length).toBeGreaterThan(1);
    expect(tableHyphenation('xx-YY')('Something')).toEqual(['Something']);
  });
});

const cell = (key: string, value: string) => ({ key, children: [{ type: 'text' as const, value }] });
const tableOf = (header: string[], rows: string[][]): TableBlock => ({
  type: 'table',
  key: 't',
  headerKey: 'h',
  rowKeys: rows.map((_, index) => `r${index}`),
  align: header.map(() => null),
  header: header.map((value, index) => cell(`h${index}`, value)),
  rows: rows.map((row, r) => row.map((value, c) => cell(`c${r}${c}`, value))),
});
/** Every character 6 pt wide at size 12, bold or not: widths are easy to reason about. */
const metrics = (innerWidth: number) => ({
  innerWidth,
  cellPadding: 4,
  fontSize: 12,
  measure: (text: string, size: number) => (text.length * size) / 2,
  hyphenate: tableHyphenation('cy'),
});

describe('table column widths', () => {
  it('follow the content and always fill the table', () => {
    const table = tableOf(['Name', 'How to take it'], [['Litfulo', 'One capsule once a day, with or without food']]);
    const widths = tableColumnWidths(table, metrics(300));
    expect(widths.reduce((a, b) => a + b)).toBeCloseTo(300, 6);
    // The short column gets room for its longest word; the long one takes the rest.
    expect(widths[0]!).toBeGreaterThanOrEqual(7 * 6 + 9);
    expect(widths[1]!).toBeGreaterThan(widths[0]!);
  });

  it('give every column its longest word when they all fit, and fall back to syllables when they do not', () => {
    const table = tableOf(['Meddyginiaeth', 'Enw', 'I bwy'], [['Ritlecitinib', 'Litfulo', 'Oedolion']]);
    const roomy = tableColumnWidths(table, metrics(300));
    expect(roomy[0]!).toBeGreaterThanOrEqual(13 * 6 + 9);
    const narrow = tableColumnWidths(table, metrics(150));
    expect(narrow.reduce((a, b) => a + b)).toBeCloseTo(150, 6);
    // "Meddyginiaeth" (78 pt) cannot have a column of its own width, but "iaeth" plus a hyphen fits.
    expect(narrow[0]!).toBeLessThan(13 * 6 + 9);
    expect(narrow[0]!).toBeGreaterThanOrEqual(5 * 6 + 0.45 * 12 + 9);
  });
});
