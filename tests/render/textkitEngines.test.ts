import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontSubstitution, scriptItemizer } from '@react-pdf/textkit';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/render/editions.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { clearRenderCaches } from '../../src/render/perf/caches.ts';
import { recordTextLayoutCalls } from '../../src/render/perf/textLayoutMemo.ts';
import { quickFontSubstitution, quickScriptItemizer } from '../../src/render/perf/textkitEngines.mjs';
import { layoutLeaflet } from '../../src/render/renderLeaflet.tsx';
import { outcome } from '../support/outcome.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

interface Run {
  start: number;
  end: number;
  attributes: Record<string, unknown> & { font?: unknown };
}
interface AttributedString {
  string: string;
  runs: Run[];
}
type Engine = (attributedString: AttributedString) => AttributedString;
type EngineFactory = () => Engine;

const upstreamFonts = fontSubstitution as unknown as EngineFactory;
const upstreamScripts = scriptItemizer as unknown as EngineFactory;
const quickFonts = quickFontSubstitution(upstreamFonts as never) as unknown as EngineFactory;
const quickScripts = quickScriptItemizer(upstreamScripts as never) as unknown as EngineFactory;

/** Fonts by identity (toEqual would walk all of fontkit's tables). */
const fontIds = new Map<unknown, number>();
const fontId = (font: unknown) => {
  if (!fontIds.has(font)) fontIds.set(font, fontIds.size);
  return `font#${fontIds.get(font)}`;
};
const comparable = ({ string, runs }: AttributedString) => ({
  string,
  runs: runs.map((run) => ({ ...run, attributes: { ...run.attributes, ...(run.attributes.font ? { font: (run.attributes.font as unknown[]).map(fontId) } : {}) } })),
});

/** What textkit's layout engine is given for every paragraph of every shipped leaflet's A5 edition. */
async function shippedAttributedStrings(): Promise<AttributedString[]> {
  const { brand, leaflets } = await shippedLeaflets();
  const fontStore = createFontStore(brand);
  clearRenderCaches();
  const calls = await recordTextLayoutCalls(async () => {
    for (const leaflet of leaflets) await layoutLeaflet({ leaflet, brand, edition: EDITIONS.a5, fontStore, leafletUrl: 'https://www.alopecia.org.uk/l' });
  });
  clearRenderCaches();
  return calls.map(([attributedString]) => attributedString as AttributedString);
}

/** Runs over `string` in the given font stacks and sizes, cut at `cuts`. */
const runsOf = (string: string, cuts: number[], styles: Array<Record<string, unknown>>): AttributedString => {
  const bounds = [0, ...cuts, string.length];
  return { string, runs: bounds.slice(1).map((end, i) => ({ start: bounds[i]!, end, attributes: { ...styles[i % styles.length]! } })) };
};

const TRICKY = [
  'Plain English, 12.5 mg once a day (about 8 months).',
  'Cymraeg: ŵ ŷ â ê î ô û; “quotes” — dashes… and 50%',
  'Soft\u00adhyphen, \u00adleading soft hyphen and trailing\u00ad',
  'Arrows → ⇒, maths ≤ ≥ ± ×, ticks ✓ ✗, and a box ☐',
  'Greek αβγ, Cyrillic жзи, Arabic العربية, Hebrew עברית, CJK 漢字かな',
  'Emoji 👍🏽 and maths 𝑥 and Adlam 𞤀𞤁',
  'A lone high surrogate \uD83D and a lone low one \uDC4D here',
  'Combining marks: e\u0301 a\u0308 and a zero-width joiner \u200D',
  '\u00ad',
  '123 456',
  ' ',
];

