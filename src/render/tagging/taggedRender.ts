import renderLayout from '@react-pdf/render';
import * as P from '@react-pdf/primitives';
import { numberGlyphsById } from '../perf/glyphNumbering.ts';
import { keepUntilNextRender } from '../perf/keptShapes.ts';
import type { Semantics } from '../semantics.ts';
import { ContentMarker, type ContentKind, type MarkTarget } from './contentMarker.ts';
import { LinkTracker } from './linkTracker.ts';
import type { PdfKitDocument, PdfStructElement } from './pdfkitTypes.ts';
import { StructureTree } from './structureTree.ts';
import { drawTextNode } from './textDrawMemo.ts';

/**
 * The project's own tag-aware render pass over @react-pdf/layout's output.
 *
 * Why not patch @react-pdf/render: it exports only `render(ctx, doc)`, and a patch would have
 * to follow every release. Instead this pass walks the laid-out tree itself and hands each
 * node, without its children, to the unmodified upstream `render`, so all drawing stays
 * upstream's. Before each node it sets where the node's content belongs (a structure element
 * from the `semantics` prop, or an artifact), and a ContentMarker wraps each drawing
 * operation in matching marked content. Children are then walked in order, so structure
 * order equals reading order.
 */

export interface LayoutNode {
  type: string;
  box?: { left: number; top: number; width: number; height: number; borderTopWidth?: number; borderRightWidth?: number; borderBottomWidth?: number; borderLeftWidth?: number };
  style?: Record<string, unknown>;
  props?: Record<string, unknown> & { semantics?: Semantics; fixed?: boolean };
  children?: LayoutNode[];
  lines?: Array<{ string: string; runs: Array<{ start: number; end: number; attributes: { link?: string } }> }>;
}

type Context =
  | { kind: 'none' }
  | { kind: 'artifact'; type: 'Pagination' | 'Layout' | 'Background' }
  | { kind: 'struct'; element: PdfStructElement; role: string; semantics: Extract<Semantics, { key: string }> };

/** Nodes whose children upstream draws itself (text runs, SVG shapes). */
const drawsOwnChildren = (node: LayoutNode) => node.type === P.Text || node.type === P.Svg;

/** Styles under which children can't be drawn apart from their parent. */
const needsWholeSubtree = (node: LayoutNode) =>
  node.style?.overflow === 'hidden' || (Array.isArray(node.style?.transform) && node.style.transform.length > 0);

export class UntaggedContentError extends Error {}

/**
 * A plain view with nothing of its own to draw: no background, border, clip, transform, named
 * destination, bookmark or debug outline. Upstream's renderNode would write only a save, a
 * translate and two restores for it (@react-pdf/render 4.7's renderNode, whose steps
 * each test these same fields), so the pass skips the call; its children are still walked.
 */
const drawsNothingOfItsOwn = (node: LayoutNode): boolean => {
  if (node.type !== P.View) return false;
  const { style, props, box } = node;
  if (style?.backgroundColor || style?.overflow === 'hidden' || style?.transform !== undefined) return false;
  if (box && (box.borderTopWidth || box.borderRightWidth || box.borderBottomWidth || box.borderLeftWidth)) return false;
  return props === undefined || !('id' in props || 'transform' in props || props.debug || props.bookmark);
};

const hasStructSemantics = (node: LayoutNode): boolean =>
  (node.props?.semantics !== undefined && node.props.semantics.role !== 'Artifact') || (node.children ?? []).some(hasStructSemantics);

