import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPdfUa } from '../support/pdfUaCheck.ts';
import { copiesOfOneBuild, copyOfProject, runCli } from '../support/projectCopy.ts';
import { sharedBuild, type SharedBuild } from '../support/sharedBuild.ts';
import { allText, openPdf, pageText } from '../support/readPdf.ts';

const LEAFLETS = ['choosing-not-to-treat', 'jak-inhibitors', 'risks-and-side-effects', 'support'];
const LOCALES = ['cy', 'en-GB'];
const A5 = [419.53, 595.28] as const;
const A4 = [595.28, 841.89] as const;

const pdfinfoAvailable = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('building the real project', () => {
  let root: string;
  let out: string;
  let firstRun: SharedBuild;
  beforeAll(async () => {
    // `leaflets build --strict`, shared with other test files that read what it writes.
    firstRun = await sharedBuild();
    ({ root, out } = firstRun);
  }, 600_000);

  it('exits 0, writes a PDF for every leaflet x locale, and prints a summary', () => {
    expect(firstRun.code, firstRun.stdout).toBe(0);
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(out, locale));
      for (const id of LEAFLETS) expect(files).toEqual(expect.arrayContaining([`${id}.pdf`, `${id}.a4.pdf`, `${id}.large-print.pdf`, `${id}.booklet.pdf`, `${id}.print-shop.pdf`]));
    }
    expect(firstRun.stdout).toMatch(/40 PDFs built, 0 failed, 0 errors/);
    expect(firstRun.stdout).toMatch(/built\s+output\/en-GB\/support\.pdf\s+\(\d+ pages, \d+ KB, \d+ ms\)/);
  });

  it('prints Flesch reading ease of at least 60 for every English leaflet', () => {
    for (const id of LEAFLETS) {
      const match = new RegExp(`(\\d+\\.\\d)\\s+content/en-GB/${id}\\.md`).exec(firstRun.stdout);
      expect(match, `no reading-ease line for ${id}`).not.toBeNull();
      expect(Number(match![1])).toBeGreaterThanOrEqual(60);
    }
  });

  it('rebuilds byte-identical PDFs', async () => {
    const before = new Map(LEAFLETS.map((id) => [id, readFileSync(path.join(out, 'en-GB', `${id}.pdf`))]));
    // Rendered again, not taken from the cache; into a folder of its own, as the shared build's is read by other tests.
    const second = await runCli(['--root', root, 'build', '--edition', 'a5', '--no-cache', '--out', 'output-again']);
    expect(second.code).toBe(0);
    for (const id of LEAFLETS) {
      expect(readFileSync(path.join(root, 'output-again', 'en-GB', `${id}.pdf`)).equals(before.get(id)!), id).toBe(true);
    }
  }, 120_000);

  it('writes A5 and A4 page sizes, metadata and embedded subset fonts', async () => {
    for (const [file, size] of [['support.pdf', A5], ['support.a4.pdf', A4], ['support.large-print.pdf', A4]] as const) {
      const pdf = await PDFDocument.load(readFileSync(path.join(out, 'en-GB', file)), { updateMetadata: false });
      for (const page of pdf.getPages()) {
        expect(page.getWidth()).toBeCloseTo(size[0], 1);
        expect(page.getHeight()).toBeCloseTo(size[1], 1);
      }
      expect(pdf.getAuthor()).toBe('Alopecia UK');
      expect(pdf.getTitle()).toBe('Support for people with alopecia');
      expect(pdf.getSubject()).toBeTruthy();
      expect(pdf.getKeywords()).toContain('alopecia');
    }
  });

  it('every tagged PDF passes the PDF/UA-1 check and says Tagged: yes', async () => {
    for (const locale of LOCALES) {
      // The reading editions: the booklet and print-shop files are print masters, untagged.
      for (const file of readdirSync(path.join(out, locale)).filter((f) => f.endsWith('.pdf') && !/\.(booklet|print-shop)\.pdf$/.test(f))) {
        const bytes = readFileSync(path.join(out, locale, file));
        const report = await checkPdfUa(bytes);
        expect(report.failures, `${locale}/${file}`).toEqual([]);
        if (pdfinfoAvailable) expect(execFileSync('pdfinfo', [path.join(out, locale, file)]).toString()).toMatch(/Tagged:\s+yes/);
      }
    }
  }, 120_000);

  it('covers every topic the charity asked for, in the PDFs themselves', async () => {
    const text = async (locale: string, id: string) => (await allText(await openPdf(path.join(out, locale, `${id}.pdf`)))).replace(/\s+/g, ' ');
    const jak = await text('en-GB', 'jak-inhibitors');
    for (const phrase of ['ritlecitinib', 'Litfulo', 'deuruxolitinib', 'Leqselvi', 'baricitinib', 'Olumiant', 'NICE', 'not a cure']) {
      expect(jak.toLowerCase(), phrase).toContain(phrase.toLowerCase());
    }
    expect(jak).toMatch(/fall out again/);
    const risks = await text('en-GB', 'risks-and-side-effects');
    for (const phrase of ['pregnan', 'EMC', 'Yellow Card']) expect(risks, phrase).toContain(phrase);
    const choosing = await text('en-GB', 'choosing-not-to-treat');
    expect(choosing).toMatch(/no treatment[^.]*OK/i);
    const support = await text('en-GB', 'support');
    for (const pattern of [/face-to-face/i, /online/i, /Facebook/i, /events/i, /blogs?/i]) expect(support).toMatch(pattern);
    for (const id of LEAFLETS) {
      const welsh = await text('cy', id);
      expect(welsh).toMatch(/[Ff]ersiwn Saesneg 1\.1/);
    }
    const welshJak = await text('cy', 'jak-inhibitors');
    for (const phrase of ['Litfulo', 'Leqselvi', 'Olumiant', 'NICE']) expect(welshJak).toContain(phrase);
  });

  it('marks Welsh drafts on the cover, ends the body with the sources, and prints version and review date on the back page', async () => {
    for (const id of LEAFLETS) {
      const pdf = await openPdf(path.join(out, 'cy', `${id}.pdf`));
      const cover = await pageText(pdf, 1);
      expect(cover.text, id).toMatch(/[Dd]rafft/);
      const english = await openPdf(path.join(out, 'en-GB', `${id}.pdf`));
      const pages = (await allText(english)).split('\n');
      const back = pages[pages.length - 1]!;
      expect(pages.slice(0, -1).join(' ')).toMatch(/Sources 1\. /);
      expect(back).not.toMatch(/Sources/);
      expect(back).toMatch(/Version 1\.1/);
      expect(back).toMatch(/Review due 30 November 2027/);
    }
  });
});

