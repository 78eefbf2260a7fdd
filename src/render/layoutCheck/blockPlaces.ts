import type { Block, SourcePosition } from '../../compile/model.ts';

/**
 * Where each structure key of the leaflet comes from in its Markdown file: a block's own
 * position, and for keys inside it (list items, table rows and cells) the block's.
 */
export function blockPlaces(blocks: Block[]): Map<string, SourcePosition> {
  const places = new Map<string, SourcePosition>();
  const visit = (block: Block, inherited: SourcePosition | undefined) => {
    const position = block.position ?? inherited;
    if (position) places.set(block.key, position);
    if (block.type === 'list') {
      for (const item of block.items) {
        const first = item.children[0]?.position ?? position;
        if (first) places.set(item.key, first);
        for (const child of item.children) visit(child, first);
      }
    }
    if (block.type === 'callout') for (const child of block.children) visit(child, position);
    if (block.type === 'table' && position) {
      for (const key of [block.headerKey, ...block.rowKeys, ...block.header.map((cell) => cell.key), ...block.rows.flat().map((cell) => cell.key)]) {
        places.set(key, position);
      }
    }
  };
  for (const block of blocks) visit(block, undefined);
  return places;
}