describe('quicker textkit engines', () => {
  it('give textkit\'s own runs for every paragraph of the shipped leaflets, and for tricky text in their fonts', async () => {
    const shipped = await shippedAttributedStrings();
    expect(shipped.length).toBeGreaterThan(200);
    const shippedStacks = [...new Map(shipped.flatMap((a) => a.runs).map((run) => [JSON.stringify((run.attributes.font as unknown[]).map(fontId)), run.attributes])).values()];
    expect(shippedStacks.length).toBeGreaterThan(1);
    // And each stack's last font (the standard font) on its own.
    const stacks = [...shippedStacks, ...shippedStacks.map((attributes) => ({ ...attributes, font: [(attributes.font as unknown[]).at(-1)] }))];
    const tricky = TRICKY.flatMap((string) => [
      runsOf(string, [], stacks),
      runsOf(string, [Math.floor(string.length / 3), Math.floor(string.length / 2)], stacks),
      runsOf(string, [1, 2, 3].filter((cut) => cut < string.length), [...stacks].reverse()),
      runsOf(string, [2], [{ font: [null, ...(stacks[0]!.font as unknown[])], fontSize: 10 }, { font: [...(stacks[0]!.font as unknown[])].reverse() }]),
    ]);
    // A surrogate pair split between two runs, and runs of several sizes in one font.
    tricky.push(runsOf('ab👍cd', [3], stacks), runsOf('abcdef', [2, 4], [{ ...stacks[0]!, fontSize: 9 }, { ...stacks[0]!, fontSize: 14 }, { ...stacks[0]! }]));
    tricky.push({ string: '', runs: [{ start: 0, end: 0, attributes: { ...stacks[0]! } }] }, { string: '', runs: [] });
    // textkit fails on text no font of the stack can take (a lone soft hyphen): so must the quick form.
    for (const attributedString of [...shipped, ...tricky]) {
      const label = JSON.stringify(attributedString.string);
      expect(outcome(() => comparable(quickFonts()(attributedString))), label).toEqual(outcome(() => comparable(upstreamFonts()(attributedString))));
      expect(outcome(() => quickScripts()(attributedString)), label).toEqual(outcome(() => upstreamScripts()(attributedString)));
    }
  }, 300_000);

  it('itemize every UTF-16 code unit into textkit\'s scripts, asked twice (the second time from the remembered scripts)', () => {
    const all = Array.from({ length: 0x10000 }, (_, codeUnit) => String.fromCharCode(codeUnit)).join('');
    for (const pass of [1, 2]) {
      for (let start = 0; start < all.length; start += 64) {
        const string = `${all.slice(start, start + 64)}a${all.slice(start, start + 3)}`;
        const attributedString = { string, runs: [] };
        expect(quickScripts()(attributedString), `pass ${pass}, from U+${start.toString(16)}`).toEqual(upstreamScripts()(attributedString));
      }
    }
  });

  it('fail as textkit does on runs they cannot lay out', () => {
    const noFont = { string: 'abc', runs: [{ start: 0, end: 3, attributes: { font: [] } }] };
    expect(() => upstreamFonts()(noFont)).toThrow(TypeError);
    expect(() => quickFonts()(noFont)).toThrow(TypeError);
  });

  it('stand in for textkit 7.0.1\'s engines as written: a change to them fails here', () => {
    const textkit = readFileSync(path.join(PROJECT_ROOT, 'node_modules/@react-pdf/textkit/lib/textkit.js'), 'utf8');
    const between = (from: string, to: string) => {
      const start = textkit.indexOf(from);
      const end = textkit.indexOf(to, start);
      expect(start).toBeGreaterThan(-1);
      expect(end).toBeGreaterThan(start);
      return createHash('sha256').update(textkit.slice(start, end)).digest('hex').slice(0, 16);
    };
    // The two engines' source (see src/render/perf/textkitEngines.mjs): re-check the quick forms before changing these.
    expect(between('const ignoredScripts = ', 'const SOFT_HYPHEN = ')).toBe('308041049b44fb13');
    expect(between('const IGNORED_CODE_POINTS = ', 'export {')).toBe('9ed3784a8ded0778');
    // They are handed in by @react-pdf/layout, the only place the shim swaps them.
    expect(textkit).toContain('const { runs: itemizationRuns } = scriptItemizer()(attributedString);');
    expect(textkit).toContain('const { runs: substitutedRuns } = fontSubstitution()(attributedString);');
  });

  it('look scripts up in the same unicode-properties as textkit', () => {
    const fromTextkit = createRequire(path.join(PROJECT_ROOT, 'node_modules/@react-pdf/textkit/package.json')).resolve('unicode-properties');
    const fromShim = createRequire(path.join(PROJECT_ROOT, 'src/render/perf/textkitEngines.mjs')).resolve('unicode-properties');
    expect(fromShim).toBe(fromTextkit);
  });
});
