import type { StructRole } from '../semantics.ts';
import { KEEP_WITH_NEXT, REPEAT_ON_CONTINUATION } from './flowProps.ts';
import { edgeBottom, edgeTop, isAbsolute, isTextNode, type LaidOutNode } from './laidOut.ts';

/**
 * The galley (all body blocks laid out in one tall column) as a tree of boxes with absolute
 * vertical positions, and the places where a page may break in it.
 */
export interface FlowNode {
  node: LaidOutNode;
  /** Border box, absolute in the galley. */
  top: number;
  bottom: number;
  kind: 'text' | 'column' | 'row' | 'atom';
  children: FlowNode[];
  /** Text nodes: each line, absolute. */
  lines: Array<{ top: number; bottom: number }>;
  keepWithNext: boolean;
  role?: StructRole | 'Artifact';
  /** Tables: the header row, drawn again where the table continues. */
  repeatHeader?: FlowNode;
}

/** A legal page break: the page before ends at `endY`, the page after starts at `startY`. */
export interface Cut {
  endY: number;
  startY: number;
  /** Height drawn below `endY` on the page that ends here: bottom padding and borders of boxes split by the break. */
  closing: number;
  /** Height drawn above `startY` on the next page: top padding and borders of split boxes, repeated table headers. */
  opening: number;
  /** Higher is a worse place to break (0 between blocks). */
  penalty: number;
}

/** Lines a paragraph keeps on each side of a break (no orphans, no widows). */
export const MIN_LINES = 2;
/** A callout of at most this many lines moves to the next page whole rather than split. */
export const SHORT_CALLOUT_LINES = 6;

const PENALTY = {
  beforeHeading: -10,
  betweenBlocks: 0,
  betweenItems: 8,
  insideText: 30,
  insideCallout: 40,
  insideTable: 25,
  nested: 10,
};

const roleOf = (node: LaidOutNode): FlowNode['role'] => node.props?.semantics?.role;

/** Builds the flow tree of a laid-out node whose parent's border box starts at `parentTop`. */
export function toFlow(node: LaidOutNode, parentTop: number): FlowNode {
  const box = node.box ?? { top: 0, left: 0, width: 0, height: 0 };
  const top = parentTop + box.top;
  const base = {
    node,
    top,
    bottom: top + box.height,
    children: [] as FlowNode[],
    lines: [] as FlowNode['lines'],
    keepWithNext: Boolean(node.props?.[KEEP_WITH_NEXT] || node.props?.[REPEAT_ON_CONTINUATION]),
    role: roleOf(node),
  };
  if (isTextNode(node)) {
    const lines = node.lines ?? [];
    const first = lines[0]?.box.y ?? 0;
    const textTop = top + (box.paddingTop ?? 0) + (box.borderTopWidth ?? 0);
    return {
      ...base,
      kind: 'text',
      lines: lines.map((line) => ({ top: textTop + line.box.y - first, bottom: textTop + line.box.y - first + line.box.height })),
    };
  }
  const inFlow = (node.children ?? []).filter((child) => !isAbsolute(child));
  const unbreakable = node.props?.wrap === false || base.role === 'TR' || node.type === 'IMAGE' || node.type === 'SVG';
  // An unbreakable box still has lines of text in it (a table row): they count as lines on its page.
  if (unbreakable || inFlow.length === 0) return { ...base, kind: 'atom', lines: textLinesIn(node, parentTop) };
  const children = inFlow.map((child) => toFlow(child, top));
  const isRow = node.style?.flexDirection === 'row' || node.style?.flexDirection === 'row-reverse';
  const header = children.find((child) => child.node.props?.[REPEAT_ON_CONTINUATION]);
  return { ...base, kind: isRow ? 'row' : 'column', children, ...(header ? { repeatHeader: header } : {}) };
}

/**
 * What pagination reads of a top-level block of the galley (its flow tree, line bands and the
 * breaks inside it), kept by the laid-out block: all are functions of the block alone, and a
 * block from the galley memo that has not moved is the same object render after render (one
 * that moved is a copy, stackColumn in galley.ts). Shared, so read-only.
 */
interface BlockReading {
  flow: FlowNode;
  bands?: Array<{ top: number; bottom: number }>;
  cuts?: Cut[];
}
const blockReadings = new WeakMap<LaidOutNode, BlockReading>();
const flowReadings = new WeakMap<FlowNode, BlockReading>();

/** A top-level block's flow tree (toFlow at the galley's top). */
export function blockFlow(node: LaidOutNode): FlowNode {
  let reading = blockReadings.get(node);
  if (!reading) {
    reading = { flow: toFlow(node, 0) };
    blockReadings.set(node, reading);
    flowReadings.set(reading.flow, reading);
  }
  return reading.flow;
}

/** bandsOf, kept for blocks' flows made by blockFlow. */
export function blockBands(flow: FlowNode): Array<{ top: number; bottom: number }> {
  const reading = flowReadings.get(flow);
  if (!reading) return bandsOf(flow);
  reading.bands ??= bandsOf(flow);
  return reading.bands;
}

/** The lines of every text inside a laid-out box whose parent starts at `parentTop`, absolute. */
function textLinesIn(node: LaidOutNode, parentTop: number): FlowNode['lines'] {
  if (isTextNode(node)) return toFlow(node, parentTop).lines;
  const top = parentTop + (node.box?.top ?? 0);
  return (node.children ?? []).flatMap((child) => textLinesIn(child, top));
}

/** Every text line in a subtree, absolute. */
function linesOf(flow: FlowNode, into: FlowNode['lines'] = []): FlowNode['lines'] {
  into.push(...flow.lines);
  for (const child of flow.children) linesOf(child, into);
  return into;
}

