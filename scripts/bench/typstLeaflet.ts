/**
 * One compiled leaflet typeset by Typst (npm @myriaddreamin/typst-ts-node-compiler, prebuilt
 * binaries), for scale. Two scopes: `leaflet` typesets every piece of text this project's A5
 * edition prints (cover, running header and "Page x of y" footer, body, sources, back page), in
 * its sizes, line height, spacing, margins and boxes, so both typesetters set the same text on
 * about as many pages; `body` typesets the body alone, in Typst's own line spacing (the render
 * bench's Typst case up to run 15). Both are tagged (Typst's default). The cover logo and the QR
 * code are empty boxes of their size: this project keeps decoded images and the QR code's
 * drawing across a fresh render, and Typst's un-memoized case would decode them again.
 * Used by the Typst probe (its own process) and by the render probe, which alternates it with
 * this checkout's render in one process.
 */
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { CompiledLeaflet } from '../../src/compile/leaflet.ts';
import type { Block, Inline } from '../../src/compile/model.ts';
import type { LoadedBrand } from '../../src/load/brand.ts';
import { EDITIONS } from '../../src/render/editions.ts';
import { printableUrl } from '../../src/render/printedUrl.ts';
import { buildStyles } from '../../src/render/styles.ts';
import { leafletUrl } from '../../src/build/leafletUrl.ts';

/** Typst's three cases: `fresh` evicts its memo first (un-memoized); `warm` the same text again; `edit` one paragraph changed. */
export type TypstMode = 'fresh' | 'warm' | 'edit';

/** What Typst typesets: the whole leaflet as this project's A5 edition prints it, or its body text alone. */
export type TypstScope = 'leaflet' | 'body';
const SCOPES: readonly string[] = ['leaflet', 'body'] satisfies TypstScope[];

/** A probe's `--scope` or `--typst-scope` value, checked. */
export function typstScope(value: string | undefined): TypstScope {
  if (!value || !SCOPES.includes(value)) throw new Error(`Typst scope must be ${SCOPES.join(' or ')} (got ${String(value)})`);
  return value as TypstScope;
}

export interface TypstRun {
  ms: number;
  /** All threads' CPU time: Typst may typeset and export on more than one. */
  cpuMs: number;
  bytes: number;
  pages: number;
}

/** While markup is being written: every piece of text it prints, to count its words. */
let printed: string[] | undefined;
/** Typst markup for plain text: every markup character escaped. */
const escape = (text: string) => (printed?.push(text), text).replace(/[\\#*_$@<>[\]`~/=+\-"']/g, (c) => `\\${c}`);
/** A Typst string literal. */
const quoted = (text: string) => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;

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
          return `#link(${quoted(inline.url)})[${inlines(inline.children)}]`;
        case 'citation':
          return escape(`[${inline.sources.map((source) => source.number).join(', ')}]`);
        case 'break':
          return ' \\\n';
        default:
          return '';
      }
    })
    .join('');
}

/** How boxed blocks look: Typst's plain defaults (`body` scope) or this project's styles, with a header row. */
interface BoxLooks {
  callout: string;
  table: string;
  tableHeader: boolean;
}
const PLAIN_BOXES: BoxLooks = { callout: 'fill: luma(235), inset: 8pt, width: 100%', table: '', tableHeader: false };

function blocks(list: readonly Block[], looks: BoxLooks, indent = ''): string {
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
              const [first, ...rest] = blocks(item.children, looks, `${indent}  `).trimStart().split('\n');
              return `${indent}${block.ordered ? '+' : '-'} ${first}\n${rest.join('\n')}`;
            })
            .join('');
        case 'callout':
          return `${indent}#block(${looks.callout})[\n${blocks(block.children, looks, indent)}]\n`;
        case 'table': {
          const cell = (c: { children: readonly Inline[] }) => `[${inlines(c.children)}]`;
          const header = block.header.map(cell).join(', ');
          const cells = [looks.tableHeader ? `table.header(${header})` : header, ...block.rows.flat().map(cell)].join(', ');
          return `${indent}#table(columns: ${block.header.length}, ${looks.table}${cells})\n`;
        }
        case 'rule':
          return `${indent}#line(length: 100%)\n`;
        default:
          return '';
      }
    })
    .join('\n');
}

const pt = (points: number) => `${points.toFixed(2)}pt`;
const MM_PER_PT = 25.4 / 72;
const mm = (points: number) => `${(points * MM_PER_PT).toFixed(2)}mm`;

