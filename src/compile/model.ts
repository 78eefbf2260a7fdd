/**
 * The leaflet model: what Markdown compiles to and what the React components render.
 * Small and typed on purpose: every block kind here has a component, a structure role
 * for tagging, and a test. Positions point back to the Markdown source for diagnostics.
 */
export interface SourcePosition {
  line: number;
  column: number;
}

/** One source a citation points to: its key in the front matter, its number in the source list, and the list item's id. */
export interface CitedSource {
  key: string;
  number: number;
  /** Id of the numbered source-list entry (a PDF named destination, an HTML fragment). */
  targetId: string;
}

export type Inline =
  | { type: 'text'; value: string }
  /** `[@key]` or `[@a; @b]` in Markdown: printed as reference numbers linked to the source list. */
  | { type: 'citation'; sources: CitedSource[]; position?: SourcePosition }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'code'; value: string }
  | { type: 'break' }
  | { type: 'link'; url: string; children: Inline[]; position?: SourcePosition };

export interface BlockBase {
  /** Stable id, unique within the leaflet (`b12`); the tagging pass maps layout nodes to structure elements by it. */
  key: string;
  position?: SourcePosition;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  depth: 1 | 2 | 3;
  children: Inline[];
}
export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  children: Inline[];
}
export interface ListItem {
  key: string;
  children: Block[];
}
export interface ListBlock extends BlockBase {
  type: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
}
export interface ImageBlock extends BlockBase {
  type: 'image';
  /** Absolute path to a local file inside the project. */
  src: string;
  alt: string;
  title?: string;
}
export interface CalloutBlock extends BlockBase {
  type: 'callout';
  children: Block[];
}
export interface TableCell {
  key: string;
  children: Inline[];
}
export interface TableBlock extends BlockBase {
  type: 'table';
  align: Array<'left' | 'right' | 'center' | null>;
  header: TableCell[];
  rows: TableCell[][];
  rowKeys: string[];
  headerKey: string;
}
export interface RuleBlock extends BlockBase {
  type: 'rule';
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | ImageBlock
  | CalloutBlock
  | TableBlock
  | RuleBlock;

export interface LeafletBody {
  blocks: Block[];
}
