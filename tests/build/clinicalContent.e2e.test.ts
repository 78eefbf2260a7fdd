import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject, sourceOf, type ProjectSnapshot } from '../../src/build/project.ts';
import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import type { CompiledLeaflet } from '../../src/compile/leaflet.ts';
import type { Block, Inline } from '../../src/compile/model.ts';
import { checkPdfUa } from '../support/pdfUaCheck.ts';
import { SHARED_BUILD_ARGS, sharedBuild, type SharedBuild } from '../support/sharedBuild.ts';
import { allText, openPdf, pageText } from '../support/readPdf.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

const LEAFLETS = ['choosing-not-to-treat', 'jak-inhibitors', 'risks-and-side-effects', 'support'];
const CLINICAL = ['jak-inhibitors', 'risks-and-side-effects'];
const ABBREVIATIONS: Record<string, string> = {
  JAK: 'Janus kinase (JAK)',
  NICE: 'National Institute for Health and Care Excellence (NICE)',
  SMC: 'Scottish Medicines Consortium (SMC)',
  MHRA: 'Medicines and Healthcare products Regulatory Agency (MHRA)',
  EMC: 'electronic medicines compendium (EMC)',
};

const inlineText = (inlines: Inline[]): string =>
  inlines.map((inline) => ('value' in inline ? inline.value : 'children' in inline ? inlineText(inline.children) : '')).join('');
const blockText = (block: Block): string => {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return inlineText(block.children);
    case 'list':
      return block.items.map((item) => item.children.map(blockText).join(' ')).join('\n');
    case 'callout':
      return block.children.map(blockText).join('\n');
    case 'table':
      return [block.header, ...block.rows].map((row) => row.map((cell) => inlineText(cell.children)).join(' | ')).join('\n');
    default:
      return '';
  }
};