/** Markup around the body: before it page, text and heading settings (and, `leaflet` scope, the cover page); after it the sources and back page. */
function aroundBody(leaflet: CompiledLeaflet, brand: LoadedBrand, scope: TypstScope): { preamble: string; looks: BoxLooks; after: string } {
  const a5 = EDITIONS.a5;
  const size = a5.bodySize;
  const font = `#set text(font: "Atkinson Hyperlegible Next", size: ${size}pt, lang: "en", region: "GB", hyphenate: false)`;
  if (scope === 'body') {
    return {
      preamble: [
        `#set page(width: ${mm(a5.pageSize.width)}, height: ${mm(a5.pageSize.height)}, margin: ${mm(a5.margin)}, numbering: "1 of 1")`,
        font,
        `#set par(leading: ${((a5.lineHeight - 1) * a5.bodySize).toFixed(2)}pt)`,
        `#show heading.where(level: 1): set text(size: ${a5.headingSizes.h1}pt)`,
        `#show heading.where(level: 2): set text(size: ${a5.headingSizes.h2}pt)`,
        `#show heading.where(level: 3): set text(size: ${a5.headingSizes.h3}pt)`,
        `= ${escape(leaflet.frontMatter.title)}`,
        '',
      ].join('\n'),
      looks: PLAIN_BOXES,
      after: '',
    };
  }
  const styles = buildStyles(brand.colours, a5);
  const colour = (hex: string) => `rgb(${quoted(hex)})`;
  const { colours } = brand;
  const { t, frontMatter, governance } = leaflet;
  const band = a5.furnitureSize * 2;
  const edge = a5.margin;
  const furniture = `#set text(size: ${pt(a5.furnitureSize)});`;
  const rule = `line(length: 100%, stroke: 1pt + ${colour(colours.muted)})`;
  const preamble = [
    `#set document(title: ${quoted(frontMatter.title)}, author: ${quoted(brand.charityName)})`,
    font,
    // Lines `lineHeight` body sizes apart, as this project sets them: a line box of one em, the rest leading.
    `#set text(fill: ${colour(colours.text)}, top-edge: 0.8em, bottom-edge: -0.2em)`,
    `#set par(leading: ${pt((a5.lineHeight - 1) * size)}, spacing: ${pt(styles.paragraph.marginBottom)})`,
    `#show link: set text(fill: ${colour(colours.accent)})`,
    `#show link: underline`,
    `#show heading: set text(weight: "bold")`,
    `#show heading.where(level: 1): set text(size: ${pt(styles.title.fontSize)})`,
    `#show heading.where(level: 2): set text(size: ${pt(styles.h2.fontSize)}, fill: ${colour(colours.primary)})`,
    `#show heading.where(level: 2): set block(above: ${pt(styles.h2.marginTop)}, below: ${pt(styles.h2.marginBottom)})`,
    `#show heading.where(level: 3): set text(size: ${pt(styles.h3.fontSize)})`,
    `#show heading.where(level: 3): set block(above: ${pt(styles.h3.marginTop)}, below: ${pt(styles.h3.marginBottom)})`,
    `#set list(spacing: ${pt(styles.listItem.marginBottom + (a5.lineHeight - 1) * size)}, body-indent: ${pt(styles.listLabel.width - size * 0.5)})`,
    `#set enum(spacing: ${pt(styles.listItem.marginBottom + (a5.lineHeight - 1) * size)}, body-indent: ${pt(styles.listLabel.width - size * 1.2)})`,
    // The cover: a band in the brand's colour with the logo and strap line, then title, audience and summary.
    `#page(width: ${mm(a5.pageSize.width)}, height: ${mm(a5.pageSize.height)}, margin: (x: 0pt, top: 0pt, bottom: ${pt(edge)}))[`,
    `#block(fill: ${colour(colours.primary)}, width: 100%, inset: (x: ${pt(edge)}, top: ${pt(edge)}, bottom: ${pt(edge * 0.6)}), below: ${pt(edge * 0.8)})[`,
    `#rect(width: ${pt(styles.logo.width)}, height: ${pt(styles.logo.width / 4)}, stroke: none)`,
    `#text(fill: ${colour(colours.onPrimary)}, weight: "bold")[${escape(t('strapline'))}]]`,
    `#pad(x: ${pt(edge)})[`,
    `#heading(level: 1)[${escape(frontMatter.title)}]`,
    ...(governance.notice ?? []).map((line) => `#block(stroke: 2pt + ${colour(colours.calloutBorder)}, fill: ${colour(colours.calloutBackground)}, inset: ${pt(size * 0.75)})[#strong[${escape(line.text)}]]`),
    `#strong[${escape(t('cover.audienceLabel'))}]`,
    '',
    `#text(size: ${pt(styles.coverText.fontSize)})[${escape(frontMatter.audience)}]`,
    '',
    `#text(size: ${pt(styles.coverText.fontSize)})[${escape(frontMatter.summary)}]`,
    ...(leaflet.translationState === 'source' ? [] : ['', escape(t('cover.language', { language: leaflet.languageName }))]),
    ']]',
    // Body and back pages: the running header and the "Page x of y" footer, each with its rule.
    `#set page(width: ${mm(a5.pageSize.width)}, height: ${mm(a5.pageSize.height)}, margin: (x: ${pt(edge)}, y: ${pt(edge + band)}),`,
    `  header: [${furniture} #grid(columns: (1fr, auto), [${escape(brand.charityName)}], [${escape(frontMatter.title)}]) #v(-0.5em) #${rule}],`,
    `  footer: context [${furniture} #${rule} #v(-0.5em) ${escape(t('page.ofTotal', { page: 'PAGE', total: 'TOTAL' }))
      .replace('PAGE', '#counter(page).display()')
      .replace('TOTAL', '#counter(page).final().first()')}])`,
    '',
  ].join('\n');
  const sources = leaflet.sources.length === 0
    ? ''
    : [`== ${escape(t('back.sourcesHeading'))}`, ...leaflet.sources.map((source) =>
        `+ ${escape(source.title)}${source.url ? ` #link(${quoted(source.url)})[${escape(printableUrl(source.url))}]` : ''}`), ''].join('\n');
  const website = brand.contact.website ?? brand.website;
  const websiteUrl = website.startsWith('http') ? website : `https://${website}`;
  // Where the leaflet lives online, as the back page's QR code and address give it.
  const online = leafletUrl(brand, leaflet.locale, leaflet.id);
  const backText = `#set par(leading: ${pt((Math.min(a5.lineHeight, 1.4) - 1) * size)})`;
  const back = [
    '#pagebreak()',
    backText,
    `#block(above: 0pt, below: ${pt(styles.h2.marginBottom)}, text(size: ${pt(styles.h2.fontSize)}, fill: ${colour(colours.primary)}, weight: "bold")[${escape(t('back.onlineHeading'))}])`,
    `#grid(columns: (${pt(a5.qrSize)}, 1fr), gutter: ${pt(size * 0.8)}, align: horizon, rect(width: ${pt(a5.qrSize)}, height: ${pt(a5.qrSize)}, stroke: none), [#link(${quoted(online)})[${escape(printableUrl(online))}]])`,
    `== ${escape(t('back.contactHeading'))}`,
    `${escape(t('contact.website'))}: #link(${quoted(websiteUrl)})[${escape(printableUrl(website))}]`,
    `== ${escape(t('back.aboutHeading'))}`,
    ...governance.status.map((line) => escape(line.text)),
    `${escape(governance.author)} ${governance.awaitingClinicalReview ? `#strong[${escape(governance.clinicalReview)}]` : escape(governance.clinicalReview)}`,
    `${escape(governance.feedback.text)} #link(${quoted(governance.feedback.url)})[${escape(printableUrl(governance.feedback.url))}]`,
    escape(governance.alsoAvailable.standardPrint),
    `#block(above: ${pt(size * 1.2)}, inset: (top: ${pt(size * 0.6)}), stroke: (top: 1pt + ${colour(colours.muted)}), width: 100%)[#strong[${escape(t('back.disclaimer'))}]]`,
  ].join('\n\n');
  const looks: BoxLooks = {
    callout: `fill: ${colour(colours.calloutBackground)}, stroke: (left: 5pt + ${colour(colours.calloutBorder)}), inset: (x: ${pt(styles.callout.paddingHorizontal)}, y: ${pt(styles.callout.paddingVertical)}), width: 100%, above: ${pt(styles.callout.marginVertical)}, below: ${pt(styles.callout.marginVertical)}`,
    table: `stroke: 1pt + ${colour(colours.muted)}, inset: ${pt(styles.tableCell.padding)}, fill: (x, y) => if y == 0 { ${colour(colours.calloutBackground)} }, `,
    tableHeader: true,
  };
  return { preamble, looks, after: `\n${sources}\n${back}\n` };
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

export function typstLeaflet(leaflet: CompiledLeaflet, brand: LoadedBrand, scope: TypstScope = 'leaflet'): TypstLeaflet {
  printed = [];
  const { preamble, looks, after } = aroundBody(leaflet, brand, scope);
  const body = blocks(leaflet.body.blocks, looks);
  const words = printed.join(' ').split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
  printed = undefined;
  const paragraphs = body.split('\n');
  const edited = paragraphs.findIndex((line) => /^[A-Z][^#]{60,}$/.test(line));
  const fonts = Object.values(brand.resolved.fonts.body).filter((file): file is string => typeof file === 'string');
  const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: fonts.map((file) => readFileSync(file)) }] });
  const compile = (text: string) => {
    const result = compiler.compile({ mainFileContent: preamble + text + after });
    if (!result.result) {
      result.printErrors();
      throw new Error('Typst compile failed');
    }
    return result.result;
  };

  let edits = 0;
  return {
    words,
    source: preamble + body + after,
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
