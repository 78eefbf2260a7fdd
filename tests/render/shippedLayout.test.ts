import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildReport } from '../../src/build/buildProject.ts';
import { applyFit } from '../../src/render/copyFit/fit.ts';
import { EDITIONS } from '../../src/render/editions.ts';
import { buildStyles } from '../../src/render/styles.ts';
import { bodyLines, readPages } from '../support/layoutFixtures.tsx';
import { copyOfBuiltProject, copyOfProject } from '../support/projectCopy.ts';
import { sharedBuild } from '../support/sharedBuild.ts';
import { openPdf } from '../support/readPdf.ts';
import { projectBrand } from '../support/sampleLeaflet.ts';

/** Booklets of the shipped leaflets took 15 sheets of A4 before pagination was the project's own. */
const SHEETS_BEFORE = 15;
/** The last text page holds at least this much of a page: balanced with the page before, never a few stranded lines. */
const LAST_PAGE_FILL = 0.25;

/** Built with --strict, as the shared build is (the cache keeps outputs per strictness): a layout warning would fail the build. */
const build = (root: string, editions: BuildReport['outputs'][number]['edition'][]) =>
  buildProject({ root, outDir: path.join(root, 'output'), strict: true, editions, writeSite: false, measureReadingEase: false, flushToDisk: false });

const sheetsOf = (report: BuildReport) =>
  report.outputs.filter((output) => output.edition === 'booklet').reduce((total, output) => total + output.pages! / 2, 0);

/** A5 leaflets padded to whole sheets need this many ruled notes pages. */
const notesPagesOf = (report: BuildReport) =>
  report.outputs.filter((output) => output.edition === 'a5').map((output) => ({ file: output.file, notes: Math.ceil(output.pages! / 4) * 4 - output.pages! }));

/**
 * The shipped leaflets, built as `npm run build` builds them: no layout diagnostic in any
 * edition, whole booklet sheets, full pages, with the clinically reviewed content (infections,
 * TB, shingles and the urgent-help box in the risks leaflet).
 */
describe('the shipped leaflets’ layout', () => {
  let report: BuildReport;
  let root: string;
  beforeAll(async () => {
    // A copy of the shared build, cache included: the PDFs come from its cache, with their diagnostics and page counts.
    root = copyOfBuiltProject((await sharedBuild()).root);
    report = await build(root, ['a5', 'a4', 'large-print', 'booklet']);
  }, 600_000);

  it('has no layout diagnostic in any edition, and every PDF is written', () => {
    expect(report.diagnostics.filter((d) => d.source === 'layout')).toEqual([]);
    // Unchanged: the copy holds the shared build's PDFs, the same bytes.
    expect(report.outputs.filter((output) => output.status !== 'written' && output.status !== 'unchanged')).toEqual([]);
    expect(report.outputs).toHaveLength(32);
  });

  it(`needs at most one notes page per booklet and no more than ${SHEETS_BEFORE} sheets for all booklets`, () => {
    for (const { file, notes } of notesPagesOf(report)) expect(notes, file).toBeLessThanOrEqual(1);
    expect(sheetsOf(report)).toBeLessThanOrEqual(SHEETS_BEFORE);
  });

  it('fills every A5 page but the cover, the last text page and the back page at least 60%', async () => {
    for (const output of report.outputs.filter((o) => o.edition === 'a5')) {
      const fills = await textPageFills(output);
      for (const [index, fill] of fills.slice(0, -1).entries()) expect(fill, `${output.file} page ${index + 2}`).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('fills the last text page before the back page at least a quarter in every reading edition (no page of a few lines)', async () => {
    const thin: string[] = [];
    for (const output of report.outputs.filter((o) => o.edition !== 'booklet')) {
      const fills = await textPageFills(output);
      const last = fills[fills.length - 1]!;
      if (fills.length > 1 && last < LAST_PAGE_FILL) thin.push(`${output.file} page ${fills.length + 1}: ${Math.round(last * 100)}% full`);
    }
    expect(thin).toEqual([]);
  });

  /** How full each body page of a reading edition is (cover and back page left out), read from the PDF. */
  async function textPageFills(output: BuildReport['outputs'][number]): Promise<number[]> {
    const brand = await projectBrand();
    const edition = EDITIONS[output.edition as 'a5' | 'a4' | 'large-print'];
    const styles = buildStyles(brand.colours, applyFit(edition, output.fit!));
    const height = edition.pageSize.height;
    const textHeight = height - styles.page.paddingTop - styles.page.paddingBottom;
    const pages = await readPages(await openPdf(path.join(root, output.file)));
    return pages.slice(1, -1).map((page) => {
      const lines = bodyLines(page, styles, height);
      // The lowest baseline, plus the descent below it, is how far down the text reaches.
      return (height - styles.page.paddingTop - Math.min(...lines) + styles.paragraph.fontSize * 0.3) / textHeight;
    });
  }

  it('lays out the pseudo-locale (text 35% longer, accents from the fallback font) with no layout diagnostic in any reading edition', async () => {
    const pseudo = await buildProject({
      root,
      outDir: path.join(root, 'pseudo'),
      strict: true,
      locales: ['en-XA'],
      editions: ['a5', 'a4', 'large-print'],
      writeSite: false,
      measureReadingEase: false,
      flushToDisk: false,
    });
    expect(pseudo.diagnostics.filter((d) => d.source === 'layout')).toEqual([]);
    expect(pseudo.outputs.length).toBe(12);
    expect(pseudo.outputs.every((output) => output.status === 'written')).toBe(true);
  }, 600_000);

  it('measures the clinically reviewed leaflets, with their infection and urgent-help sections', async () => {
    for (const locale of ['en-GB', 'cy']) {
      const risks = readFileSync(path.join(root, 'content', locale, 'risks-and-side-effects.md'), 'utf8');
      expect(risks, locale).toMatch(/\{\{> urgent-help\}\}/);
      expect(risks, locale).toMatch(/\(TB\)/);
      expect(risks, locale).toMatch(/herpes zoster/);
    }
  });
});
