/**
 * Cuts a leaflet body (a Handlebars template) into pieces that can be templated one at a time,
 * so that after an edit only the changed piece is parsed and compiled again, and the output of
 * an unchanged piece can be reused.
 *
 * A cut falls only at the start of a line that follows a blank line, outside every `{{…}}`
 * and every block (`{{#…}}…{{/…}}`). There, the template's output is the output of the part
 * before plus the output of the part after: each top-level statement is run alone with the
 * same context, and Handlebars' standalone-line rules, which look at the text on either side
 * of a statement, see a line start on both sides of the cut. Constructs that reach further
 * make the whole body one piece: `~` whitespace control (it strips across lines), raw blocks
 * (`{{{{raw}}}}`) and escaped mustaches (`\{{`). A piece that does not parse on its own means
 * the cut was wrong, and the caller templates the whole body instead.
 * tests/compile/templatePieces.test.ts compares the result with templating the whole body.
 */

import { cutAfterBlankLines } from './blankLineCuts.ts';

export interface TemplatePiece {
  text: string;
  /** Line (0-based) of the piece's first line in the whole body. */
  line: number;
}

const REACHES_ACROSS_LINES = /\{\{~|~\}\}|\{\{\{\{|\\\{\{/;

interface Mustache {
  open: number;
  /** Index just after the closing braces (the body's length when it never closes). */
  end: number;
  /** +1 opens a block, -1 closes one. */
  depthChange: number;
}

/** Every `{{…}}` (comments included) in order, with how it changes the block depth. */
function mustachesOf(body: string): Mustache[] {
  const found: Mustache[] = [];
  for (let open = body.indexOf('{{'); open !== -1; ) {
    const closer = body.startsWith('{{!--', open) ? '--}}' : '}}';
    const close = body.indexOf(closer, open + 2);
    const end = close === -1 ? body.length : close + closer.length;
    const inner = body.slice(open + 2, close === -1 ? body.length : close);
    // As templateDepth: `{{#x}}` and `{{^x}}` open a block, `{{^}}` is an else, `{{/x}}` closes one.
    const depthChange = /^[#^][^}\s]/.test(inner) ? 1 : inner.startsWith('/') ? -1 : 0;
    found.push({ open, end, depthChange });
    if (close === -1) break;
    open = body.indexOf('{{', end);
  }
  return found;
}

export function splitTemplateIntoPieces(body: string): TemplatePiece[] {
  if (REACHES_ACROSS_LINES.test(body)) return [{ text: body, line: 0 }];
  const mustaches = mustachesOf(body);
  let next = 0;
  let depth = 0;
  // Cuts are asked for in order of the text, so the mustaches are walked once.
  const outsideEveryBlock = (_line: string, lineStart: number): boolean => {
    // Mustaches that end before this line starts have set the depth; one still open here forbids a cut.
    while (next < mustaches.length && mustaches[next]!.end <= lineStart) depth += mustaches[next++]!.depthChange;
    const insideMustache = next < mustaches.length && mustaches[next]!.open < lineStart;
    return depth === 0 && !insideMustache;
  };
  return cutAfterBlankLines(body, outsideEveryBlock).map(({ text, line }) => ({ text, line }));
}
