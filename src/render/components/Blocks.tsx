import { Image, Text, View } from '@react-pdf/renderer';
import type { Block, Inline, ListBlock, TableBlock } from '../../compile/model.ts';
import { KEEP_WITH_NEXT, REPEAT_ON_CONTINUATION } from '../pagination/flowProps.ts';
import type { GalleyItem } from '../pagination/galley.ts';
import { semantic } from '../semantics.ts';
import type { GalleyStyles } from '../styles.ts';
import { longWordBreaker, type HyphenationCallback } from '../tables/hyphenation.ts';
import type { MeasureText } from '../tables/measureText.ts';
import { tableColumnWidths } from '../tables/tableColumns.ts';
import { Inlines, plainText } from './Inlines.tsx';
import { UNBROKEN_WORDS, useNarrowing } from './narrowText.ts';

/** What blocks need to lay themselves out: styles, the column's width, and text measuring for tables. */
export interface BlockContext {
  styles: GalleyStyles;
  /** Width of the column the blocks sit in, in points. */
  width: number;
  measure: MeasureText;
  /** Table cells only: body text is never hyphenated. */
  hyphenate: HyphenationCallback;
}

interface BlockProps {
  context: BlockContext;
  /** Paragraphs inside list items and callouts drop their bottom margin. */
  compact?: boolean;
}

/** A paragraph that is all bold (a callout's title, say) introduces what follows it, like a heading. */
const isTitle = (inlines: Inline[]) =>
  inlines.length > 0 && inlines.every((inline) => inline.type === 'strong' || (inline.type === 'text' && inline.value.trim() === ''));

/** A paragraph ending in a colon (before any citation) introduces what follows it: "For example:". */
const introducesNext = (inlines: Inline[]) => {
  const words = inlines.filter((inline) => inline.type !== 'citation');
  return /:\s*$/.test(plainText(words));
};

/**
 * Blocks as a flat run of boxes. Pagination (src/render/pagination/) decides where pages break:
 * headings, titles and introductions are marked to keep with what follows, nothing is grouped here.
 */
export function Blocks({ blocks, context, compact }: BlockProps & { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block) => (
        <BlockNode key={block.key} block={block} context={context} compact={compact} />
      ))}
    </>
  );
}

/** Source positions point back to the Markdown for diagnostics; they do not change a block's layout. */
const layoutFields = (field: string, value: unknown) => (field === 'position' ? undefined : value);

/**
 * Top-level body blocks as galley items (pagination/galley.ts), each remembered by its model.
 * Images are laid out every time: the model holds the file's path, not its bytes.
 */
export function blockGalleyItems(blocks: Block[], context: BlockContext): GalleyItem[] {
  return blocks.map((block) => {
    const content = layoutContentOf(block);
    const element = <BlockNode key={block.key} block={block} context={context} />;
    return content === null ? { element } : { element, content };
  });
}

/** Each block's memo content, written once: every copy-fit trial and edition of a compiled leaflet lays out the same block objects. Null for a block with an image. */
const layoutContents = new WeakMap<Block, string | null>();
function layoutContentOf(block: Block): string | null {
  let content = layoutContents.get(block);
  if (content === undefined) {
    const written = JSON.stringify(block, layoutFields);
    content = written.includes('"type":"image"') ? null : written;
    layoutContents.set(block, content);
  }
  return content;
}

