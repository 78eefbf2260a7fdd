import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Block, Inline, TableBlock } from '../compile/model.ts';
import { isAllowedLink } from '../load/linkPolicy.ts';

/**
 * The HTML edition's handlers: one per block and inline type of the leaflet model. The maps are
 * typed over the model's unions, so a new block or inline type fails to compile until HTML
 * handles it (as the PDF's components must).
 */
export interface HtmlContext {
  /** Translate a key in the leaflet's locale. */
  t: (key: string, options?: Record<string, unknown>) => string;
  /** The `src` for a local image: copied into the output folder under a content-hashed name. */
  imageHref: (absolutePath: string) => string;
  /** A unique, readable `id` for a heading (`side-effects`, `side-effects-1`). */
  headingId: (text: string) => string;
  /** A name for a callout box, unique on the page (landmarks with one name cannot be told apart). */
  calloutLabel: (lead: string | undefined) => string;
  /** The `id` of the last heading rendered: a table's scroll box is named by the heading above it. */
  lastHeadingId?: string;
}

type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;
type InlineOf<T extends Inline['type']> = Extract<Inline, { type: T }>;

export type BlockHandlers = { [T in Block['type']]: (block: BlockOf<T>, context: HtmlContext) => ElementContent[] };
export type InlineHandlers = { [T in Inline['type']]: (inline: InlineOf<T>, context: HtmlContext) => ElementContent[] };

/** The text of inlines, as a screen reader or a heading id would have it. */
export const inlineText = (inlines: Inline[]): string =>
  inlines.map((inline) => ('value' in inline ? inline.value : 'children' in inline ? inlineText(inline.children) : ' ')).join('');

export const inlineHandlers: InlineHandlers = {
  text: (inline) => [{ type: 'text', value: inline.value }],
  code: (inline) => [h('code', inline.value)],
  break: () => [h('br')],
  strong: (inline, context) => [h('strong', renderInlines(inline.children, context))],
  emphasis: (inline, context) => [h('em', renderInlines(inline.children, context))],
  // The PDF prints a link's address after its text; on screen the link itself is enough.
  // The compile stage refuses other links; checked again here, as the PDF's link annotations are.
  link: (inline, context) =>
    isAllowedLink(inline.url) ? [h('a', { href: inline.url }, renderInlines(inline.children, context))] : renderInlines(inline.children, context),
  // "[2, 5]" as the PDF prints it, each number a link to its entry in the page's source list.
  citation: (inline) => [
    { type: 'text', value: '[' },
    ...inline.sources.flatMap((source, index): ElementContent[] => [
      ...(index > 0 ? [{ type: 'text' as const, value: ', ' }] : []),
      h('a', { href: `#${source.targetId}`, className: ['citation'] }, String(source.number)),
    ]),
    { type: 'text', value: ']' },
  ],
};

const ALIGN_CLASS = { left: 'align-left', right: 'align-right', center: 'align-center' } as const;

/** The bold words a block opens with, without their full stop. */
function leadOf(blocks: Block[]): string | undefined {
  const first = blocks[0];
  const opening = first?.type === 'paragraph' ? first.children[0] : undefined;
  return opening?.type === 'strong' ? inlineText(opening.children).trim().replace(/[.:]$/, '') || undefined : undefined;
}

/** A wide table scrolls in its own box on a narrow screen; the box takes keyboard focus so it can scroll. */
function table(block: TableBlock, context: HtmlContext): ElementContent[] {
  const alignOf = (column: number) => {
    const align = block.align[column];
    return align ? { className: [ALIGN_CLASS[align]] } : {};
  };
  return [
    h('div', { className: ['table'], role: 'group', tabIndex: 0, ...(context.lastHeadingId ? { ariaLabelledBy: context.lastHeadingId } : {}) }, [
      h('table', [
        h('thead', [h('tr', block.header.map((cell, column) => h('th', { scope: 'col', ...alignOf(column) }, renderInlines(cell.children, context))))]),
        h(
          'tbody',
          block.rows.map((row) => h('tr', row.map((cell, column) => h('td', alignOf(column), renderInlines(cell.children, context))))),
        ),
      ]),
    ]),
  ];
}

export const blockHandlers: BlockHandlers = {
  heading: (block, context) => {
    const text = inlineText(block.children);
    // The page's only h1 is the title; body headings keep their depth (## is h2).
    const tag = block.depth === 3 ? 'h3' : 'h2';
    context.lastHeadingId = context.headingId(text);
    return [h(tag, { id: context.lastHeadingId }, renderInlines(block.children, context))];
  },
  paragraph: (block, context) => [h('p', renderInlines(block.children, context))],
  list: (block, context) =>
    [
      h(
        block.ordered ? 'ol' : 'ul',
        block.ordered && block.start !== 1 ? { start: block.start } : {},
        block.items.map((item) => h('li', renderListItem(item.children, context))),
      ),
    ],
  image: (block, context) => [
    h('figure', [
      h('img', { src: context.imageHref(block.src), alt: block.alt }),
      ...(block.title ? [h('figcaption', block.title)] : []),
    ]),
  ],
  // A callout box is an aside with a label, so a screen reader announces it as one: its bold
  // opening words ("Key message.") when it has them.
  callout: (block, context) => [
    h('aside', { className: ['callout'], ariaLabel: context.calloutLabel(leadOf(block.children)) }, renderBlocks(block.children, context)),
  ],
  table,
  rule: () => [h('hr')],
};

export function renderInlines(inlines: Inline[], context: HtmlContext): ElementContent[] {
  return inlines.flatMap((inline) => (inlineHandlers[inline.type] as (i: Inline, c: HtmlContext) => ElementContent[])(inline, context));
}

export function renderBlocks(blocks: Block[], context: HtmlContext): ElementContent[] {
  return blocks.flatMap((block) => (blockHandlers[block.type] as (b: Block, c: HtmlContext) => ElementContent[])(block, context));
}

/** A tight list item holding one paragraph renders its text directly, without a `p`. */
function renderListItem(children: Block[], context: HtmlContext): ElementContent[] {
  const [only] = children;
  if (children.length === 1 && only?.type === 'paragraph') return renderInlines(only.children, context);
  return renderBlocks(children, context);
}
