import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import type { SourcePosition } from '../../compile/model.ts';
import { diagnostic, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.ts';
import { KEEP_WITH_NEXT } from '../pagination/flowProps.ts';
import { isDecorated, type LaidOutNode } from '../pagination/laidOut.ts';
import type { LayoutNode } from '../tagging/taggedRender.ts';
import { blockPlaces } from './blockPlaces.ts';
import { inkByBox, walkPage, type Ink, type PageBoxes, type PlacedBox } from './pageWalk.ts';

/** Layout problems that stop a PDF from being written. */
export const LAYOUT_ERROR_RULES = ['layout-overflow', 'layout-cover-overflow', 'layout-clipped', 'layout-empty-box', 'layout-no-furniture'] as const;
/** Layout problems a typesetter would fix: warnings, errors under `--strict`. */
export const LAYOUT_WARNING_RULES = ['layout-stranded-page', 'layout-heading-at-foot', 'layout-callout-title-at-foot', 'layout-orphan-line', 'layout-widow-line'] as const;

export interface LayoutCheckContext {
  leaflet: Pick<CompiledLeaflet, 'sourceFile' | 'body' | 'frontMatter'>;
  /** Names the edition in messages: "a5 page 4: ...". */
  edition: string;
}

/** Half a point: less than anyone sees, more than rounding. */
const TOLERANCE = 0.5;
/** A page with this many lines of text or fewer is stranded. */
export const STRANDED_LINES = 3;

const quote = (text: string) => `“${text.length > 40 ? `${text.slice(0, 37)}…` : text}”`;

/**
 * The layout check: reads the paginated layout of one edition, as it will be drawn, and
 * reports what a typesetter would not let through, with the Markdown line of the block at
 * fault and the page number. Like the accessibility lint, it works on what is really drawn:
 * every box, line and picture with its absolute position on its page.
 */
export function checkLayout(document: LayoutNode, context: LayoutCheckContext): Diagnostic[] {
  const pages = ((document as unknown as LaidOutNode).children ?? []).map((page, index, all) => walkPage(page, index, all.length));
  const places = blockPlaces(context.leaflet.body.blocks);
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Severity, rule: string, pageIndex: number, keys: string[], message: string, note?: string) => {
    const place = keys.map((key) => places.get(key)).find((found): found is SourcePosition => found !== undefined);
    diagnostics.push(
      diagnostic({
        file: context.leaflet.sourceFile,
        ...(place ? { line: place.line, column: place.column } : {}),
        severity,
        rule,
        source: 'layout',
        message: `${context.edition} page ${pageIndex + 1}: ${message}`,
        ...(note ? { note } : {}),
      }),
    );
  };
  const keysOnPage = pages.map((page) => new Set(page.boxes.filter((box) => !box.artifact).flatMap((box) => box.keys.slice(0, 1))));
  const bodyPages = pages.flatMap((page, index) => (page.role === 'body' ? [index] : []));
  pages.forEach((page, index) => {
    checkFurniture(page, index, report);
    checkInk(page, index, context, report);
    checkEmptyBoxes(page, index, report);
    if (page.role !== 'body') return;
    const isLastBody = index === bodyPages[bodyPages.length - 1];
    checkStranded(page, index, bodyPages.length, report);
    if (!isLastBody) checkFoot(page, index, keysOnPage[index + 1] ?? new Set(), report);
    checkSplitLines(page, index, keysOnPage[index - 1] ?? new Set(), keysOnPage[index + 1] ?? new Set(), report);
  });
  return dedupe(diagnostics);
}

type Report = (severity: Severity, rule: string, pageIndex: number, keys: string[], message: string, note?: string) => void;

const firstKeys = (page: PageBoxes) => page.boxes.find((box) => !box.artifact && box.keys.length > 0)?.keys ?? [];

function checkFurniture(page: PageBoxes, index: number, report: Report) {
  if (page.role === 'cover' || (page.hasHeader && page.hasFooter)) return;
  report(
    'error',
    'layout-no-furniture',
    index,
    firstKeys(page),
    'page has no running header and footer (text that ran off the page before it?)',
    'Every page after the cover carries the charity name, the title and "Page x of y".',
  );
}

/** Text and pictures outside the margins, wider than their box, or outside a drawn box. */
function checkInk(page: PageBoxes, index: number, context: LayoutCheckContext, report: Report) {
  const { textArea, width, height } = page;
  const area = { left: textArea.left, top: textArea.top, right: width - textArea.right, bottom: height - textArea.bottom };
  let coverReported = false;
  for (const ink of page.ink) {
    const box = page.boxes[ink.box]!;
    if (box.artifact) continue;
    const outside =
      ink.bottom > area.bottom + TOLERANCE || ink.top < area.top - TOLERANCE || ink.right > area.right + TOLERANCE || ink.left < area.left - TOLERANCE;
    if (outside && page.role === 'cover') {
      if (coverReported) continue;
      coverReported = true;
      const { title, summary, audience } = context.leaflet.frontMatter;
      report(
        'error',
        'layout-cover-overflow',
        index,
        [],
        `the cover does not fit on one page, even with its text at the smallest size allowed`,
        `Shorten the title (${[...title].length} characters), the summary (${[...summary].length}) or who it is for (${[...audience].length}).`,
      );
      continue;
    }
    if (outside) {
      const where = ink.bottom > area.bottom + TOLERANCE ? `runs ${(ink.bottom - area.bottom).toFixed(1)} pt past the bottom margin` : 'runs outside the margins';
      report('error', 'layout-overflow', index, box.keys, `${describeInk(ink)} ${where}`);
      continue;
    }
    checkClipped(page, index, ink, box, report);
  }
}

