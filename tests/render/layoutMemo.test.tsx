import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Image, Page, View } from '@react-pdf/renderer';
import type { ComponentProps, ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { EDITION_IDS, EDITIONS, type Edition } from '../../src/render/editions.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { clearRenderCaches, ownedRender, setLayoutMemos } from '../../src/render/perf/caches.ts';
import { fontSubsetStats } from '../../src/render/perf/fontSubsets.ts';
import { memoKey, sameMemoInputs } from '../../src/render/perf/memoKey.ts';
import { styleKey, styleMemo } from '../../src/render/perf/styleMemo.ts';
import { textLayoutMemo, textLayoutMemoActive, TextLayoutMemo } from '../../src/render/perf/textLayoutMemo.ts';
import { bleedLayoutEdition, renderEdition } from '../../src/render/renderEdition.ts';
import type { CompiledLeaflet } from '../../src/compile/leaflet.ts';
import { plainText } from '../../src/render/components/Inlines.tsx';
import { defaultFit } from '../../src/render/copyFit/fit.ts';
import { layoutGalley, stackColumn } from '../../src/render/pagination/galley.ts';
import { asLaidOut } from '../../src/render/pagination/laidOut.ts';
import { galleyMemo, pageMemo } from '../../src/render/perf/boxMemos.ts';
import { textDrawMemoStats } from '../../src/render/tagging/textDrawMemo.ts';
import { layoutWithFit } from '../../src/render/renderLeaflet.tsx';
import { layoutElement } from '../../src/render/layoutTree.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

const URL = 'https://www.alopecia.org.uk/leaflets/test';

/**
 * Renders with the memos on, expecting most of the text written from the drawn-text memo's
 * recordings, then with the memos off: the same bytes. Leaves the memos off.
 */
async function expectReplayedAsDrawn(render: () => Promise<{ bytes: Buffer }>): Promise<void> {
  setLayoutMemos(true);
  const replayedBefore = textDrawMemoStats.replayed;
  const withMemo = await render();
  expect(textDrawMemoStats.replayed - replayedBefore).toBeGreaterThan(80);
  setLayoutMemos(false);
  const withoutMemo = await render();
  expect(withMemo.bytes.equals(withoutMemo.bytes)).toBe(true);
}

describe('layout memos (text layout, styles, font subsets)', () => {
  it('renders every shipped leaflet in every edition to the same bytes with and without it, cold and warm', async () => {
    const { brand, leaflets } = await shippedLeaflets();
    const fontStore = createFontStore(brand);
    const renderAll = async () => {
      const files = new Map<string, Buffer>();
      for (const leaflet of leaflets) {
        for (const id of EDITION_IDS) {
          const { bytes } = await renderEdition({ leaflet, brand, edition: EDITIONS[id], fontStore, leafletUrl: URL });
          files.set(`${leaflet.locale}/${leaflet.id}.${id}`, bytes);
        }
      }
      return files;
    };
    try {
      setLayoutMemos(true);
      clearRenderCaches();
      const cold = await renderAll();
      // The layout really went through the memo, and editions of the same width shared it.
      expect(textLayoutMemoActive()).toBe(true);
      expect(textLayoutMemo.stats.hits).toBeGreaterThan(0);
      expect(styleMemo.entries.hits).toBeGreaterThan(0);
      const missesCold = textLayoutMemo.stats.misses;
      const subsetsCold = fontSubsetStats();
      const replayedCold = textDrawMemoStats.replayed;
      const warm = await renderAll();
      const replayedWarm = textDrawMemoStats.replayed;
      const warmer = await renderAll();
      // Text is recorded the second time it is drawn (editions sharing blocks draw some twice in
      // one round), and written from the recordings after that: in the third round, most text of
      // the tagged editions, more than in the second.
      expect(textDrawMemoStats.replayed - replayedWarm).toBeGreaterThan(leaflets.length * 100);
      expect(textDrawMemoStats.replayed - replayedWarm).toBeGreaterThan(replayedWarm - replayedCold);
      expect(textLayoutMemo.stats.misses).toBe(missesCold);
      // Every font subset of the warm renders was encoded before.
      expect(fontSubsetStats().misses).toBe(subsetsCold.misses);
      expect(fontSubsetStats().hits).toBeGreaterThan(subsetsCold.hits);

      setLayoutMemos(false);
      const hitsBefore = textLayoutMemo.stats.hits + styleMemo.entries.hits + fontSubsetStats().hits;
      const without = await renderAll();
      expect(textLayoutMemo.stats.hits + styleMemo.entries.hits + fontSubsetStats().hits).toBe(hitsBefore);

      expect(without.size).toBe(leaflets.length * EDITION_IDS.length);
      for (const [name, bytes] of without) {
        expect(cold.get(name)?.equals(bytes), `${name}: memo (cold) differs`).toBe(true);
        expect(warm.get(name)?.equals(bytes), `${name}: memo (warm) differs`).toBe(true);
        expect(warmer.get(name)?.equals(bytes), `${name}: memo (text written from recordings) differs`).toBe(true);
      }
    } finally {
      setLayoutMemos(true);
    }
  }, 600_000);
});

describe('galley and page memos (laid-out blocks and pages)', () => {
  /** The leaflet with its first long paragraph made longer, so every block below it moves down. */
  const withLongerParagraph = (leaflet: CompiledLeaflet): CompiledLeaflet => {
    const target = leaflet.body.blocks.find((block) => block.type === 'paragraph' && plainText(block.children).length > 80)!;
    const extra = { type: 'text' as const, value: ' This sentence was added to make the paragraph longer by more than one whole line of text.' };
    const blocks = leaflet.body.blocks.map((block) => (block === target && block.type === 'paragraph' ? { ...block, children: [...block.children, extra] } : block));
    return { ...leaflet, body: { ...leaflet.body, blocks } };
  };

  it('after an edit lays out only the edited block, moves the rest, and draws the same bytes as without memos', async () => {
    const { brand, leaflets } = await shippedLeaflets();
    const fontStore = createFontStore(brand);
    const original = leaflets.find((leaflet) => leaflet.id === 'jak-inhibitors' && leaflet.locale === 'en-GB')!;
    const edited = withLongerParagraph(original);
    const edition = EDITIONS.a5;
    const fit = defaultFit(edition);
    const input = (leaflet: CompiledLeaflet) => ({ leaflet, brand, edition, fontStore, leafletUrl: URL });
    const galleyTops = async (leaflet: CompiledLeaflet) =>
      (await layoutWithFit(input(leaflet), fit)).body.root.children![0]!.children!.map((block) => block.box!.top);
    try {
      setLayoutMemos(true);
      clearRenderCaches();
      const topsBefore = await galleyTops(original);
      const before = galleyMemo.stats;
      const pagesBefore = pageMemo.stats;
      const topsAfter = await galleyTops(edited);
      const after = galleyMemo.stats;
      // One block is new; every other one came from the memo, and those below the edit moved.
      expect(after.misses - before.misses).toBe(1);
      expect(after.hits - before.hits).toBe(topsAfter.length - 1);
      expect(topsAfter.at(-1)!).toBeGreaterThan(topsBefore.at(-1)!);
      // The pages the edit did not touch (running head, notes page, back page) were not laid out again.
      expect(pageMemo.stats.hits - pagesBefore.hits).toBeGreaterThanOrEqual(3);

      // Drawn twice before the edit (recorded the second time), so the unchanged paragraphs,
      // some now lower on their pages or on other pages, can be written from those recordings.
      await renderEdition(input(original), { fit });
      await renderEdition(input(original), { fit });
      await expectReplayedAsDrawn(() => renderEdition(input(edited), { fit }));
      expect(await galleyTops(edited)).toEqual(topsAfter);
    } finally {
      setLayoutMemos(true);
    }
  }, 120_000);

  it('keeps text drawn with each glyph numbering: an edit that adds a glyph the leaflet lacks, and the next that drops it, both write unchanged text from recordings', async () => {
    const { brand, leaflets } = await shippedLeaflets();
    const fontStore = createFontStore(brand);
    const original = leaflets.find((leaflet) => leaflet.id === 'jak-inhibitors' && leaflet.locale === 'en-GB')!;
    const text = JSON.stringify(original);
    const missing = [...'QXZqxz0123456789'].find((character) => !text.includes(character))!;
    expect(missing).toBeDefined();
    const target = original.body.blocks.find((block) => block.type === 'paragraph')!;
    const edited: CompiledLeaflet = {
      ...original,
      body: { ...original.body, blocks: original.body.blocks.map((block) => (block === target && block.type === 'paragraph' ? { ...block, children: [...block.children, { type: 'text' as const, value: ` ${missing}` }] } : block)) },
    };
    const input = (leaflet: CompiledLeaflet) => ({ leaflet, brand, edition: EDITIONS.a5, fontStore, leafletUrl: URL });
    const fit = defaultFit(EDITIONS.a5);
    try {
      setLayoutMemos(true);
      clearRenderCaches();
      // Drawn twice: recorded with the leaflet's own glyph numbering.
      await renderEdition(input(original), { fit });
      await renderEdition(input(original), { fit });
      // The new glyph numbers every glyph after it again: this text is drawn (and recorded) afresh.
      await renderEdition(input(edited), { fit });
      await expectReplayedAsDrawn(() => renderEdition(input(original), { fit }));
    } finally {
      setLayoutMemos(true);
    }
  }, 120_000);

  it("gives the print-shop file the A5 file's blocks, placed inside its margins grown by the bleed, and the same bytes as without memos", async () => {
    const { brand, leaflets } = await shippedLeaflets();
    const fontStore = createFontStore(brand);
    const leaflet = leaflets.find((each) => each.id === 'jak-inhibitors' && each.locale === 'en-GB')!;
    const fit = defaultFit(EDITIONS.a5);
    const input = (edition: Edition) => ({ leaflet, brand, edition, fontStore, leafletUrl: URL });
    // The print-shop file is laid out at trim + bleed, its side margins grown by the bleed (renderEdition.ts).
    const printShop = bleedLayoutEdition(EDITIONS['print-shop']);
    const galleyBoxes = async (edition: Edition) =>
      (await layoutWithFit(input(edition), fit)).body.root.children![0]!.children!.map((block) => [block.box!.left, block.box!.top]);
    try {
      setLayoutMemos(true);
      clearRenderCaches();
      // Rendered as a build renders it, so the A5 file's blocks are owned by its render (ownedMemo.ts).
      await ownedRender('a5', () => renderEdition(input(EDITIONS.a5), { fit }));
      const a5 = await galleyBoxes(EDITIONS.a5);
      const before = galleyMemo.stats;
      const boxes = await galleyBoxes(printShop);
      // Every block came from the A5 layout: the bleed moves the text, it does not change its width.
      expect(galleyMemo.stats.misses - before.misses).toBe(0);
      expect(galleyMemo.stats.hits - before.hits).toBe(boxes.length);
      expect(boxes[0]![0]).toBeCloseTo(a5[0]![0]! + EDITIONS['print-shop'].bleed, 3);
      const withMemo = await renderEdition(input(EDITIONS['print-shop']), { fit });
      setLayoutMemos(false);
      expect(await galleyBoxes(printShop)).toEqual(boxes);
      const withoutMemo = await renderEdition(input(EDITIONS['print-shop']), { fit });
      expect(withMemo.bytes.equals(withoutMemo.bytes)).toBe(true);
    } finally {
      setLayoutMemos(true);
    }
  }, 120_000);

  it('lays a page out again when an image file it shows changes under the same name', async () => {
    const { brand } = await shippedLeaflets();
    const fontStore = createFontStore(brand);
    const dir = mkdtempSync(path.join(tmpdir(), 'leaflets-page-memo-'));
    const logo = path.join(dir, 'logo.png');
    copyFileSync(path.join(PROJECT_ROOT, 'templates/assets/logo.png'), logo);
    const page = (width: number) => (
      <Document>
        <Page size={[200, 200]} wrap={false}>
          <Image src={logo} style={{ width }} />
        </Page>
      </Document>
    );
    try {
      setLayoutMemos(true);
      clearRenderCaches();
      await layoutElement(page(100), fontStore);
      const first = pageMemo.stats;
      await layoutElement(page(100), fontStore);
      expect(pageMemo.stats.hits - first.hits).toBe(1);
      await layoutElement(page(120), fontStore);
      expect(pageMemo.stats.misses - first.misses).toBe(1);
      // Same name, other bytes: the page is not taken from the memo.
      appendFileSync(logo, Buffer.alloc(16));
      const beforeChange = pageMemo.stats;
      await layoutElement(page(100), fontStore);
      expect(pageMemo.stats.misses - beforeChange.misses).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a galley block narrower than the column: it could not be placed again at another side margin', async () => {
    const fontStore = createFontStore((await shippedLeaflets()).brand);
    const layout = async (galley: ReactElement[]) =>
      asLaidOut(
        await layoutElement(
          <Document>
            <Page size={[300, 2000]} style={{ paddingHorizontal: 20 }}>
              {galley}
            </Page>
          </Document>,
          fontStore,
        ),
      );
    const block = (style: ComponentProps<typeof View>['style']) => <View style={style} />;
    await expect(layoutGalley([{ element: block({ height: 10, marginLeft: 5 }), content: 'full width' }], 'galley test', layout)).resolves.toBeDefined();
    await expect(layoutGalley([{ element: block({ height: 10, width: 50, alignSelf: 'center' }), content: 'centred' }], 'galley test', layout)).rejects.toThrow(/not at the column's side margin/);
  });

  it('keeps a galley page in the page memo only when the galley memo cannot stand in for it', async () => {
    const fontStore = createFontStore((await shippedLeaflets()).brand);
    const asked: boolean[] = [];
    const layout = async (galley: ReactElement[], rememberGalleyPage: boolean) => {
      asked.push(rememberGalleyPage);
      return asLaidOut(
        await layoutElement(
          <Document>
            <Page size={[300, 2000]} wrap={false} style={{ paddingHorizontal: 20 }}>
              {galley}
            </Page>
          </Document>,
          fontStore,
          rememberGalleyPage ? {} : { unrememberedPages: [0] },
        ),
      );
    };
    const block = (height: number) => <View style={{ height }} />;
    const setting = `galley page test ${Date.now()}`;
    const pagesBefore = pageMemo.stats.entries;
    // New blocks, each kept in the galley memo: the page itself is not kept (its key would write them all out).
    await layoutGalley([{ element: block(10), content: 'a' }, { element: block(20), content: 'b' }], setting, layout);
    expect(pageMemo.stats.entries).toBe(pagesBefore);
    // All remembered: the empty galley page is kept (a short key, and no layout next time).
    await layoutGalley([{ element: block(10), content: 'a' }, { element: block(20), content: 'b' }], setting, layout);
    // A block the galley memo cannot key (an image's bytes are not in its text): the page is kept.
    await layoutGalley([{ element: block(10), content: 'a' }, { element: block(30) }], setting, layout);
    expect(asked).toEqual([false, true, true]);
    expect(pageMemo.stats.entries).toBe(pagesBefore + 2);
  });

  it('stacks blocks as yoga does: running sums of margins and heights in single precision', () => {
    const block = (height: number, marginTop: number, marginBottom: number, marginLeft = 0) => ({ type: 'VIEW', box: { top: -1, left: -1, width: 10, height, marginTop, marginBottom, marginLeft } });
    const stacked = stackColumn([block(10.1, 0, 6.2), block(20.3, 3.1, 0, 2.5), block(5, 1.7, 1)], 0, 51.023622047244096);
    const f = Math.fround;
    expect(stacked.map((node) => node.box!.top)).toEqual([0, f(f(f(0 + 6.2) + 10.1) + 3.1), f(f(f(f(0 + 6.2) + 10.1) + f(f(3.1 + 0) + 20.3)) + 1.7)]);
    expect(stacked.map((node) => node.box!.left)).toEqual([f(51.023622047244096), f(f(51.023622047244096) + 2.5), f(51.023622047244096)]);
  });
});

describe('text layout memo bounds and keys', () => {
  let ran = false;
  const engine = (attributedString: unknown) => {
    ran = true;
    const { string } = attributedString as { string: string };
    return [[{ string, runs: [{ start: 0, end: string.length, attributes: {} }] }]];
  };
  const call = (memo: TextLayoutMemo, text: string, attributes: object, width = 100) => {
    ran = false;
    const result = memo.layout(
      engine,
      { string: text, runs: [{ start: 0, end: text.length, attributes }] },
      { width, height: Infinity },
      {},
    );
    return { ran, result };
  };

  it('keeps at most two generations of paragraphs, and keeps those still in use', () => {
    const memo = new TextLayoutMemo(2);
    call(memo, 'a', {});
    call(memo, 'b', {});
    // A full generation becomes the previous one; a paragraph met again moves forward.
    call(memo, 'c', {});
    expect(call(memo, 'a', {}).ran).toBe(false);
    call(memo, 'd', {});
    // b was in the generation now dropped; a had moved forward with c.
    expect(call(memo, 'b', {}).ran).toBe(true);
    expect(call(memo, 'a', {}).ran).toBe(false);
    for (const text of ['e', 'f', 'g', 'h', 'i']) call(memo, text, {});
    expect(memo.stats.entries).toBeLessThanOrEqual(4);
  });

  it('misses when anything the layout reads differs: width, a style value, a font object', () => {
    const memo = new TextLayoutMemo();
    const font = new (class Font {})();
    const otherFont = new (class Font {})();
    expect(call(memo, 'x', { font: [font], fontSize: 12, lineHeight: 17 }).ran).toBe(true);
    expect(call(memo, 'x', { font: [font], fontSize: 12, lineHeight: 17 }).ran).toBe(false);
    expect(call(memo, 'x', { font: [font], fontSize: 12, lineHeight: 17 }, 101).ran).toBe(true);
    expect(call(memo, 'x', { font: [font], fontSize: 12, lineHeight: 18 }).ran).toBe(true);
    expect(call(memo, 'x', { font: [otherFont], fontSize: 12, lineHeight: 17 }).ran).toBe(true);
    expect(call(memo, 'x', { font: [font], fontSize: 12, lineHeight: 17, link: 'https://a' }).ran).toBe(true);
  });

  it("drops what an owner's last render stopped using, unless another owner's last render uses it", async () => {
    const memo = new TextLayoutMemo();
    const render = (owner: string, texts: string[]) => memo.owned(owner, async () => texts.forEach((text) => call(memo, text, {})));
    await render('support.md a5', ['title', 'old paragraph', 'shared']);
    await render('support.md booklet', ['shared']);
    expect(memo.stats.entries).toBe(3);
    // The paragraph was edited: its old layout goes, what the booklet still uses stays.
    await render('support.md a5', ['title', 'new paragraph']);
    expect(memo.stats.entries).toBe(3);
    expect(call(memo, 'old paragraph', {}).ran).toBe(true);
    expect(call(memo, 'shared', {}).ran).toBe(false);
    expect(call(memo, 'title', {}).ran).toBe(false);
    // Fifty edits later, still each owner's last render's worth (and the one lookup made outside any render).
    const entries = memo.stats.entries;
    for (let edit = 0; edit < 50; edit += 1) await render('support.md a5', ['title', `paragraph ${edit}`]);
    expect(memo.stats.entries).toBe(entries);
  });

  it('keeps the paragraphs of the last hundred owners rendered, not of every owner a large build meets', async () => {
    const memo = new TextLayoutMemo();
    for (let unit = 0; unit < 150; unit += 1) await memo.owned(`leaflet-${unit}.md a5`, async () => call(memo, `text of ${unit}`, {}));
    expect(memo.stats.entries).toBe(100);
    expect(call(memo, 'text of 149', {}).ran).toBe(false);
    expect(call(memo, 'text of 0', {}).ran).toBe(true);
  });

});

describe('memo keys', () => {
  it('tell apart what JSON would not: undefined and missing fields, Infinity and null, -0 and 0, two objects by identity', () => {
    expect(memoKey({ color: undefined })).not.toBe(memoKey({}));
    expect(memoKey({ height: Infinity })).not.toBe(memoKey({ height: null }));
    expect(memoKey(-0)).not.toBe(memoKey(0));
    const font = new (class Font {})();
    expect(memoKey({ font: [font] })).toBe(memoKey({ font: [font] }));
    expect(memoKey({ font: [font] })).not.toBe(memoKey({ font: [new (class Font {})()] }));
    expect(memoKey({ a: 'x,y' }, 'z')).not.toBe(memoKey({ a: 'x' }, 'y,z'));
  });

  it('compare kept inputs as their keys would: sameMemoInputs(a, b) exactly when memoKey(a) === memoKey(b)', () => {
    const font = new (class Font {})();
    const callback = () => 0;
    const withoutPrototype = Object.assign(Object.create(null) as object, { a: 1 });
    const values: unknown[] = [
      undefined, null, 0, -0, NaN, Infinity, 1, '1', '', 'a', true, false, 1n, callback, () => 0, font, new (class Font {})(),
      {}, { a: 1 }, { a: 1 }, { a: '1' }, { a: undefined }, { a: 1, b: undefined }, { b: undefined, a: 1 }, { a: { b: [font] } }, { a: { b: [font] } },
      { a: { b: [new (class Font {})()] } }, withoutPrototype, [], [undefined], [1, [2]], [1, [2]], [1, [3]], [1, 2], ['a', { b: -0 }], ['a', { b: 0 }],
      { string: 'x', runs: [{ start: 0, end: 1, attributes: { font: [font], fontSize: 12, link: undefined } }] },
      { string: 'x', runs: [{ start: 0, end: 1, attributes: { font: [font], fontSize: 12, link: undefined } }] },
      { string: 'x', runs: [{ start: 0, end: 1, attributes: { font: [font], fontSize: 12 } }] },
      { string: 'x', runs: [{ start: 0, end: 1, attributes: { font: [font], fontSize: 12, link: 'https://a' } }] },
    ];
    let alike = 0;
    for (const a of values) {
      for (const b of values) {
        expect(sameMemoInputs(a, b), `${memoKey(a)} / ${memoKey(b)}`).toBe(memoKey(a) === memoKey(b));
        if (a !== b && sameMemoInputs(a, b)) alike += 1;
      }
    }
    // Distinct objects written alike are found alike (not only the same object).
    expect(alike).toBeGreaterThanOrEqual(10);
  });

  it('style keys too', () => {
    const page = { width: 420, height: 595, orientation: 'portrait', dpi: 72, remBase: 12 };
    expect(styleKey(page, { color: undefined, fontSize: 12 })).not.toBe(styleKey(page, { fontSize: 12 }));
    expect(styleKey(page, { color: undefined, fontSize: 12 })).not.toBe(styleKey(page, { fontStyle: undefined, fontSize: 12 }));
    expect(styleKey(page, { maxLines: Infinity })).not.toBe(styleKey(page, { maxLines: null }));
    expect(styleKey(page, { fontFamily: ['Body', 'Noto Sans'] })).toBe(styleKey(page, { fontFamily: ['Body', 'Noto Sans'] }));
    expect(styleKey(page, { fontSize: 12 })).not.toBe(styleKey({ ...page, width: 421 }, { fontSize: 12 }));
    expect(styleKey(page, [{ fontSize: 12 }, { color: 'red' }])).not.toBe(styleKey(page, [{ fontSize: 12 }]));
  });
});