/** Lines that share a vertical band (a list label and its item's first line, table cells in a row) count once. */
export function bandsOf(flow: FlowNode): Array<{ top: number; bottom: number }> {
  const lines = linesOf(flow).sort((a, b) => a.top - b.top);
  const bands: Array<{ top: number; bottom: number }> = [];
  for (const line of lines) {
    const last = bands[bands.length - 1];
    if (last && line.top < last.bottom - 0.5) last.bottom = Math.max(last.bottom, line.bottom);
    else bands.push({ ...line });
  }
  return bands;
}

const EPSILON = 0.01;
const countBands = (bands: Array<{ top: number; bottom: number }>, from: number, to: number) =>
  bands.filter((band) => band.top >= from - EPSILON && band.bottom <= to + EPSILON).length;

/** Height a continued part of this box draws above its content: padding, border, a repeated header. */
export function continuationTop(flow: FlowNode): number {
  const header = flow.repeatHeader ? flow.repeatHeader.bottom - flow.repeatHeader.top : 0;
  return edgeTop(flow.node.box) + header;
}

/** Height a part of this box that continues on the next page draws below its content. */
export const continuationBottom = (flow: FlowNode): number => edgeBottom(flow.node.box);

/** Bottom of the last line or atom in a subtree: a cut below it leaves the subtree whole above. */
function contentBottom(flow: FlowNode): number {
  if (flow.kind === 'text') return flow.lines[flow.lines.length - 1]?.bottom ?? flow.top;
  if (flow.kind === 'atom') return flow.bottom;
  return Math.max(flow.top, ...flow.children.map(contentBottom));
}

/** Legal breaks inside a node (not before or after it). */
export function cutsWithin(flow: FlowNode): Cut[] {
  switch (flow.kind) {
    case 'atom':
      return [];
    case 'text':
      return textCuts(flow);
    case 'row':
      return rowCuts(flow);
    case 'column':
      return columnCuts(flow);
  }
}

function textCuts(flow: FlowNode): Cut[] {
  const cuts: Cut[] = [];
  for (let k = MIN_LINES; k <= flow.lines.length - MIN_LINES; k += 1) {
    cuts.push({ endY: flow.lines[k - 1]!.bottom, startY: flow.lines[k]!.top, closing: 0, opening: 0, penalty: PENALTY.insideText });
  }
  return cuts;
}

/** A row (a list item: label and body) breaks only inside its tallest cell, below everything in the others. */
function rowCuts(flow: FlowNode): Cut[] {
  const main = flow.children.reduce((tallest, cell) => (contentBottom(cell) > contentBottom(tallest) ? cell : tallest));
  const others = flow.children.filter((cell) => cell !== main);
  return cutsWithin(main).filter((cut) => others.every((cell) => contentBottom(cell) <= cut.endY + EPSILON));
}

function columnCuts(flow: FlowNode): Cut[] {
  const isCallout = flow.role === 'Note';
  const bands = bandsOf(flow);
  if (isCallout && bands.length <= SHORT_CALLOUT_LINES) return [];
  const between = flow.role === 'Table' ? PENALTY.insideTable : PENALTY.betweenItems;
  const cuts = siblingCuts(flow.children, between);
  const closing = continuationBottom(flow);
  const opening = continuationTop(flow);
  const inside = isCallout ? PENALTY.insideCallout : 0;
  return keepLinesTogether(
    cuts.map((cut) => ({ ...cut, closing: cut.closing + closing, opening: cut.opening + opening, penalty: cut.penalty + inside })),
    bands,
    flow,
  );
}

/** Breaks between and inside a run of sibling boxes: never straight after a heading or title. */
export function siblingCuts(children: FlowNode[], between: number): Cut[] {
  const cuts: Cut[] = [];
  children.forEach((child, index) => {
    for (const cut of cutsWithin(child)) cuts.push({ ...cut, penalty: cut.penalty + PENALTY.nested });
    const next = children[index + 1];
    if (!next || child.keepWithNext) return;
    const penalty = next.keepWithNext && next.role !== 'TR' ? PENALTY.beforeHeading : between;
    cuts.push({ endY: child.bottom, startY: next.top, closing: 0, opening: 0, penalty });
  });
  return cuts;
}

/** A block keeps at least two lines on each side of a break inside it (the heading above keeps with those two). */
function keepLinesTogether(cuts: Cut[], bands: Array<{ top: number; bottom: number }>, flow: FlowNode): Cut[] {
  return cuts.filter((cut) => countBands(bands, flow.top, cut.endY) >= MIN_LINES && countBands(bands, cut.startY, flow.bottom) >= MIN_LINES);
}

/** The galley's breaks: between top-level blocks (never after a heading) and inside them. */
export function galleyCuts(blocks: FlowNode[]): Cut[] {
  const cuts: Cut[] = [];
  blocks.forEach((block, index) => {
    cuts.push(...blockCuts(block));
    const next = blocks[index + 1];
    if (next && !block.keepWithNext) {
      cuts.push({ endY: block.bottom, startY: next.top, closing: 0, opening: 0, penalty: next.keepWithNext ? PENALTY.beforeHeading : PENALTY.betweenBlocks });
    }
  });
  return cuts.sort((a, b) => a.endY - b.endY || a.startY - b.startY);
}

/** Legal breaks inside a top-level block, kept for blocks' flows made by blockFlow. */
function blockCuts(block: FlowNode): Cut[] {
  const reading = flowReadings.get(block);
  if (reading?.cuts) return reading.cuts;
  const inside = cutsWithin(block);
  const cuts = block.kind === 'text' ? inside : keepLinesTogether(inside, blockBands(block), block);
  if (reading) reading.cuts = cuts;
  return cuts;
}
