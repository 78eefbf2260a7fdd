import { describe, expect, it } from 'vitest';
import { formatPageCountChanges, pageCountChanges } from '../../src/emit/pageCountChanges.ts';

describe('page-count changes', () => {
  it('compares each PDF with the previous build’s manifest, booklets in sheets', () => {
    const previous = new Map([
      ['en-GB/support.pdf', 4],
      ['en-GB/support.booklet.pdf', 2],
      ['en-GB/support.a4.pdf', 4],
      ['cy/support.pdf', 5],
    ]);
    const outputs = [
      { leafletId: 'support', locale: 'en-GB', edition: 'a5' as const, file: 'output/en-GB/support.pdf', pages: 5 },
      { leafletId: 'support', locale: 'en-GB', edition: 'booklet' as const, file: 'output/en-GB/support.booklet.pdf', pages: 4 },
      { leafletId: 'support', locale: 'en-GB', edition: 'a4' as const, file: 'output/en-GB/support.a4.pdf', pages: 4 },
      { leafletId: 'support', locale: 'cy', edition: 'a5' as const, file: 'output/cy/support.pdf', pages: 4 },
      { leafletId: 'jak', locale: 'cy', edition: 'a5' as const, file: 'output/cy/jak.pdf', pages: 8 },
    ];
    const changes = pageCountChanges(previous, outputs, '/project', '/project/output');
    expect(changes).toEqual([
      { leafletId: 'support', locale: 'en-GB', edition: 'a5', before: 4, after: 5, unit: 'pages' },
      { leafletId: 'support', locale: 'en-GB', edition: 'booklet', before: 1, after: 2, unit: 'sheets' },
      { leafletId: 'support', locale: 'cy', edition: 'a5', before: 5, after: 4, unit: 'pages' },
    ]);
    expect(formatPageCountChanges(changes)).toEqual(['en-GB/support: a5 4 → 5 pages; booklet 1 → 2 sheets', 'cy/support: a5 5 → 4 pages']);
  });
});