function describeInk(ink: Ink): string {
  return ink.text !== undefined ? `text ${quote(ink.text)}` : 'a picture';
}

function checkClipped(page: PageBoxes, index: number, ink: Ink, box: PlacedBox, report: Report) {
  if (ink.text !== undefined) {
    // A text's own right padding is room pagination gave it for exactly this (narrowText.ts).
    const contentRight = box.right - (box.node.box?.borderRightWidth ?? 0);
    if (ink.right > contentRight + TOLERANCE) {
      const cell = box.keys.length > 0 && page.boxes.some((other) => (other.role === 'TH' || other.role === 'TD') && other.keys[0] === box.keys[0]);
      report(
        'error',
        'layout-clipped',
        index,
        box.keys,
        `${describeInk(ink)} is ${(ink.right - contentRight).toFixed(1)} pt wider than its ${cell ? 'table cell' : 'box'}`,
        cell ? 'Use a shorter word in that column, or fewer columns.' : undefined,
      );
      return;
    }
  }
  const decorated = box.decoratedParent === undefined ? undefined : page.boxes[box.decoratedParent];
  if (decorated && (ink.bottom > decorated.bottom + TOLERANCE || ink.right > decorated.right + TOLERANCE || ink.top < decorated.top - TOLERANCE)) {
    report('error', 'layout-clipped', index, box.keys, `${describeInk(ink)} runs outside the box drawn around it`);
  }
}

function checkEmptyBoxes(page: PageBoxes, index: number, report: Report) {
  const ink = inkByBox(page);
  page.boxes.forEach((box, boxIndex) => {
    if (box.artifact || box.node.type !== 'VIEW' || !isDecorated(box.node) || (ink.get(boxIndex)?.length ?? 0) > 0) return;
    const what = box.role === 'Note' ? 'callout box' : box.role === 'Table' || box.role === 'TR' ? 'table box' : 'box';
    report('error', 'layout-empty-box', index, box.keys, `an empty ${what} is drawn here (its content is on another page)`);
  });
}

/** Lines of leaflet text on a page; lines side by side (a list label and its item) count once. */
function textBands(page: PageBoxes): number {
  const lines = page.ink.filter((ink) => ink.text !== undefined && !page.boxes[ink.box]!.artifact).sort((a, b) => a.top - b.top);
  let bands = 0;
  let bottom = -Infinity;
  for (const line of lines) {
    if (line.top >= bottom - TOLERANCE) bands += 1;
    bottom = Math.max(bottom, line.bottom);
  }
  return bands;
}

function checkStranded(page: PageBoxes, index: number, bodyPageCount: number, report: Report) {
  const bands = textBands(page);
  if (bodyPageCount < 2 || bands > STRANDED_LINES) return;
  report(
    'warning',
    'layout-stranded-page',
    index,
    firstKeys(page),
    `page holds only ${bands} line${bands === 1 ? '' : 's'} of text`,
    'Shorten the text a little, or let copy-fitting pull it back (it tries tighter spacing).',
  );
}

/** The last thing on a page that the next page continues from: never a heading or a callout's title alone. */
function checkFoot(page: PageBoxes, index: number, nextKeys: Set<string>, report: Report) {
  const content = page.ink.filter((ink) => !page.boxes[ink.box]!.artifact);
  const last = content.reduce<Ink | undefined>((lowest, ink) => (!lowest || ink.bottom > lowest.bottom ? ink : lowest), undefined);
  if (!last) return;
  const box = page.boxes[last.box]!;
  const heading = box.role === 'H2' || box.role === 'H3';
  const inCallout = page.boxes.some((other) => other.role === 'Note' && box.keys.includes(other.keys[0]!));
  if (heading && !inCallout) {
    report('warning', 'layout-heading-at-foot', index, box.keys, `heading ${quote(last.text ?? '')} is the last thing on the page; its text starts on the next`);
    return;
  }
  const callout = page.boxes.find((other) => other.role === 'Note' && box.keys.includes(other.keys[0]!));
  if (!callout || !nextKeys.has(callout.keys[0]!)) return;
  const calloutLines = page.ink.filter((ink) => page.boxes[ink.box]!.keys.includes(callout.keys[0]!) && ink.text !== undefined);
  const titleOnly = calloutLines.every((ink) => Boolean(page.boxes[ink.box]!.node.props?.[KEEP_WITH_NEXT]));
  if (calloutLines.length <= 1 || titleOnly) {
    report('warning', 'layout-callout-title-at-foot', index, callout.keys, 'a callout box starts at the foot of the page with only its title or first line');
  }
}

/** One line of a paragraph alone at the foot (orphan) or top (widow) of a page. */
function checkSplitLines(page: PageBoxes, index: number, previousKeys: Set<string>, nextKeys: Set<string>, report: Report) {
  for (const box of page.boxes) {
    if (box.artifact || box.role !== 'P' || box.node.type !== 'TEXT' || (box.node.lines?.length ?? 0) !== 1) continue;
    const key = box.keys[0]!;
    if (nextKeys.has(key)) {
      report('warning', 'layout-orphan-line', index, box.keys, 'a paragraph leaves a single line at the foot of the page');
    } else if (previousKeys.has(key)) {
      report('warning', 'layout-widow-line', index, box.keys, 'a paragraph ends with a single line at the top of the page');
    }
  }
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const id = `${d.rule}|${d.line}|${d.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
