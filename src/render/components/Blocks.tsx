import { Image, Text, View } from '@react-pdf/renderer';
import type { Block, ListBlock, TableBlock } from '../../compile/model.ts';
import { semantic } from '../semantics.ts';
import type { LeafletStyles } from '../styles.ts';
import { Inlines, plainText } from './Inlines.tsx';

interface BlockProps {
  styles: LeafletStyles;
  /** Paragraphs inside list items and callouts drop their bottom margin. */
  compact?: boolean;
}

/** Blocks short enough to move to the next page together with the heading above them. */
const MAX_ITEMS_KEPT_WITH_HEADING = 4;
const keepsWithHeading = (block: Block | undefined): block is Block =>
  block !== undefined &&
  (block.type === 'paragraph' ||
    block.type === 'callout' ||
    block.type === 'image' ||
    (block.type === 'list' && block.items.length <= MAX_ITEMS_KEPT_WITH_HEADING) ||
    (block.type === 'table' && block.rows.length <= MAX_ITEMS_KEPT_WITH_HEADING));

export function Blocks({ blocks, styles, compact }: BlockProps & { blocks: Block[] }) {
  const rendered = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    const next = blocks[index + 1];
    const node = <BlockNode key={block.key} block={block} styles={styles} compact={compact} />;
    if (block.type === 'heading' && keepsWithHeading(next)) {
      // A heading never sits alone at the foot of a page: it moves with the block it introduces.
      // (react-pdf's minPresenceAhead both strands headings and leaves gaps; an unbreakable group does neither.)
      rendered.push(
        <View key={`${block.key}-group`} wrap={false}>
          {node}
          <BlockNode block={next} styles={styles} compact={compact} />
        </View>,
      );
      index += 1;
    } else if (block.type === 'heading' && next?.type === 'list') {
      // A long list: the heading moves with its first item only. Both parts carry the list's
      // key, so the tagging pass makes them one L element, as for any block split across pages.
      rendered.push(
        <View key={`${block.key}-group`} wrap={false}>
          {node}
          <List list={next} styles={styles} items={[0, 1]} />
        </View>,
        <List key={`${next.key}-rest`} list={next} styles={styles} items={[1, next.items.length]} />,
      );
      index += 1;
    } else {
      rendered.push(node);
    }
  }
  return <>{rendered}</>;
}

function BlockNode({ block, styles, compact }: BlockProps & { block: Block }) {
  switch (block.type) {
    case 'heading': {
      const role = block.depth === 3 ? 'H3' : 'H2';
      return (
        <Text
          style={block.depth === 3 ? styles.h3 : styles.h2}
          {...semantic({ role, key: block.key, outline: plainText(block.children) })}
        >
          <Inlines inlines={block.children} styles={styles} />
        </Text>
      );
    }
    case 'paragraph':
      return (
        <Text style={compact ? styles.listParagraph : styles.paragraph} {...semantic({ role: 'P', key: block.key })}>
          <Inlines inlines={block.children} styles={styles} />
        </Text>
      );
    case 'list':
      return <List list={block} styles={styles} />;
    case 'image':
      return <Image src={block.src} style={styles.image} {...semantic({ role: 'Figure', key: block.key, alt: block.alt })} />;
    case 'callout':
      return (
        <View style={styles.callout} {...semantic({ role: 'Note', key: block.key })}>
          <Blocks blocks={block.children} styles={styles} compact />
        </View>
      );
    case 'table':
      return <Table table={block} styles={styles} />;
    case 'rule':
      return <View style={styles.rule} {...semantic({ role: 'Artifact', artifact: 'Layout' })} />;
  }
}

/** A list, or the part of it from `items[0]` up to (not including) `items[1]`. */
function List({ list, styles, items = [0, list.items.length] }: { list: ListBlock; styles: LeafletStyles; items?: [number, number] }) {
  const [first, end] = items;
  const isLastPart = end === list.items.length;
  return (
    <View style={isLastPart ? styles.list : undefined} {...semantic({ role: 'L', key: list.key })}>
      {list.items.slice(first, end).map((item, offset) => (
        <View key={item.key} style={styles.listItem} wrap={false} {...semantic({ role: 'LI', key: item.key })}>
          <Text style={styles.listLabel} {...semantic({ role: 'Lbl', key: `${item.key}-label` })}>
            {list.ordered ? `${list.start + first + offset}.` : '•'}
          </Text>
          <View style={styles.listBody} {...semantic({ role: 'LBody', key: `${item.key}-body` })}>
            <Blocks blocks={item.children} styles={styles} compact />
          </View>
        </View>
      ))}
    </View>
  );
}

function Table({ table, styles }: { table: TableBlock; styles: LeafletStyles }) {
  return (
    <View style={styles.table} {...semantic({ role: 'Table', key: table.key })}>
      <View style={styles.tableRow} wrap={false} {...semantic({ role: 'TR', key: table.headerKey })}>
        {table.header.map((cell) => (
          <View key={cell.key} style={styles.tableHeaderCell} {...semantic({ role: 'TH', key: cell.key, scope: 'Column' })}>
            <Text style={styles.tableHeaderText}>
              <Inlines inlines={cell.children} styles={styles} />
            </Text>
          </View>
        ))}
      </View>
      {table.rows.map((row, rowIndex) => (
        <View key={table.rowKeys[rowIndex]} style={styles.tableRow} wrap={false} {...semantic({ role: 'TR', key: table.rowKeys[rowIndex]! })}>
          {row.map((cell) => (
            <View key={cell.key} style={styles.tableCell} {...semantic({ role: 'TD', key: cell.key })}>
              <Text style={styles.tableText}>
                <Inlines inlines={cell.children} styles={styles} />
              </Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