export function renderTagged(doc: PdfKitDocument, root: LayoutNode): void {
  // Glyph numbers fixed by the whole document first, so each page's content depends on the page alone.
  numberGlyphsById(doc as never, root as never);
  const tree = new StructureTree(doc);
  const links = new LinkTracker(doc, destinationTexts(root));
  let context: Context = { kind: 'none' };
  let untaggedText = false;

  const structTarget = (ctx: Extract<Context, { kind: 'struct' }>): MarkTarget => ({
    kind: 'struct',
    element: ctx.element,
    tag: ctx.role,
  });

  const marker = new ContentMarker(doc, {
    targetFor(kind: ContentKind): MarkTarget {
      if (kind === 'text') {
        const link = links.takeTargetForTextObject();
        if (link) return { kind: 'struct', element: link, tag: 'Link' };
      }
      if (context.kind === 'artifact') return { kind: 'artifact', type: context.type };
      if (context.kind === 'struct') {
        // Shapes are decoration unless they are the figure itself (a QR code, say).
        if (kind === 'path' && context.role !== 'Figure') return { kind: 'artifact', type: 'Layout' };
        if (kind === 'text') tree.noteHeadingDrawn(context.semantics);
        return structTarget(context);
      }
      // Not thrown here: react-pdf draws glyphs inside a try/catch that only logs. Recorded, then
      // raised once drawing returns.
      if (kind === 'text') untaggedText = true;
      return { kind: 'artifact', type: 'Layout' };
    },
  });

  const pdfkitLink = Object.getPrototypeOf(doc).link as PdfKitDocument['link'];
  doc.link = (x, y, w, h, url, options) => {
    const tagged = links.annotationOptions(url);
    return pdfkitLink.call(doc, x, y, w, h, url, { ...options, ...tagged });
  };
  // react-pdf draws a link to `#name` (a named destination) with goTo instead of link.
  const pdfkitGoTo = Object.getPrototypeOf(doc).goTo as PdfKitDocument['goTo'];
  doc.goTo = (x, y, w, h, name, options) => {
    const tagged = links.annotationOptions(`#${name}`);
    return pdfkitGoTo.call(doc, x, y, w, h, name, { ...options, ...tagged });
  };
  // Upstream `render` ends the document after every call; we call it once per node.
  doc.end = () => {};

  const drawNodeAlone = (node: LayoutNode, withChildren: boolean) => {
    const alone = withChildren || !node.children?.length ? node : { ...node, children: [] };
    renderLayout(doc as never, { children: [alone] } as never);
  };

  const contextFor = (node: LayoutNode, parent: Context): Context => {
    if (parent.kind === 'artifact') return parent;
    if (node.props?.fixed) return { kind: 'artifact', type: 'Pagination' };
    const semantics = node.props?.semantics;
    if (!semantics) return parent;
    if (semantics.role === 'Artifact') return { kind: 'artifact', type: semantics.artifact };
    const parentElement = parent.kind === 'struct' ? parent.element : tree.root;
    return { kind: 'struct', element: tree.elementFor(semantics, parentElement), role: semantics.role, semantics };
  };

  const walk = (node: LayoutNode, parent: Context) => {
    const own = contextFor(node, parent);
    context = own;
    const whole = drawsOwnChildren(node) || needsWholeSubtree(node);
    // Upstream draws such a subtree in one go, so roles inside it could not be told apart: refuse
    // rather than tag their content with the wrong element.
    if (whole && !drawsOwnChildren(node) && (node.children ?? []).some(hasStructSemantics)) {
      throw new UntaggedContentError('A clipped or transformed view contains tagged elements: move the roles outside it');
    }
    if (node.type === P.Text) links.beginTextNode(node.lines, own.kind === 'struct' ? own.element : null);
    if (node.type === P.Text) drawTextNode(doc as never, marker, node, () => drawNodeAlone(node, whole));
    else if (!drawsNothingOfItsOwn(node)) drawNodeAlone(node, whole);
    if (node.type === P.Text) links.endTextNode();
    if (whole || !node.children?.length) return;
    doc.save();
    if (node.box) doc.translate(node.box.left, node.box.top);
    for (const child of node.children) walk(child, own);
    doc.restore();
    context = own;
  };

  try {
    for (const page of root.children ?? []) walk(page, { kind: 'none' });
    if (untaggedText) throw new UntaggedContentError('Text drawn outside any tagged element: give its component a semantic role');
  } finally {
    marker.uninstall();
    // pdfkit's own methods back by assignment: `delete` would turn the document into a
    // dictionary-mode object, whose earlier hidden classes then die with it (perf/keptShapes.ts).
    doc.link = pdfkitLink;
    doc.goTo = pdfkitGoTo;
    doc.end = Object.getPrototypeOf(doc).end as PdfKitDocument['end'];
    keepUntilNextRender('tagged render', { doc, marker, links, tree });
  }
}

/**
 * On an element whose named destination was moved to a marker of its own (pagination does so
 * to place it, see composeDocument.ts): the destination's name, so links to it are still
 * described by the element's text.
 */
export const DESTINATION_OF = 'destinationOf';

/** Text under each element with an `id` (a named destination), without its own links' text. */
function destinationTexts(root: LayoutNode): Map<string, string> {
  const texts = new Map<string, string>();
  const textOf = (node: LayoutNode): string =>
    node.lines
      ? node.lines.map((line) => line.runs.filter((run) => !run.attributes.link).map((run) => line.string.slice(run.start, run.end)).join('')).join(' ')
      : (node.children ?? []).map(textOf).join(' ');
  const visit = (node: LayoutNode) => {
    const id = node.props?.[DESTINATION_OF] ?? node.props?.id;
    if (typeof id === 'string' && !texts.has(id)) {
      const text = textOf(node).replace(/\s+/g, ' ').trim();
      // An empty marker holds only the place; the element it marks holds the words.
      if (text !== '') texts.set(id, text);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return texts;
}
