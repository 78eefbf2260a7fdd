import { statSync } from 'node:fs';
import type { ReactElement } from 'react';
import * as ReactPdf from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import type FontStore from '@react-pdf/font';
import { imageSource } from './imageSource.ts';
import { pageMemo } from './perf/boxMemos.ts';
import { memoKey } from './perf/memoKey.ts';
import { dropInvisibleStandardFontRuns } from './standardFontRuns.ts';
// Registers the memos that textkit's engine and the style resolver consult (see perf/).
import './perf/textLayoutMemo.ts';
import './perf/styleMemo.ts';
import type { LayoutNode } from './tagging/taggedRender.ts';

// React warns when several reconcilers share one module; react-pdf keeps a single one too.
interface Reconciler {
  createContainer(container: unknown): unknown;
  updateContainer(element: ReactElement | null, mountNode: unknown, parent: null, callback: () => void): void;
}
// `createRenderer` is exported at runtime but missing from react-pdf's type declarations.
const createRenderer = (ReactPdf as unknown as { createRenderer(options: object): Reconciler }).createRenderer;
let reconciler: Reconciler | undefined;
/** The last tree laid out, unmounted when the next layout finishes. */
let lastMounted: unknown;

/** A node of the tree react-pdf's reconciler builds, before layout. */
interface PdfNode {
  type: string;
  props?: Record<string, unknown>;
  children?: PdfNode[];
}

const layout = layoutDocument as unknown as (doc: PdfNode, fonts: FontStore) => Promise<LayoutNode>;

export interface LayoutElementOptions {
  /** Pages (by position in the document) laid out without the page memo: never looked up, never kept. */
  unrememberedPages?: readonly number[];
}

/** React element -> react-pdf node tree -> laid-out pages (boxes, lines, runs). */
export async function layoutElement(element: ReactElement, fontStore: FontStore, options: LayoutElementOptions = {}): Promise<LayoutNode> {
  reconciler ??= createRenderer({});
  const container: { type: 'ROOT'; document: PdfNode | null } = { type: 'ROOT', document: null };
  const mountNode = reconciler.createContainer(container);
  reconciler.updateContainer(element, mountNode, null, () => {});
  try {
    return await layoutPages(withImageBytes(container.document!), fontStore, options.unrememberedPages ?? []);
  } finally {
    // The reconciler lets go of each tree once the next layout has finished (watch mode renders
    // for hours), not at once: one tree kept mounted keeps its objects' hidden classes, and with
    // them the reconciler's optimized code, through a full collection (perf/keptShapes.ts).
    const previous = lastMounted;
    lastMounted = mountNode;
    if (previous !== undefined) reconciler.updateContainer(null, previous, null, () => {});
  }
}

/**
 * The tree with each image file it names handed to react-pdf as its bytes (imageSource.ts), so
 * every image, whichever component shows it, is read again when its file changes.
 */
function withImageBytes(node: PdfNode): PdfNode {
  const src = node.type === 'IMAGE' ? node.props?.src : undefined;
  if (typeof src === 'string' && !src.startsWith('data:')) node.props = { ...node.props, src: imageSource(src) };
  for (const child of node.children ?? []) withImageBytes(child);
  return node;
}

/**
 * The files a page's images still name (those imageSource.ts hands on by path), with their
 * size and modification time, so a page is laid out again when such a file changes under the
 * same name; undefined when one cannot be read (the page is then laid out every time).
 */
function imageStamps(node: PdfNode, stamps: unknown[] = []): unknown[] | undefined {
  const src = node.type === 'IMAGE' ? node.props?.src : undefined;
  if (typeof src === 'string' && !src.startsWith('data:')) {
    try {
      const { size, mtimeMs } = statSync(src);
      stamps.push(src, size, mtimeMs);
    } catch {
      return undefined;
    }
  }
  for (const child of node.children ?? []) if (!imageStamps(child, stamps)) return undefined;
  return stamps;
}

/** The page's memo key: its node tree, the fonts and its image files; undefined if it cannot have one. */
function pageKey(page: PdfNode, fontStore: FontStore): string | undefined {
  const stamps = imageStamps(page);
  return stamps && memoKey(fontStore, page, stamps);
}

/**
 * Lays out a document, taking the pages laid out before from the page memo. react-pdf lays
 * out each page on its own, so a page is a function of its node tree and the fonts: the key
 * writes the tree out whole (memoKey.ts: callbacks by identity, so a page with one is reused
 * only within its render), and the files its images name are stamped (imageStamps). Only
 * unpaginated pages (`wrap={false}`, one laid-out page each) are kept.
 */
async function layoutPages(document: PdfNode, fontStore: FontStore, unremembered: readonly number[]): Promise<LayoutNode> {
  const pages = document.children ?? [];
  if (!pageMemo.enabled || pages.length === 0 || pages.some((page) => page.props?.wrap !== false)) return dropInvisibleStandardFontRuns(await layout(document, fontStore));
  const keys = pages.map((page, index) => (unremembered.includes(index) ? undefined : pageKey(page, fontStore)));
  let root: LayoutNode | undefined;
  const children = await pageMemo.recallOrMake(
    keys,
    async (missing) => {
      // The document's own node is laid out with the missing pages, or with none (react-pdf lays out an empty document).
      root = dropInvisibleStandardFontRuns(await layout({ ...document, children: missing.map((index) => pages[index]!) }, fontStore));
      return root.children ?? [];
    },
    'pages',
  );
  return { ...root!, children };
}