function BlockNode({ block, context, compact }: BlockProps & { block: Block }) {
  const { styles } = context;
  const narrow = useNarrowing();
  switch (block.type) {
    case 'heading': {
      const role = block.depth === 3 ? 'H3' : 'H2';
      return (
        <Text
          style={[block.depth === 3 ? styles.h3 : styles.h2, narrow(block.key)]}
          {...UNBROKEN_WORDS}
          {...{ [KEEP_WITH_NEXT]: true }}
          {...semantic({ role, key: block.key, outline: plainText(block.children) })}
        >
          <Inlines inlines={block.children} styles={styles} />
        </Text>
      );
    }
    case 'paragraph':
      return (
        <Text
          style={[compact ? styles.listParagraph : styles.paragraph, narrow(block.key)]}
          {...UNBROKEN_WORDS}
          {...(isTitle(block.children) || introducesNext(block.children) ? { [KEEP_WITH_NEXT]: true } : {})}
          {...semantic({ role: 'P', key: block.key })}
        >
          <Inlines inlines={block.children} styles={styles} />
        </Text>
      );
    case 'list':
      return <List list={block} context={context} />;
    case 'image':
      return <Image src={block.src} style={styles.image} {...semantic({ role: 'Figure', key: block.key, alt: block.alt })} />;
    case 'callout': {
      const inset = styles.callout.paddingHorizontal * 2 + styles.callout.borderLeftWidth;
      return (
        <View style={styles.callout} {...semantic({ role: 'Note', key: block.key })}>
          <Blocks blocks={block.children} context={{ ...context, width: context.width - inset }} compact />
        </View>
      );
    }
    case 'table':
      return <Table table={block} context={context} />;
    case 'rule':
      return <View style={styles.rule} {...semantic({ role: 'Artifact', artifact: 'Layout' })} />;
  }
}

function List({ list, context }: { list: ListBlock; context: BlockContext }) {
  const { styles } = context;
  const body = { ...context, width: context.width - styles.listLabel.width };
  return (
    <View style={styles.list} {...semantic({ role: 'L', key: list.key })}>
      {list.items.map((item, index) => (
        <View key={item.key} style={styles.listItem} {...semantic({ role: 'LI', key: item.key })}>
          <Text style={styles.listLabel} {...semantic({ role: 'Lbl', key: `${item.key}-label` })}>
            {list.ordered ? `${list.start + index}.` : '•'}
          </Text>
          <View style={styles.listBody} {...semantic({ role: 'LBody', key: `${item.key}-body` })}>
            <Blocks blocks={item.children} context={body} compact />
          </View>
        </View>
      ))}
    </View>
  );
}

/**
 * A table whose column widths follow its content. Cells may hyphenate long words (in the
 * leaflet's language); the header row is repeated, as an artifact, where the table continues
 * on a new page.
 */
function Table({ table, context }: { table: TableBlock; context: BlockContext }) {
  const { styles, measure, hyphenate } = context;
  const narrow = useNarrowing();
  const border = styles.table.borderWidth;
  const widths = tableColumnWidths(table, {
    innerWidth: context.width - 2 * border,
    cellPadding: styles.tableCell.padding,
    fontSize: styles.tableText.fontSize,
    measure,
    hyphenate,
  });
  // Only a word wider than its column may break, at a syllable: shorter words wrap whole.
  const fontSize = styles.tableText.fontSize;
  const breakLongWords = (column: number, bold: boolean) => longWordBreaker(measure, hyphenate, widths[column]! - 2 * styles.tableCell.padding, fontSize, bold);
  return (
    <View style={styles.table} {...semantic({ role: 'Table', key: table.key })}>
      <View style={styles.tableRow} {...{ [REPEAT_ON_CONTINUATION]: true }} {...semantic({ role: 'TR', key: table.headerKey })}>
        {table.header.map((cell, column) => (
          <View key={cell.key} style={{ ...styles.tableHeaderCell, width: widths[column] }} {...semantic({ role: 'TH', key: cell.key, scope: 'Column' })}>
            <Text style={[styles.tableHeaderText, narrow(cell.key)]} hyphenationCallback={breakLongWords(column, true)}>
              <Inlines inlines={cell.children} styles={styles} />
            </Text>
          </View>
        ))}
      </View>
      {table.rows.map((row, rowIndex) => (
        <View key={table.rowKeys[rowIndex]} style={styles.tableRow} {...semantic({ role: 'TR', key: table.rowKeys[rowIndex]! })}>
          {row.map((cell, column) => (
            <View key={cell.key} style={{ ...styles.tableCell, width: widths[column] }} {...semantic({ role: 'TD', key: cell.key })}>
              <Text style={[styles.tableText, narrow(cell.key)]} hyphenationCallback={breakLongWords(column, false)}>
                <Inlines inlines={cell.children} styles={styles} />
              </Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

