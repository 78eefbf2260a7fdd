import type FontStore from '@react-pdf/font';
import type { Translate } from '../compile/leaflet.ts';
import { PAGE_NUMBER_SLOT, PageNumberSheet } from './components/PageFurniture.tsx';
import type { Edition } from './editions.ts';
import { layoutElement } from './layoutTree.ts';
import type { LeafletStyles } from './styles.ts';
import type { LayoutNode } from './tagging/taggedRender.ts';

const hasSlot = (node: LayoutNode): boolean => Boolean(node.props?.[PAGE_NUMBER_SLOT]) || (node.children ?? []).some(hasSlot);

/** A copy of `node` whose page-number footer holds `label`; nodes are copied along the way, as pages share fixed nodes. */
function withLabel(node: LayoutNode, label: LayoutNode[]): LayoutNode {
  if (node.props?.[PAGE_NUMBER_SLOT]) return { ...node, children: label };
  return { ...node, children: (node.children ?? []).map((child) => (hasSlot(child) ? withLabel(child, label) : child)) };
}

/**
 * Puts "Page x of y" into every page's footer after pagination.
 *
 * react-pdf's own way, a `render` prop, makes each page break lay out the whole rest of the
 * document once more, and every page once more at the end: about a third of a leaflet's render
 * time. Instead the footers are laid out with a placeholder, and once the page count is known
 * the real labels are typeset by react-pdf in a one-page document of the same size and styles;
 * each footer keeps its box and takes the laid-out label from there. Returns the numbered layout.
 */
export async function fillPageNumbers(
  layout: LayoutNode,
  { styles, edition, t, fontStore }: { styles: LeafletStyles; edition: Edition; t: Translate; fontStore: FontStore },
): Promise<LayoutNode> {
  const pages = layout.children ?? [];
  const numbered = pages.flatMap((page, index) => (hasSlot(page) ? [index] : []));
  if (numbered.length === 0) return layout;
  const labels = numbered.map((index) => t('page.ofTotal', { page: index + 1, total: pages.length }));
  const sheet = await layoutElement(<PageNumberSheet styles={styles} edition={edition} labels={labels} />, fontStore);
  const typeset = sheet.children?.[0]?.children ?? [];
  if (typeset.length !== labels.length) throw new Error(`Page numbers: ${typeset.length} labels laid out for ${labels.length} pages`);
  const children = [...pages];
  numbered.forEach((pageIndex, index) => {
    children[pageIndex] = withLabel(pages[pageIndex]!, typeset[index]!.children ?? []);
  });
  return { ...layout, children };
}