describe('the clinically reviewed leaflets, built with --strict', () => {
  let root: string;
  let built: SharedBuild;
  let project: ProjectSnapshot;
  const compiled = new Map<string, CompiledLeaflet>();
  const pdfText = async (locale: string, file: string) => (await allText(await openPdf(path.join(root, 'output', locale, file)))).replace(/\s+/g, ' ');

  beforeAll(async () => {
    built = await sharedBuild();
    root = built.root;
    project = await loadProject(root);
    for (const source of project.sources) {
      const result = compileLeaflet({ root, source, brand: project.brand!, i18n: project.i18n, templates: project.templates, sameLeafletSources: project.sources, sourceLeaflet: sourceOf(project, source.id)! });
      compiled.set(`${source.locale}/${source.id}`, result.leaflet!);
    }
  }, 600_000);

  it('passes --strict with no errors and no warnings: every clinical paragraph cites, every source is cited', () => {
    expect(SHARED_BUILD_ARGS).toContain('--strict');
    expect(built.code, built.stdout).toBe(0);
    expect(built.stdout).toMatch(/40 PDFs built, 0 failed, 0 errors, 0 warnings/);
    for (const leaflet of compiled.values()) {
      expect(leaflet.sources.filter((source) => source.citations === 0).map((source) => source.key), leaflet.sourceFile).toEqual([]);
      for (const source of leaflet.sources) {
        if (source.url) expect(new URL(source.url).pathname.length, `${leaflet.sourceFile}: ${source.url}`).toBeGreaterThan(1);
      }
    }
    for (const id of CLINICAL) expect(compiled.get(`en-GB/${id}`)!.frontMatter.clinical).toBe(true);
  });

  it('keeps Flesch reading ease at 60 or more for every English leaflet, and lists review dates', () => {
    for (const id of LEAFLETS) {
      const match = new RegExp(`(\\d+\\.\\d)\\s+content/en-GB/${id}\\.md`).exec(built.stdout);
      expect(Number(match?.[1]), id).toBeGreaterThanOrEqual(60);
      expect(built.stdout).toMatch(new RegExp(`Review due:[\\s\\S]*2027-11-30  content/en-GB/${id}\\.md`));
    }
  });

  it('risks and side effects: infections, TB, shingles and the boxed urgent-help block with 999 / A&E and NHS 111', async () => {
    const text = await pdfText('en-GB', 'risks-and-side-effects.pdf');
    for (const phrase of ['Infections', 'Serious infections', 'tuberculosis (TB)', 'Shingles', 'Get help straight away', 'Call 999 or go to A&E', 'NHS 111', 'urgent GP appointment']) {
      expect(text, phrase).toContain(phrase);
    }
    const box = compiled.get('en-GB/risks-and-side-effects')!.body.blocks.find((block) => block.type === 'callout' && /999/.test(blockText(block)));
    expect(box, 'the urgent-help advice is a callout box').toBeDefined();
    expect(blockText(box!)).toMatch(/infection[\s\S]*blood clot[\s\S]*999 or go to A&E/);
    // The class warnings are stated for every JAK inhibitor, not only the ones the MHRA named.
    expect(text).toMatch(/advice is for all JAK inhibitors, including Litfulo, Leqselvi and Olumiant/);
  });

  it('spells out JAK, NICE, SMC, MHRA and EMC the first time each is used', async () => {
    const all = (await Promise.all(LEAFLETS.map((id) => pdfText('en-GB', `${id}.pdf`)))).join(' ');
    for (const expansion of Object.values(ABBREVIATIONS)) expect(all, expansion).toContain(expansion);
    for (const id of [...CLINICAL, 'choosing-not-to-treat']) {
      const body = compiled.get(`en-GB/${id}`)!.body.blocks.map(blockText).join('\n');
      for (const [abbreviation, expansion] of Object.entries(ABBREVIATIONS)) {
        const first = new RegExp(`\\b${abbreviation}\\b`).exec(body);
        if (!first) continue;
        // The first use is the one inside the expansion.
        expect(body.indexOf(expansion), `${id}: first ${abbreviation}`).toBe(first.index - expansion.indexOf(`(${abbreviation})`) - 1);
      }
    }
  });

  it('gives trial results out of 100, each beside its placebo figure, and no expired expectations', async () => {
    const jak = await pdfText('en-GB', 'jak-inhibitors.pdf');
    expect(jak).toMatch(/nearly 25 out of 100 people had good regrowth\. On the placebo, fewer than 2 out of 100 did/);
    for (const id of LEAFLETS) {
      const text = await pdfText('en-GB', `${id}.pdf`);
      expect(text, id).not.toMatch(/\b\d+ in (4|10|100)\b/);
      expect(text, id).not.toMatch(/July 2026/);
      expect(await pdfText('cy', `${id}.pdf`), id).not.toMatch(/Gorffennaf 2026/);
    }
    const results = compiled.get('en-GB/jak-inhibitors')!.body.blocks.find((block) => block.type === 'list' && /out of 100/.test(blockText(block)));
    for (const item of (results as Extract<Block, { type: 'list' }>).items) {
      expect(item.children.map(blockText).join(' '), 'each result names its placebo figure').toMatch(/placebo/);
    }
    expect(jak).toMatch(/severe\*?\*? alopecia areata means you have lost about half of the hair on your scalp/i);
    expect(jak).toMatch(/JAK inhibitors block these signals/);
  });

  it('links every citation number in the clinical leaflets to an entry of their numbered source list', async () => {
    for (const id of CLINICAL) {
      const file = path.join(root, 'output/en-GB', `${id}.pdf`);
      const pdf = await openPdf(file);
      const cited = new Set<string>();
      for (let n = 1; n <= pdf.numPages; n += 1) {
        for (const annotation of (await (await pdf.getPage(n)).getAnnotations()) as Array<{ dest?: unknown }>) {
          if (typeof annotation.dest !== 'string') continue;
          expect(await pdf.getDestination(annotation.dest), annotation.dest).not.toBeNull();
          cited.add(annotation.dest);
        }
      }
      const listed = compiled.get(`en-GB/${id}`)!.sources.map((source) => source.targetId);
      expect([...cited].sort(), id).toEqual([...listed].sort());
      const report = await checkPdfUa(await import('node:fs').then((fs) => fs.readFileSync(file)));
      expect(report.failures, id).toEqual([]);
      expect(report.elements.filter((element) => element.role === 'Reference').length, id).toBeGreaterThan(listed.length);
    }
  });

  it('the back page carries author, clinical review, feedback, other formats, and the approval line', async () => {
    const pdf = await openPdf(path.join(root, 'output/en-GB/jak-inhibitors.pdf'));
    const back = (await pageText(pdf, pdf.numPages)).text;
    for (const phrase of ['Written by Alopecia UK.', 'Awaiting clinical review', 'Tell us what you think of this leaflet: www.alopecia.org.uk', 'Also available in: large print, Welsh (draft).', 'Version 1.1 · Published 30 November 2026 · Review due 30 November 2027']) {
      expect(back, phrase).toContain(phrase);
    }
    const large = await openPdf(path.join(root, 'output/en-GB/jak-inhibitors.large-print.pdf'));
    expect((await pageText(large, large.numPages)).text).toContain('Also available in: standard print, Welsh (draft).');
  });

  it('every page of every Welsh PDF says it is a draft translation, in Welsh and English; its back page has no approval line', async () => {
    const files = readdirSync(path.join(root, 'output/cy')).filter((file) => file.endsWith('.pdf'));
    expect(files).toHaveLength(20);
    for (const file of files) {
      const pdf = await openPdf(path.join(root, 'output/cy', file));
      // A booklet sheet side holds two A5 pages.
      const perPage = file.endsWith('.booklet.pdf') ? 2 : 1;
      for (let n = 1; n <= pdf.numPages; n += 1) {
        const { text } = await pageText(pdf, n);
        expect(text.match(/Cyfieithiad drafft/g)?.length ?? 0, `${file} page ${n}`).toBeGreaterThanOrEqual(perPage);
        expect(text.match(/Draft translation/g)?.length ?? 0, `${file} page ${n}`).toBeGreaterThanOrEqual(perPage);
      }
      if (file.endsWith('.booklet.pdf') || file.endsWith('.print-shop.pdf')) continue;
      const back = (await pageText(pdf, pdf.numPages)).text;
      expect(back, file).toContain('Drafft o fersiwn Saesneg 1.1, heb ei gymeradwyo.');
      expect(back, file).toContain('Draft of English version 1.1, not approved.');
      expect(back, file).not.toMatch(/Cyhoeddwyd|Adolygu erbyn/);
    }
    const report = await checkPdfUa(await import('node:fs').then((fs) => fs.readFileSync(path.join(root, 'output/cy/jak-inhibitors.pdf'))));
    expect(report.failures).toEqual([]);
    expect(report.elements.filter((element) => element.lang === 'en-GB').length).toBeGreaterThan(2);
  });
});
