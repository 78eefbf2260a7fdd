import type { LayoutNode } from '../tagging/taggedRender.ts';

/**
 * The parts of react-pdf's laid-out nodes that pagination and the layout check read. Boxes
 * are relative to the parent's border box; a text node's lines are relative to its first line.
 */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
  paddingTop?: number;
  paddingBottom?: number;
  paddingLeft?: number;
  paddingRight?: number;
  borderTopWidth?: number;
  borderBottomWidth?: number;
  borderLeftWidth?: number;
  borderRightWidth?: number;
  marginTop?: number;
  marginBottom?: number;
  marginLeft?: number;
}

export interface TextLine {
  string: string;
  box: { x: number; y: number; width: number; height: number };
  /** Advance of the whole line, trailing space included. */
  xAdvance?: number;
  /** Trailing whitespace hanging past the line's end. */
  overflowRight?: number;
  runs: Array<{ start: number; end: number; attributes: Record<string, unknown> }>;
}

export type LaidOutNode = Omit<LayoutNode, 'box' | 'children' | 'lines'> & {
  box?: Box;
  children?: LaidOutNode[];
  lines?: TextLine[];
};

export const asLaidOut = (node: LayoutNode): LaidOutNode => node as unknown as LaidOutNode;
export const asLayoutNode = (node: LaidOutNode): LayoutNode => node as unknown as LayoutNode;

export const isTextNode = (node: LaidOutNode) => node.type === 'TEXT';
export const isAbsolute = (node: LaidOutNode) => node.style?.position === 'absolute';

/** Top padding plus border: what a box draws above its content. */
export const edgeTop = (box: Box | undefined) => (box?.paddingTop ?? 0) + (box?.borderTopWidth ?? 0);
export const edgeBottom = (box: Box | undefined) => (box?.paddingBottom ?? 0) + (box?.borderBottomWidth ?? 0);

/** Does the node draw a background or a border? */
export function isDecorated(node: LaidOutNode): boolean {
  const box = node.box;
  if (!box) return false;
  if (node.style?.backgroundColor) return true;
  return (box.borderTopWidth ?? 0) + (box.borderBottomWidth ?? 0) + (box.borderLeftWidth ?? 0) + (box.borderRightWidth ?? 0) > 0;
}

/**
 * A page laid out unpaginated (`wrap={false}`) is as tall as its content in react-pdf's layout,
 * and boxes placed from its bottom (the running footer) sit at the foot of that content.
 * react-pdf draws a page at its box size, so the box gets the paper's height back and those
 * boxes move to the foot of the paper.
 */
export function withPaperHeight(page: LaidOutNode): LaidOutNode {
  const height = page.style?.height;
  if (typeof height !== 'number' || !page.box || page.box.height === height) return page;
  const shift = height - page.box.height;
  const anchoredBelow = (node: LaidOutNode) => isAbsolute(node) && node.style?.bottom !== undefined && node.style?.top === undefined;
  return {
    ...page,
    box: { ...page.box, height },
    children: (page.children ?? []).map((child) =>
      anchoredBelow(child) && child.box ? { ...child, box: { ...child.box, top: child.box.top + shift } } : child,
    ),
  };
}
