/**
 * One compiled leaflet's text typeset by Typst (npm @myriaddreamin/typst-ts-node-compiler,
 * prebuilt binaries), for scale: A5, the edition's margins, Atkinson Hyperlegible Next at the
 * body size with the project's line height, headings, lists, callouts and tables from the
 * compiled leaflet model. Used by the Typst probe (its own process) and by the render probe,
 * which alternates it with this checkout's render in one process.
 */
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { CompiledLeaflet } from '../../src/compile/leaflet.ts';
import type { Block, Inline } from '../../src/compile/model.ts';
import type { LoadedBrand } from '../../src/load/brand.ts';
import { EDITIONS } from '../../src/render/editions.ts';

/** Typst's three cases: `fresh` evicts its memo first (un-memoized); `warm` the same text again; `edit` one paragraph changed. */
export type TypstMode = 'fresh' | 'warm' | 'edit';

export interface TypstRun {
  ms: number;
  /** All threads' CPU time: Typst may typeset and export on more than one. */
  cpuMs: number;
  bytes: number;
  pages: number;
}

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

export interface TypstLeaflet {
  words: number;
  /** The whole Typst source (to look at). */
  source: string;
  /** Compiles, lays out and exports the PDF once; returns its timing. */
  render(mode: TypstMode): TypstRun;
  /** The PDF of the unedited text. */
  pdf(): Buffer;
}

export function typstLeaflet(leaflet: CompiledLeaflet, brand: LoadedBrand): TypstLeaflet {
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
  const compile = (text: string) => {
    const result = compiler.compile({ mainFileContent: preamble + text });
    if (!result.result) {
      result.printErrors();
      throw new Error('Typst compile failed');
    }
    return result.result;
  };

  let edits = 0;
  return {
    words: body.split(/\s+/).length,
    source: preamble + body,
    pdf: () => compiler.pdf(compile(body)),
    render(mode) {
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
      const doc = compile(text);
      const pdf = compiler.pdf(doc);
      const ms = performance.now() - t0;
      const { user, system } = process.cpuUsage(cpu0);
      if (mode !== 'fresh') compiler.evictCache(30);
      return { ms, cpuMs: (user + system) / 1000, bytes: pdf.length, pages: doc.numOfPages };
    },
  };
}
