import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bidi } from '@react-pdf/textkit';
import { describe, expect, it } from 'vitest';
import { ltrBidi } from '../../src/render/perf/ltrBidi.mjs';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

type BidiFactory = Parameters<typeof ltrBidi>[0];
const upstream = bidi as unknown as BidiFactory;
const fast = ltrBidi(upstream);
const attributed = (string: string, direction?: string) => ({ string, runs: [{ start: 0, end: string.length, attributes: direction === undefined ? {} : { direction } }] });

const TRICKY = [
  '',
  ' ',
  'Plain English, 12.5 mg once a day (about 8 months).',
  'Cymraeg: ŵ ŷ â ê î ô û; “quotes” — dashes… and 50%',
  'Arabic: العربية 123',
  'Hebrew: עברית',
  'Arabic-Indic digits ٣٤٥',
  'A right-to-left mark \u200F here',
  'An isolate \u2067inside\u2069 and an embedding \u202Binside\u202C',
  'A left-to-right mark \u200E and a zero-width joiner \u200D',
  'Adlam 𞤀𞤁 and Phoenician 𐤀',
  'Emoji 👍🏽 and maths 𝑥',
  'Line one\nLine two\u2029Paragraph two',
];

describe('bidi fast path for left-to-right text', () => {
  it('gives the bidi engine\'s own runs for every paragraph of the shipped leaflets and for tricky text, in each direction', async () => {
    const { leaflets } = await shippedLeaflets();
    const texts = leaflets.flatMap((leaflet) => JSON.stringify(leaflet.body).match(/"value":"((?:[^"\\]|\\.)*)"/g) ?? []).map((match) => JSON.parse(match.slice(8)) as string);
    expect(texts.length).toBeGreaterThan(100);
    for (const text of [...texts, ...TRICKY]) {
      for (const direction of [undefined, 'ltr', 'rtl']) {
        expect(fast()(attributed(text, direction)), `${direction}: ${text}`).toEqual(upstream()(attributed(text, direction)));
      }
    }
  });

  it('relies on textkit calling the engine once per paragraph and reading only its runs', () => {
    const textkit = readFileSync(path.join(PROJECT_ROOT, 'node_modules/@react-pdf/textkit/lib/textkit.js'), 'utf8');
    expect(textkit).toContain('const { runs: bidiRuns } = bidi()(attributedString);');
    expect(textkit).toContain('const { levels } = bidi.getEmbeddingLevels(string, direction);');
    expect(textkit).toContain('const direction = attributedString.runs[0]?.attributes.direction;');
  });
});
