import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildReport } from '../../src/build/buildProject.ts';
import { applyFit } from '../../src/render/copyFit/fit.ts';
import { EDITIONS } from '../../src/render/editions.ts';
import { buildStyles } from '../../src/render/styles.ts';
import { bodyLines, readPages } from '../support/layoutFixtures.tsx';
import { copyOfProject } from '../support/projectCopy.ts';
import { openPdf } from '../support/readPdf.ts';
import { projectBrand } from '../support/sampleLeaflet.ts';

/** Booklets of the shipped leaflets took 15 sheets of A4 before pagination was the project's own. */
const SHEETS_BEFORE = 15;

const build = (root: string, editions: BuildReport['outputs'][number]['edition'][]) =>
  buildProject({ root, outDir: path.join(root, 'output'), strict: false, editions, writeSite: false, measureReadingEase: false, flushToDisk: false });

const sheetsOf = (report: BuildReport) =>
  report.outputs.filter((output) => output.edition === 'booklet').reduce((total, output) => total + output.pages! / 2, 0);

/** A5 leaflets padded to whole sheets need this many ruled notes pages. */
const notesPagesOf = (report: BuildReport) =>
  report.outputs.filter((output) => output.edition === 'a5').map((output) => ({ file: output.file, notes: Math.ceil(output.pages! / 4) * 4 - output.pages! }));

/**
 * The shipped leaflets, built as `npm run build` builds them: no layout diagnostic in any
 * edition, whole booklet sheets, full pages. And the same once the risks and JAK inhibitor
 * leaflets grow by about a third (the safety sections still to come).
 */
describe('the shipped leaflets’ layout', () => {
  let report: BuildReport;
  let root: string;
  beforeAll(async () => {
    root = copyOfProject();
    report = await build(root, ['a5', 'a4', 'large-print', 'booklet']);
  }, 600_000);

  it('has no layout diagnostic in any edition, and every PDF is written', () => {
    expect(report.diagnostics.filter((d) => d.source === 'layout')).toEqual([]);
    expect(report.outputs.every((output) => output.status === 'written')).toBe(true);
  });

  it(`needs at most one notes page per booklet and no more than ${SHEETS_BEFORE} sheets for all booklets`, () => {
    for (const { file, notes } of notesPagesOf(report)) expect(notes, file).toBeLessThanOrEqual(1);
    expect(sheetsOf(report)).toBeLessThanOrEqual(SHEETS_BEFORE);
  });

  it('fills every A5 page but the cover, the last text page and the back page at least 60%', async () => {
    const brand = await projectBrand();
    for (const output of report.outputs.filter((o) => o.edition === 'a5')) {
      const styles = buildStyles(brand.colours, applyFit(EDITIONS.a5, output.fit!));
      const height = EDITIONS.a5.pageSize.height;
      const textHeight = height - styles.page.paddingTop - styles.page.paddingBottom;
      const pages = await readPages(await openPdf(path.join(root, output.file)));
      for (const [index, page] of pages.slice(1, -2).entries()) {
        const lines = bodyLines(page, styles, height);
        // The lowest baseline, plus the descent below it, is how far down the text reaches.
        const fill = (height - styles.page.paddingTop - Math.min(...lines) + styles.paragraph.fontSize * 0.3) / textHeight;
        expect(fill, `${output.file} page ${index + 2}`).toBeGreaterThanOrEqual(0.6);
      }
    }
  });

  it('keeps those limits when the risks and JAK inhibitor leaflets grow by about a third', async () => {
    const longer = copyOfProject();
    for (const locale of ['en-GB', 'cy']) {
      for (const id of ['risks-and-side-effects', 'jak-inhibitors']) {
        const file = path.join(longer, 'content', locale, `${id}.md`);
        const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
        const before = words(readFileSync(file, 'utf8').split('\n---\n')[1]!);
        appendFileSync(file, SAFETY_SECTIONS);
        expect(words(SAFETY_SECTIONS) / before).toBeGreaterThan(0.28);
      }
    }
    const grown = await build(longer, ['a5', 'booklet']);
    expect(grown.diagnostics.filter((d) => d.source === 'layout')).toEqual([]);
    for (const { file, notes } of notesPagesOf(grown)) expect(notes, file).toBeLessThanOrEqual(1);
    expect(sheetsOf(grown)).toBeLessThanOrEqual(SHEETS_BEFORE);
  }, 600_000);
});

/** Safety sections of the kind the content still to come adds (from the project's fact sheet). */
const SAFETY_SECTIONS = `
## Infections

JAK inhibitors damp down part of the immune system. This means infections are more likely, for example nose and throat infections. Infections are the main everyday risk to know about.

Serious infections have been reported. The most common were appendicitis, COVID-19, including pneumonia, and sepsis. You must not start a JAK inhibitor while you have a serious infection.

> **Get help straight away**
>
> Tell your doctor or nurse straight away if:
>
> - you think you have an infection, for example a fever, or you feel very unwell
> - you get a painful, blistering rash, which could be shingles
> - you become pregnant

## Checks before you start

Before you start, you will be checked for TB (tuberculosis) and for hepatitis. These infections can stay hidden in the body for years. A JAK inhibitor could let them become active again. If a check finds one of them, it will be treated first.

## Shingles and cold sores

Shingles and cold sores can come back while you take a JAK inhibitor. Shingles is a painful rash with blisters, often on one side of the body. Ask your doctor whether you should have the shingles vaccine before you start. If a rash like this appears, tell your doctor or nurse the same day.
`;
