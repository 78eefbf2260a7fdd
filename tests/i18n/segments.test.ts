import { describe, expect, it } from 'vitest';
import { leafletSegments, withTexts } from '../../src/i18n/exchange/segments.ts';
import { readPo, writePo } from '../../src/i18n/exchange/poFormat.ts';
import { readXliff, writeXliff } from '../../src/i18n/exchange/xliffFormat.ts';

const raw = '---\nid: x\ntitle: "Teitl: un"\nkeywords:\n  - a\n---\n\n## Pennawd\n\n> **Allwedd.** Llinell un\n> llinell {{a}} {{b}} dau\n\n- Eitem\n  ail linell\n';
const body = raw.slice(raw.indexOf('\n---\n') + 5);

describe('translation pieces', () => {
  it('cuts front matter and body into pieces with their file lines, without container prefixes', () => {
    const pieces = leafletSegments(raw, body);
    expect(pieces.map((p) => [p.id, p.kind, p.line, p.text])).toEqual([
      ['title', 'title', 3, 'Teitl: un'],
      ['keywords.0', 'keyword', 5, 'a'],
      ['body.1', 'heading 2', 8, 'Pennawd'],
      ['body.2', 'callout', 10, '**Allwedd.** Llinell un\nllinell {{a}} {{b}} dau'],
      ['body.3', 'list item', 13, 'Eitem\nail linell'],
    ]);
  });

  it('writes a new text back with the prefixes and quoting it needs, touching nothing else', () => {
    const pieces = leafletSegments(raw, body);
    const after = withTexts(raw, pieces, new Map([['body.2', 'Un\ndau {{a}} {{b}}'], ['body.3', 'Eitem\nnewydd'], ['title', 'Teitl: dau']]));
    expect(after).toBe(raw.replace('"Teitl: un"', '"Teitl: dau"').replace('**Allwedd.** Llinell un\n> llinell {{a}} {{b}} dau', 'Un\n> dau {{a}} {{b}}').replace('ail linell', 'newydd'));
  });

  it('keeps every space and line break through XLIFF and PO, codes included', async () => {
    const document = { sourceLocale: 'en-GB', targetLocale: 'cy', files: [{ kind: 'leaflet' as const, name: 'x', units: [{ id: 'body.2', source: ' {{a}} {{b}}\n  x & <y> ', target: '{{b}}\n{{a}}  \n', notes: ['key: x body.2 (callout)', 'file: content/cy/x.md:10'] }] }] };
    expect(readXliff(await writeXliff(document))).toEqual(document);
    expect(readPo(writePo(document))).toEqual(document);
  });
});
