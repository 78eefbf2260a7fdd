import type { ReactElement } from 'react';
import * as ReactPdf from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import type FontStore from '@react-pdf/font';
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

/** React element -> react-pdf node tree -> laid-out pages (boxes, lines, runs). */
export async function layoutElement(element: ReactElement, fontStore: FontStore): Promise<LayoutNode> {
  reconciler ??= createRenderer({});
  const container: { type: 'ROOT'; document: unknown } = { type: 'ROOT', document: null };
  const mountNode = reconciler.createContainer(container);
  reconciler.updateContainer(element, mountNode, null, () => {});
  try {
    const layout = layoutDocument as unknown as (doc: unknown, fonts: FontStore) => Promise<LayoutNode>;
    return dropInvisibleStandardFontRuns(await layout(container.document, fontStore));
  } finally {
    // Unmount so the reconciler lets go of this leaflet's tree: watch mode renders for hours.
    reconciler.updateContainer(null, mountNode, null, () => {});
  }
}
