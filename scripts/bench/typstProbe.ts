/**
 * The same leaflet text typeset by Typst (npm @myriaddreamin/typst-ts-node-compiler, prebuilt
 * binaries), for scale: A5, 15 mm margins, Atkinson Hyperlegible Next at 12 pt with the
 * project's line height, headings, lists, callouts and tables from the compiled leaflet model.
 * Times compile + layout + PDF export, wall and CPU; prints one JSON object on its last line.
 *
 *   node bin/run-ts.js scripts/bench/typstProbe.ts [--project DIR] [--rounds N] [--warmup N] [--out FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import type { Block, Inline } from '../../src/compile/model.ts';
import { loadTemplates } from '../../src/compile/templates.ts';
import { loadBrand } from '../../src/load/brand.ts';
import { loadLeafletSources } from '../../src/load/content.ts';
import { loadLocales } from '../../src/load/locales.ts';
import { EDITIONS } from '../../src/render/editions.ts';

const { values: args } = parseArgs({
  options: {
    leaflet: { type: 'string', default: 'jak-inhibitors' },
    /** Where the leaflet text, brand and strings come from (default: this checkout). */
    project: { type: 'string' },
    rounds: { type: 'string', default: '24' },
    warmup: { type: 'string', default: '6' },
    /** Also writes the Typst source and its PDF here (FILE.typ, FILE.pdf), to look at. */
    out: { type: 'string' },
  },
});
const ROUNDS = Number(args.rounds);
const WARMUP = Number(args.warmup);
const root = args.project ?? process.cwd();

/** Typst markup for plain text: every markup character escaped. */
const escape = (text: string) => text.replace(/[\\#*_$@<>[\]`~/=+\-"']/g, (c) => `\\${c}`);

function inlines(children: readonly Inline[]): string {
  return children
    .map((inline): string => {
      switch (inline.type) {
        case 'text':
        case 'code':
          return escape(inline.value);
        case 'strong':
          return `#strong[${inlines(inline.children)}]`;
        case 'emphasis':
          return `#emph[${inlines(inline.children)}]`;
        case 'link':
          return `#link("${inline.url.replace(/["\\]/g, (c) => `\\${c}`)}")[${inlines(inline.children)}]`;
        case 'break':
          return ' \\\n';
        default:
          return '';
      }
    })
    .join('');
}

function blocks(list: readonly Block[], indent = ''): string {
  return list
    .map((block): string => {
      switch (block.type) {
        case 'heading':
          return `${indent}${'='.repeat(block.depth)} ${inlines(block.children)}\n`;
        case 'paragraph':
          return `${indent}${inlines(block.children)}\n`;
        case 'list':
          return block.items
            .map((item) => {
              const [first, ...rest] = blocks(item.children, `${indent}  `).trimStart().split('\n');
              return `${indent}${block.ordered ? '+' : '-'} ${first}\n${rest.join('\n')}`;
            })
            .join('');
        case 'callout':
          return `${indent}#block(fill: luma(235), inset: 8pt, width: 100%)[\n${blocks(block.children, indent)}]\n`;
        case 'table': {
          const cell = (c: { children: readonly Inline[] }) => `[${inlines(c.children)}]`;
          const cells = [...block.header, ...block.rows.flat()].map(cell).join(', ');
          return `${indent}#table(columns: ${block.header.length}, ${cells})\n`;
        }
        case 'rule':
          return `${indent}#line(length: 100%)\n`;
        default:
          return '';
      }
    })
    .join('\n');
}

const brand = (await loadBrand(root)).brand!;
const { i18n } = await loadLocales(root);
const { sources } = await loadLeafletSources(root);
const source = sources.find((s) => s.id === args.leaflet && s.locale === 'en-GB')!;
const { leaflet } = compileLeaflet({ root, source, brand, i18n, templates: loadTemplates(root) });
if (!leaflet) throw new Error('compile failed');
const a5 = EDITIONS.a5;
const mm = (points: number) => `${((points * 25.4) / 72).toFixed(2)}mm`;
const preamble = [
  `#set page(width: ${mm(a5.pageSize.width)}, height: ${mm(a5.pageSize.height)}, margin: ${mm(a5.margin)}, numbering: "1 of 1")`,
  `#set text(font: "Atkinson Hyperlegible Next", size: ${a5.bodySize}pt, lang: "en", region: "GB", hyphenate: false)`,
  `#set par(leading: ${((a5.lineHeight - 1) * a5.bodySize).toFixed(2)}pt)`,
  `#show heading.where(level: 1): set text(size: ${a5.headingSizes.h1}pt)`,
  `#show heading.where(level: 2): set text(size: ${a5.headingSizes.h2}pt)`,
  `#show heading.where(level: 3): set text(size: ${a5.headingSizes.h3}pt)`,
  `= ${escape(leaflet.frontMatter.title)}`,
  '',
].join('\n');
const body = blocks(leaflet.body.blocks);
const paragraphs = body.split('\n');
const edited = paragraphs.findIndex((line) => /^[A-Z][^#]{60,}$/.test(line));

const fonts = Object.values(brand.resolved.fonts.body).filter((file): file is string => typeof file === 'string');
const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: fonts.map((file) => readFileSync(file)) }] });

let edits = 0;
function render(mode: 'fresh' | 'warm' | 'edit'): { ms: number; cpuMs: number; bytes: number; pages: number } {
  let text = body;
  if (mode === 'edit') {
    edits += 1;
    const lines = [...paragraphs];
    lines[edited] = `${lines[edited]} This sentence is edit number ${edits}.`;
    text = lines.join('\n');
  }
  // Typst memoizes across compiles (comemo); evicting everything makes each layout a fresh one.
  if (mode === 'fresh') compiler.evictCache(0);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = compiler.compile({ mainFileContent: preamble + text });
  const doc = result.result;
  if (!doc) {
    result.printErrors();
    throw new Error('Typst compile failed');
  }
  const pdf = compiler.pdf(doc);
  const ms = performance.now() - t0;
  // All threads' CPU time: Typst may typeset and export on more than one.
  const { user, system } = process.cpuUsage(cpu0);
  const cpuMs = (user + system) / 1000;
  if (mode !== 'fresh') compiler.evictCache(30);
  return { ms, cpuMs, bytes: pdf.length, pages: doc.numOfPages };
}

if (args.out) {
  writeFileSync(`${args.out}.typ`, preamble + body);
  writeFileSync(`${args.out}.pdf`, compiler.pdf(compiler.compile({ mainFileContent: preamble + body }).result!));
}

const results: Record<string, Array<{ ms: number; cpuMs: number; bytes: number; pages: number }>> = {};
for (const mode of ['fresh', 'warm', 'edit'] as const) {
  for (let i = 0; i < WARMUP; i += 1) render(mode);
  results[mode] = Array.from({ length: ROUNDS }, () => render(mode));
}
console.log(JSON.stringify({ words: body.split(/\s+/).length, results }));
