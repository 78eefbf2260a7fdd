import { FURNITURE, PAGE_ROLE, TEXT_AREA, type PageRole, type TextAreaInsets } from '../pagination/flowProps.ts';
import { isDecorated, type LaidOutNode, type TextLine } from '../pagination/laidOut.ts';
import type { StructRole } from '../semantics.ts';

/** A box on a page with its absolute position and what it belongs to. */
export interface PlacedBox {
  node: LaidOutNode;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Structure keys at and above it, nearest first (a table cell's, its row's, its table's). */
  keys: string[];
  /** Role of the node itself. */
  role?: StructRole | 'Artifact';
  /** Running header, footer or any artifact: not leaflet content. */
  artifact: boolean;
  /** Index of the nearest decorated ancestor in `PageBoxes.boxes`, if any. */
  decoratedParent?: number;
}

/** A drawn line of text or picture, absolute on the page. */
export interface Ink {
  box: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Text lines only: the text. */
  text?: string;
}

export interface PageBoxes {
  page: LaidOutNode;
  role: PageRole;
  width: number;
  height: number;
  textArea: TextAreaInsets;
  boxes: PlacedBox[];
  ink: Ink[];
  hasHeader: boolean;
  hasFooter: boolean;
}

/** Width a text line's glyphs take, without trailing space. */
export const inkWidth = (line: TextLine) => (line.xAdvance ?? line.box.width) - (line.overflowRight ?? 0);

const roleFromPosition = (index: number, count: number): PageRole => (index === 0 ? 'cover' : index === count - 1 ? 'back' : 'body');

/** Every box and every drawn line or picture of one page, with absolute positions. */
export function walkPage(page: LaidOutNode, index: number, count: number): PageBoxes {
  const box = page.box!;
  const padding = { top: box.paddingTop ?? 0, right: box.paddingRight ?? 0, bottom: box.paddingBottom ?? 0, left: box.paddingLeft ?? 0 };
  const result: PageBoxes = {
    page,
    role: (page.props?.[PAGE_ROLE] as PageRole | undefined) ?? roleFromPosition(index, count),
    width: box.width,
    height: box.height,
    textArea: (page.props?.[TEXT_AREA] as TextAreaInsets | undefined) ?? padding,
    boxes: [],
    ink: [],
    hasHeader: false,
    hasFooter: false,
  };
  const visit = (node: LaidOutNode, left: number, top: number, inherited: { keys: string[]; artifact: boolean; decorated?: number }) => {
    const nodeBox = node.box;
    const x = left + (nodeBox?.left ?? 0);
    const y = top + (nodeBox?.top ?? 0);
    const semantics = node.props?.semantics;
    const furniture = node.props?.[FURNITURE];
    if (furniture === 'header') result.hasHeader = true;
    if (furniture === 'footer') result.hasFooter = true;
    const artifact = inherited.artifact || Boolean(node.props?.fixed) || semantics?.role === 'Artifact';
    const keys = semantics && 'key' in semantics ? [semantics.key, ...inherited.keys] : inherited.keys;
    const placed: PlacedBox = {
      node,
      left: x,
      top: y,
      right: x + (nodeBox?.width ?? 0),
      bottom: y + (nodeBox?.height ?? 0),
      keys,
      ...(semantics ? { role: semantics.role } : {}),
      artifact,
      ...(inherited.decorated !== undefined ? { decoratedParent: inherited.decorated } : {}),
    };
    const index = result.boxes.push(placed) - 1;
    if (node.type === 'TEXT') {
      const lines = node.lines ?? [];
      const first = lines[0]?.box.y ?? 0;
      const textLeft = x + (nodeBox?.paddingLeft ?? 0);
      const textTop = y + (nodeBox?.paddingTop ?? 0);
      for (const line of lines) {
        if (line.string.trim() === '') continue;
        const lineTop = textTop + line.box.y - first;
        result.ink.push({ box: index, left: textLeft + line.box.x, right: textLeft + line.box.x + inkWidth(line), top: lineTop, bottom: lineTop + line.box.height, text: line.string.trim() });
      }
      return;
    }
    if (node.type === 'IMAGE' || node.type === 'SVG') {
      result.ink.push({ box: index, left: placed.left, right: placed.right, top: placed.top, bottom: placed.bottom });
      return;
    }
    const decorated = isDecorated(node) ? index : inherited.decorated;
    for (const child of node.children ?? []) visit(child, x, y, { keys, artifact, ...(decorated !== undefined ? { decorated } : {}) });
  };
  for (const child of page.children ?? []) visit(child, 0, 0, { keys: [], artifact: false });
  return result;
}

/** The boxes' ink: for each box, the indexes of ink drawn inside its subtree. */
export function inkByBox(pageBoxes: PageBoxes): Map<number, Ink[]> {
  const byBox = new Map<number, Ink[]>();
  const parentOf = new Map<LaidOutNode, number>();
  pageBoxes.boxes.forEach((placed, index) => {
    for (const child of placed.node.children ?? []) parentOf.set(child, index);
  });
  for (const ink of pageBoxes.ink) {
    for (let index: number | undefined = ink.box; index !== undefined; index = parentOf.get(pageBoxes.boxes[index]!.node)) {
      const list = byBox.get(index) ?? [];
      list.push(ink);
      byBox.set(index, list);
    }
  }
  return byBox;
}
