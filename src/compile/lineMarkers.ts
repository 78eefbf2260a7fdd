/**
 * Keeping Markdown lines tied to file lines through Handlebars.
 *
 * Block helpers, comments and partials add and remove lines, so after templating line N of
 * the Markdown is not line N of the file. Before compiling, every text run of the leaflet's
 * template gets invisible markers (private-use characters) carrying the file line of the text
 * that follows; partial output gets a "same line" marker on each of its lines. After
 * templating the markers are read into a line map and removed, before Markdown parsing.
 *
 * Limitation: lines produced by a partial map to the line of the `{{> partial}}` call
 * in the leaflet, not to the partial file.
 */

const LINE_OPEN = '\uE000';
const LINE_CLOSE = '\uE001';
const SAME_LINE = '\uE002';
const ANY_MARKER = /\uE000\d*\uE001?|\uE001|\uE002/g;

export const stripLineMarkers = (text: string): string => text.replace(ANY_MARKER, '');

const lineMarker = (line: number): string => `${LINE_OPEN}${line}${LINE_CLOSE}`;

type Node = hbs.AST.Node & { body?: hbs.AST.Statement[]; program?: hbs.AST.Program; inverse?: hbs.AST.Program };

/**
 * Adds line markers to the text of a parsed (whitespace-controlled) template, in place.
 * `firstLine` is the file line of the template's line 1.
 */
export function markTemplateLines(program: hbs.AST.Program, firstLine: number): void {
  const visit = (node: Node | undefined): void => {
    if (node === undefined) return;
    if (node.type === 'ContentStatement') {
      markContent(node as hbs.AST.ContentStatement, firstLine);
      return;
    }
    for (const child of node.body ?? []) visit(child as Node);
    visit(node.program as Node | undefined);
    visit(node.inverse as Node | undefined);
  };
  visit(program as Node);
}

/**
 * Where whitespace control's trimmed `value` starts in `original`. A standalone line
 * (`{{/if}}`, `{{> partial}}` alone on a line) strips spaces and one line end after it; `~}}`
 * strips all white space. Searching for `value` in `original` instead would find a value of
 * blank lines too early ("\n" in "\n\n"), a line too high.
 */
function valueStart(content: hbs.AST.ContentStatement, original: string): number {
  const value = content.value;
  const prefixStripped = (content as { rightStripped?: boolean }).rightStripped === true;
  if (!prefixStripped || value === '') return 0;
  const start = /^\s/.test(value) ? /^[ \t]*\r?\n?/.exec(original)![0].length : original.search(/\S|$/);
  return original.startsWith(value, start) ? start : Math.max(0, original.indexOf(value));
}

/** Gives each newline in a text run the file line of the text after it. */
function markContent(content: hbs.AST.ContentStatement, firstLine: number): void {
  const value = content.value;
  const original = content.original as unknown as string; // typed as StripFlags by mistake in @types
  const start = valueStart(content, original);
  let line = content.loc.start.line + countNewlines(original.slice(0, start)) + firstLine - 1;
  let marked = lineMarker(line);
  for (const char of value) {
    marked += char;
    if (char === '\n') {
      line += 1;
      marked += lineMarker(line);
    }
  }
  content.value = marked;
}

const countNewlines = (text: string): number => text.split('\n').length - 1;

/** Marks every line of a partial's output after its first as "same line as the call". */
export const markPartialOutput = (output: string): string => output.replace(/\n(?!$)/g, `\n${SAME_LINE}`);

/**
 * Reads the markers out of templated text: returns the clean text and, for each of its lines
 * (0-based index), the file line it came from.
 */
export function resolveLineMarkers(marked: string, fallbackFirstLine: number): { text: string; lineMap: number[] } {
  const lineMap: number[] = [];
  let previous = fallbackFirstLine - 1;
  const lines = marked.split('\n');
  for (const line of lines) {
    previous = sourceLineOf(line, previous);
    lineMap.push(previous);
  }
  return { text: lines.map(stripLineMarkers).join('\n'), lineMap };
}

/**
 * The file line of one output line: the last line marker before its first visible
 * character; else a "same line" marker there; else any line marker; else the line after
 * the previous one.
 */
function sourceLineOf(line: string, previous: number): number {
  let leading: number | undefined;
  let sameLine = false;
  let anywhere: number | undefined;
  let beforeText = true;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === LINE_OPEN) {
      const close = line.indexOf(LINE_CLOSE, index);
      const number = Number(line.slice(index + 1, close));
      if (beforeText) leading = number;
      anywhere ??= number;
      index = close;
    } else if (char === SAME_LINE) {
      if (beforeText) sameLine = true;
    } else if (char !== undefined && !/\s/.test(char)) {
      beforeText = false;
      if (anywhere !== undefined) break;
    }
  }
  if (leading !== undefined) return leading;
  if (sameLine) return previous;
  return anywhere ?? previous + 1;
}
