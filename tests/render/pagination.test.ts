import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/compile/model.ts';
import { EDITIONS } from '../../src/render/editions.ts';
import { contentTextById, openPdf, pageText, structText, structTree, walkStruct } from '../support/readPdf.ts';
import {
  bodyLines,
  callout,
  calloutColour,
  heading,
  leafletOf,
  para,
  paginated,
  readPages,
  stylesFor,
  table,
  textInside,
  words,
  type ReadPage,
} from '../support/layoutFixtures.tsx';

/**
 * The pagination (src/render/pagination), read back from the PDFs with pdf.js: positions of
 * text runs and of filled boxes. Each fixture is one of the defects react-pdf's own pagination
 * made (tests/render/layoutCheck.test.tsx shows the check reporting them); here each is avoided.
 */
const A5_HEIGHT = EDITIONS.a5.pageSize.height;

/** Callout boxes on a page: the callout background, wider than a table cell. */
const calloutBoxes = (page: ReadPage, colour: string) => page.boxes.filter((box) => box.colour === colour && box.right - box.left > 200);

describe('pagination', () => {
  it('never draws a callout box without text: a callout at the foot of a page moves whole or splits with its box on both parts', async () => {
    const colour = await calloutColour();
    let split = 0;
    let moved = 0;
    // The filler grows a line at a time, so the callout meets the foot of the page at every point.
    for (let extra = 0; extra < 6; extra += 1) {
      const blocks: Block[] = [
        heading('b1', 'The main points'),
        para('b2', words(200 + extra * 9)),
        callout('b3', 'Get help straight away', words(110)),
        para('b4', words(60)),
      ];
      const rendered = await paginated(leafletOf(blocks), 'a5');
      expect(rendered.diagnostics).toEqual([]);
      const pages = await readPages(await openPdf(rendered.bytes));
      const withCallout = pages.flatMap((page, index) => calloutBoxes(page, colour).map((box) => ({ page, index, box })));
      expect(withCallout.length).toBeGreaterThan(0);
      for (const { page, box } of withCallout) {
        const lines = new Set(textInside(page, box).map((item) => Math.round(item.y)));
        // Never an empty box; a part of a split callout holds at least two lines.
        expect(lines.size).toBeGreaterThanOrEqual(2);
      }
      if (withCallout.length > 1) {
        split += 1;
        expect(withCallout[1]!.index).toBe(withCallout[0]!.index + 1);
        // The box is closed at the foot of the first part and opened again at the top of the next.
        expect(withCallout[0]!.box.bottom).toBeGreaterThan(EDITIONS.a5.pageSize.height * 0.05);
      } else if (pages[withCallout[0]!.index]!.text.text.indexOf('Get help') < pages[withCallout[0]!.index]!.text.text.indexOf('Page')) {
        moved += 1;
      }
    }
    expect(split + moved).toBeGreaterThan(0);
  });

  it('fits a long Welsh table header in its cell: columns follow the content, long words hyphenate (cy patterns)', async () => {
    const rows = [
      ['Ritlecitinib', 'Litfulo', '12 oed a hŷn', 'Un capsiwl unwaith y dydd'],
      ['Deuruxolitinib', 'Leqselvi', 'Oedolion (18 a hŷn)', 'Un dabled ddwywaith y dydd'],
      ['Baricitinib', 'Olumiant', 'Oedolion (18 a hŷn)', 'Un dabled unwaith y dydd'],
    ];
    // The second table has five columns: "Meddyginiaeth" cannot fit one whole and must break at a syllable.
    const wide = ['Meddyginiaeth', 'Cyfarwyddiadau', 'Rhybuddion', 'Gwrtharwyddion', 'Beichiogrwydd'];
    const blocks = [
      table('b1', ['Meddyginiaeth', 'Enw brand', 'I bwy', "Sut i'w chymryd"], rows),
      table('b2', wide, [['Ritlecitinib', 'Unwaith', 'Haint', 'TB', 'Na']]),
    ];
    let hyphenated = 0;
    for (const edition of ['a5', 'large-print'] as const) {
      const rendered = await paginated(leafletOf(blocks, { locale: 'cy' }), edition);
      expect(rendered.diagnostics, edition).toEqual([]);
      const pages = await readPages(await openPdf(rendered.bytes));
      const tablePage = pages.find((page) => page.text.text.includes('Ritlecitinib'))!;
      const cells = tablePage.boxes.filter((box) => box.colour === (tablePage.boxes.find((b) => b.right - b.left < 200)?.colour ?? ''));
      const header = tablePage.text.items.filter((item) => /Medd|Enw|bwy|chymryd|Cyfar|Sgil|Rhyb|Gwrth|Beich/.test(item.str));
      hyphenated += header.filter((item) => /^Medd\S*-$/.test(item.str.trim())).length;
      expect(header.length).toBeGreaterThan(0);
      // Every run of the header text ends inside the filled header cell it starts in.
      for (const item of header) {
        const cell = cells.find((box) => item.x >= box.left - 0.5 && item.x < box.right && item.y > box.bottom && item.y < box.top);
        expect(cell, `${edition}: "${item.str}" is in a header cell`).toBeDefined();
        expect(item.x + item.width, `${edition}: "${item.str}" ends inside its cell`).toBeLessThanOrEqual(cell!.right + 0.5);
      }
    }
    expect(hyphenated).toBeGreaterThan(0);
  });

  it('keeps a heading with the first two lines of a long paragraph, not the whole paragraph', async () => {
    const blocks: Block[] = [para('b1', words(300)), heading('b2', 'How well do they work?'), para('b3', words(400)), para('b4', words(80))];
    const rendered = await paginated(leafletOf(blocks), 'a5');
    expect(rendered.diagnostics).toEqual([]);
    const pages = await readPages(await openPdf(rendered.bytes));
    const styles = await stylesFor('a5');
    const index = pages.findIndex((page) => page.text.text.includes('How well do they work?'));
    const page = pages[index]!;
    const headingY = page.text.items.find((item) => item.str.includes('How well'))!.y;
    const below = bodyLines(page, styles, A5_HEIGHT).filter((y) => y < headingY);
    expect(below.length).toBeGreaterThanOrEqual(2);
    // The page the heading is on is not left two-fifths empty for the paragraph's sake.
    const lowest = Math.min(...bodyLines(page, styles, A5_HEIGHT));
    expect(lowest - styles.page.paddingBottom).toBeLessThan((A5_HEIGHT - styles.page.paddingTop - styles.page.paddingBottom) * 0.4);
  });

  it('leaves no stranded lines: a body two lines too long for its pages balances its last page', async () => {
    const styles = await stylesFor('a5');
    for (const length of [380, 400, 420]) {
      const blocks: Block[] = [heading('b1', 'Living with alopecia'), para('b2', words(length)), para('b3', words(120))];
      const rendered = await paginated(leafletOf(blocks), 'a5');
      expect(rendered.diagnostics).toEqual([]);
      const pages = await readPages(await openPdf(rendered.bytes));
      const body = pages.slice(1, -1);
      for (const page of body) expect(bodyLines(page, styles, A5_HEIGHT).length).toBeGreaterThanOrEqual(4);
      // The back page is one page: QR address, dates and the disclaimer together.
      const back = pages[pages.length - 1]!.text.text;
      for (const part of ['Read this leaflet online', 'Version 1.0', 'Review due', 'does not replace advice']) expect(back).toContain(part);
    }
  });

  it('repeats a table’s header row on the page it continues on, as an artifact (read once)', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => [`Check ${index + 1}`, words(12)]);
    const rendered = await paginated(leafletOf([para('b1', words(120)), table('b2', ['Test', 'What it checks'], rows)]), 'a5');
    expect(rendered.diagnostics).toEqual([]);
    const pdf = await openPdf(rendered.bytes);
    const pages = await readPages(pdf);
    const withTable = pages.filter((page) => /Check \d+/.test(page.text.text));
    expect(withTable.length).toBeGreaterThan(1);
    for (const page of withTable) expect(page.text.text).toContain('What it checks');
    // Screen readers meet the header cells once: on later pages their text is an artifact.
    const headerText: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const tree = await structTree(pdf, number);
      const ids = contentTextById(await pageText(pdf, number));
      if (tree) for (const node of walkStruct(tree)) if (node.role === 'TH') headerText.push(structText(node, ids).trim());
    }
    expect(headerText.filter((text) => text !== '')).toEqual(['Test', 'What it checks']);
  });

  it('breaks a paragraph across pages with at least two lines on each side', async () => {
    const styles = await stylesFor('a5');
    const noSources = { ...leafletOf([]).frontMatter, sources: [] };
    const rendered = await paginated(leafletOf([para('b1', words(900))], { frontMatter: noSources, sources: [] }), 'a5');
    const pages = await readPages(await openPdf(rendered.bytes));
    const body = pages.slice(1, -1);
    expect(body.length).toBeGreaterThan(2);
    for (const page of body) expect(bodyLines(page, styles, A5_HEIGHT).length).toBeGreaterThanOrEqual(2);
    // Pages fill in order: only the page before the last text page may end a few lines short,
    // to give the last one at least four lines.
    const lineHeight = styles.paragraph.fontSize * styles.paragraph.lineHeight;
    body.slice(0, -1).forEach((page, index) => {
      const lowest = Math.min(...bodyLines(page, styles, A5_HEIGHT));
      const short = index < body.length - 2 ? 1.5 : 4.5;
      expect(lowest - styles.page.paddingBottom, `page ${index + 2}`).toBeLessThan(lineHeight * short);
    });
  });
});