describe('bad input', () => {
  it('one broken leaflet: exit 1, file:line printed, others built, its last good PDF untouched', async () => {
    const root = copyOfProject();
    const good = await runCli(['--root', root, 'build', '--edition', 'a5', '--locale', 'en-GB']);
    expect(good.code).toBe(0);
    const target = path.join(root, 'output/en-GB/support.pdf');
    const lastGood = readFileSync(target);
    const others = readFileSync(path.join(root, 'output/en-GB/jak-inhibitors.pdf'));
    const file = path.join(root, 'content/en-GB/support.md');
    const broken = readFileSync(file, 'utf8').replace(/^published: .*$/m, 'published: next Tuesday');
    writeFileSync(file, broken);
    // Touch a neighbour so "still builds the others" is observable.
    writeFileSync(path.join(root, 'output/en-GB/jak-inhibitors.pdf'), 'stale');

    const run = await runCli(['--root', root, 'build', '--edition', 'a5', '--locale', 'en-GB']);
    expect(run.code).toBe(1);
    const line = broken.split('\n').findIndex((l) => l.startsWith('published:')) + 1;
    expect(run.stdout).toMatch(new RegExp(`content/en-GB/support\\.md:${line}:\\d+\\s+error\\s+.*published`));
    expect(readFileSync(target).equals(lastGood)).toBe(true);
    expect(readFileSync(path.join(root, 'output/en-GB/jak-inhibitors.pdf')).equals(others)).toBe(true);
    expect(run.stdout).toMatch(/3 PDFs built, 1 failed/);
  }, 120_000);

  it('broken YAML names the file and the line where the parser stopped', async () => {
    const root = copyOfProject();
    const file = path.join(root, 'content/en-GB/support.md');
    const broken = readFileSync(file, 'utf8').replace(/^version: .*$/m, 'version: [unclosed');
    writeFileSync(file, broken);
    const line = broken.split('\n').findIndex((l) => l.startsWith('version:')) + 1;
    const run = await runCli(['--root', root, 'build', '--edition', 'a5', '--leaflet', 'support', '--locale', 'en-GB']);
    expect(run.code).toBe(1);
    const reported = Number(/content\/en-GB\/support\.md:(\d+):\d+\s+error\s+Broken YAML/.exec(run.stdout)?.[1]);
    expect([line, line + 1]).toContain(reported);
    expect(existsSync(path.join(root, 'output/en-GB/support.pdf'))).toBe(false);
  }, 60_000);

  it('a brand colour pair below 4.5:1 fails the build naming the brand file and the colours', async () => {
    const root = copyOfProject();
    const brandFile = path.join(root, 'templates/brand.yaml');
    writeFileSync(brandFile, readFileSync(brandFile, 'utf8').replace('accent: "#1d4f91"', 'accent: "#9ab8e0"'));
    const run = await runCli(['--root', root, 'build', '--edition', 'a5', '--leaflet', 'support', '--locale', 'en-GB']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/templates\/brand\.yaml:\d+:\d+\s+error\s+Colour contrast \d\.\d\d:1 for links \(accent\) on background \(#9ab8e0 on #ffffff\)/);
  }, 60_000);

  // Each case breaks a copy of one project built once (the last good PDF is its own).
  const oneLeaflet = ['--edition', 'a5', '--leaflet', 'support', '--locale', 'en-GB'];
  const copyOfBuilt = copiesOfOneBuild(oneLeaflet);

  describe.each([
    ['an unknown partial', (text: string) => text.replace('## Why support can help', '{{> no-such-block}}\n\n## Why support can help'), '{{> no-such-block}}', /partial/i],
    ['an unknown variable', (text: string) => text.replace('## Why support can help', '{{leaflet.colour}}\n\n## Why support can help'), '{{leaflet.colour}}', /colour/],
    ['a missing translation key', (text: string) => text.replace('## Why support can help', '{{t "blocks:no.such.key"}}\n\n## Why support can help'), '{{t "blocks:no.such.key"}}', /no\.such\.key/],
    ['a missing image', (text: string) => text.replace('## Why support can help', '![A chart](images/missing.png)\n\n## Why support can help'), '![A chart]', /missing\.png/],
    ['an image without alt text', (text: string) => text.replace('## Why support can help', '![](../../templates/assets/logo.png)\n\n## Why support can help'), '![](../../', /alt/i],
  ])('%s', (_name, breakIt, marker, messagePattern) => {
    it('names file and line, exits 1 and leaves the last good PDF byte-identical', async () => {
      const root = await copyOfBuilt();
      const args = ['--root', root, 'build', ...oneLeaflet];
      const target = path.join(root, 'output/en-GB/support.pdf');
      const lastGood = readFileSync(target);
      const file = path.join(root, 'content/en-GB/support.md');
      const broken = breakIt(readFileSync(file, 'utf8'));
      writeFileSync(file, broken);
      const line = broken.split('\n').findIndex((l) => l.includes(marker)) + 1;
      expect(line).toBeGreaterThan(0);

      const run = await runCli(args);
      expect(run.code).toBe(1);
      const reported = run.stdout.split('\n').find((l) => l.startsWith(`content/en-GB/support.md:${line}:`) && / error /.test(l));
      expect(reported, run.stdout).toBeDefined();
      expect(reported).toMatch(messagePattern);
      expect(readFileSync(target).equals(lastGood)).toBe(true);
    }, 60_000);
  });
});
