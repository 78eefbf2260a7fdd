import { DESTINATION_OF, type LayoutNode } from '../tagging/taggedRender.ts';
import { asLayoutNode, type LaidOutNode } from './laidOut.ts';
import type { PaginatedBody } from './paginateBody.ts';

/**
 * Cover, body pages, `notesPages` ruled notes pages and the back page, as one laid-out
 * document ready for page numbers and drawing.
 */
export function composeDocument(cover: LaidOutNode, body: PaginatedBody, notesPages = 0): LayoutNode {
  const pages = [cover, ...body.bodyPages, ...Array.from({ length: notesPages }, () => body.notesPage), body.backPage];
  return asLayoutNode({ ...body.root, children: pages.map(liftDestinations) });
}

/**
 * react-pdf places a named destination (an element's `id`, e.g. a source a citation links to)
 * at the element's box as if it were relative to the page, but nested boxes are relative to
 * their parent. Each one is moved to an empty marker at the element's place on the page.
 */
function liftDestinations(page: LaidOutNode): LaidOutNode {
  const markers: LaidOutNode[] = [];
  const visit = (node: LaidOutNode, left: number, top: number, isPage: boolean): LaidOutNode => {
    const box = node.box;
    const x = isPage ? 0 : left + (box?.left ?? 0);
    const y = isPage ? 0 : top + (box?.top ?? 0);
    const id = node.props?.id;
    let result = node;
    if (!isPage && typeof id === 'string') {
      markers.push({ type: 'VIEW', style: {}, props: { id }, box: { left: x, top: y, width: 0, height: 0 }, children: [] });
      const { id: _moved, ...props } = node.props!;
      result = { ...node, props: { ...props, [DESTINATION_OF]: id } };
    }
    if (!result.children?.length || node.type === 'TEXT') return result;
    const children = result.children.map((child) => visit(child, x, y, false));
    return children.every((child, index) => child === result.children![index]) ? result : { ...result, children };
  };
  const visited = visit(page, 0, 0, true);
  return markers.length === 0 ? visited : { ...visited, children: [...(visited.children ?? []), ...markers] };
}
