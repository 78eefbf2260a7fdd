import { readFileSync } from 'node:fs';
import path from 'node:path';
import emojiRegex from 'emoji-regex-xs';
import { describe, expect, it } from 'vitest';
import { expectShimLoadedBy } from '../support/shimLoading.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

const EMOJI = [
  'Thumbs up 👍 and with skin tone 👍🏽',
  'Heart with VS16 ❤️ and without ❤',
  'Keycaps 1️⃣ #️⃣ *️⃣ and plain 1 # *',
  'Flags 🇬🇧 🇫🇷 and Wales 🏴󠁧󠁢󠁷󠁬󠁳󠁿',
  'Family 👨‍👩‍👧‍👦 and a watch ⌚ at U+231A',
  '© ® ™ ‼ (text presentation unless followed by VS16: ©️)',
  'A lone surrogate \uD83D here',
];

const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);

// The shim is imported only after the first test, which checks that layout's import loaded it.
const loadShim = () => import('../../src/render/perf/emojiPatternShim.mjs');

describe('emoji pattern with a quick test', () => {
  it('is what @react-pdf/layout loads', () => expectShimLoadedBy('leaflets.emojiPatternShim', () => import('@react-pdf/layout')));

  it('finds exactly what emoji-regex-xs finds, in every shipped paragraph and in emoji text', async () => {
    const { leaflets } = await shippedLeaflets();
    const texts = leaflets.flatMap((leaflet) => JSON.stringify(leaflet.body).match(/"value":"((?:[^"\\]|\\.)*)"/g) ?? []).map((match) => JSON.parse(match.slice(8)) as string);
    expect(texts.length).toBeGreaterThan(100);
    const upstream = emojiRegex();
    const quick = (await loadShim()).default();
    for (const text of [...texts, ...EMOJI, EMOJI.join(' ')]) expect(matches(quick, text), text).toEqual(matches(upstream, text));
    expect(matches(quick, EMOJI.join(' ')).length).toBeGreaterThan(10);
  });

  it('passes over only text that cannot match: no character below U+231A is an emoji on its own', async () => {
    const { MAY_HOLD_EMOJI } = await loadShim();
    const pattern = emojiRegex();
    for (let codePoint = 0; codePoint < 0x231a; codePoint += 1) {
      const char = String.fromCodePoint(codePoint);
      expect(MAY_HOLD_EMOJI.test(char)).toBe(false);
      expect(matches(pattern, char), `U+${codePoint.toString(16)}`).toEqual([]);
    }
    expect(MAY_HOLD_EMOJI.test('\u231a')).toBe(true);
    expect(MAY_HOLD_EMOJI.test('\u{1F600}')).toBe(true);
  });

  it('relies on a pattern whose every match holds a character at U+231A or above', () => {
    // Regional indicators, the black flag of tag sequences, U+FE0F, Emoji_Modifier_Base and
    // Emoji_Presentation characters: one of them is in every match (see emojiPatternShim.mjs).
    expect(emojiRegex().source).toBe(
      '[\\u{1F1E6}-\\u{1F1FF}]{2}|\\u{1F3F4}[\\u{E0061}-\\u{E007A}]{2}[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]{1,3}\\u{E007F}|(?:\\p{Emoji}\\uFE0F\\u20E3?|\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}?|\\p{Emoji_Presentation})(?:\\u200D(?:\\p{Emoji}\\uFE0F\\u20E3?|\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}?|\\p{Emoji_Presentation}))*',
    );
    const layout = readFileSync(path.join(PROJECT_ROOT, 'node_modules/@react-pdf/layout/lib/index.js'), 'utf8');
    expect(layout).toContain("import emojiRegex from 'emoji-regex-xs';");
    expect(layout).toContain('const regex = emojiRegex();');
    expect(layout).toContain('Array.from(fragment.string.matchAll(regex)).forEach((match) => {');
  });
});
