/**
 * Props components set on react-pdf elements to tell pagination (and the layout check) what a
 * box is. Like `semantics`, they pass through layout untouched.
 */

/** A heading or title: no page break straight after it. */
export const KEEP_WITH_NEXT = 'keepWithNext';

/** A table's header row: drawn again, as an artifact, at the top of each page the table continues on. */
export const REPEAT_ON_CONTINUATION = 'repeatOnContinuation';

/** Running header or footer: `'header'` or `'footer'`. */
export const FURNITURE = 'furniture';

/** On page nodes: what the page is, for the layout check. */
export const PAGE_ROLE = 'pageRole';
export type PageRole = 'cover' | 'body' | 'notes' | 'back';

/**
 * On page nodes: the insets of the area text must stay inside (the margins), in points, so the
 * layout check knows them whatever the page's padding says.
 */
export const TEXT_AREA = 'textArea';
export interface TextAreaInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
