import type { PageSpan } from './breakPages.ts';
import type { FlowNode } from './flow.ts';
import { edgeBottom, edgeTop, type LaidOutNode } from './laidOut.ts';

const EPSILON = 0.01;

interface Placed {
  node: LaidOutNode;
  /** Absolute on the page. */
  top: number;
  bottom: number;
}

/**
 * The boxes of one page, cut from the galley between two breaks. A box split by a break is
 * drawn whole on both pages (padding, border and background, as CSS `box-decoration-break:
 * clone`), a split paragraph keeps its lines on each side, and a table continued from the
 * page before starts with its header row again, drawn as an artifact. `contentTop` is where
 * the page's text area starts.
 */
export function slicePage(blocks: FlowNode[], span: PageSpan, contentTop: number): LaidOutNode[] {
  const origin = contentTop + span.from.opening - span.from.startY;
  const page: Page = { startY: span.from.startY, endY: span.to.endY, map: (y) => origin + y };
  return blocks.flatMap((block) => {
    const placed = slice(block, page, contentTop);
    return placed ? [positioned(placed, 0)] : [];
  });
}

interface Page {
  startY: number;
  endY: number;
  /** Galley y -> page y, for content that starts on this page. */
  map: (y: number) => number;
}

const positioned = (placed: Placed, parentTop: number): LaidOutNode => ({
  ...placed.node,
  box: { ...placed.node.box!, top: placed.top - parentTop },
});

function slice(flow: FlowNode, page: Page, stackTop: number): Placed | null {
  if (flow.bottom <= page.startY + EPSILON || flow.top >= page.endY - EPSILON) return null;
  const whole = flow.top >= page.startY - EPSILON && flow.bottom <= page.endY + EPSILON;
  if (whole) return { node: flow.node, top: page.map(flow.top), bottom: page.map(flow.bottom) };
  switch (flow.kind) {
    case 'text':
      return sliceText(flow, page);
    case 'atom':
      // Only a box taller than the page straddles a break: it stays whole where it starts.
      return flow.top >= page.startY - EPSILON ? { node: flow.node, top: page.map(flow.top), bottom: page.map(flow.bottom) } : null;
    default:
      return sliceBox(flow, page, stackTop);
  }
}

function sliceText(flow: FlowNode, page: Page): Placed | null {
  const kept = flow.lines.flatMap((line, index) =>
    line.top >= page.startY - EPSILON && line.bottom <= page.endY + EPSILON ? [index] : [],
  );
  if (kept.length === 0) return null;
  const first = kept[0]!;
  const last = kept[kept.length - 1]!;
  const box = flow.node.box!;
  const startsHere = first === 0;
  const endsHere = last === flow.lines.length - 1;
  const top = page.map(flow.lines[first]!.top) - (startsHere ? edgeTop(box) : 0);
  const bottom = page.map(flow.lines[last]!.bottom) + (endsHere ? edgeBottom(box) : 0);
  const node: LaidOutNode = {
    ...flow.node,
    box: {
      ...box,
      height: bottom - top,
      ...(startsHere ? {} : { paddingTop: 0, borderTopWidth: 0, marginTop: 0 }),
      ...(endsHere ? {} : { paddingBottom: 0, borderBottomWidth: 0, marginBottom: 0 }),
    },
    lines: flow.node.lines!.slice(first, last + 1),
  };
  return { node, top, bottom };
}

/** Column or row split by a break: its decoration is drawn again around each part. */
function sliceBox(flow: FlowNode, page: Page, stackTop: number): Placed | null {
  const continued = flow.top < page.startY - EPSILON;
  const continues = flow.bottom > page.endY + EPSILON;
  const top = continued ? stackTop : page.map(flow.top);
  let inner = top + edgeTop(flow.node.box);
  const children: Placed[] = [];
  if (continued && flow.repeatHeader) {
    const header = flow.repeatHeader;
    const height = header.bottom - header.top;
    children.push({ node: asRepeatedHeader(header.node), top: inner, bottom: inner + height });
    inner += height;
  }
  const content: Placed[] = [];
  for (const child of flow.children) {
    const placed = slice(child, page, inner);
    if (placed) content.push(placed);
  }
  // Nothing of it on this page: no box either (an empty decorated box is a defect).
  if (content.length === 0) return null;
  children.push(...content);
  const bottom = continues ? Math.max(...content.map((child) => child.bottom)) + edgeBottom(flow.node.box) : page.map(flow.bottom);
  const node: LaidOutNode = {
    ...flow.node,
    box: { ...flow.node.box!, height: bottom - top },
    children: children.map((child) => positioned(child, top)),
  };
  return { node, top, bottom };
}

/** A header row drawn again on a continuation page: the same boxes, read once by screen readers (an artifact). */
const asRepeatedHeader = (node: LaidOutNode): LaidOutNode => ({
  ...node,
  props: { ...node.props, semantics: { role: 'Artifact', artifact: 'Pagination' } },
});
