/**
 * A linear pass over Markdown text, before it is parsed, that refuses shapes the parser cannot
 * handle in reasonable time or stack: containers (block quotes, list items, indentation) or
 * brackets nested thousands deep, and so many emphasis or link marks that pairing them up
 * (which the parser does pairwise within a paragraph) would take minutes.
 */
import { raiseLimitNote, type Limits } from '../load/limits.ts';

export interface ShapeProblem {
  /** 1-based Markdown line and column. */
  line: number;
  column: number;
  rule: string;
  message: string;
  note: string;
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/** Columns of leading whitespace (a tab advances to the next multiple of 4) and where the text starts. */
function indentation(line: string): { columns: number; start: number } {
  let columns = 0;
  let start = 0;
  for (; start < line.length; start += 1) {
    if (line[start] === ' ') columns += 1;
    else if (line[start] === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return { columns, start };
}

/**
 * About how deeply a line is nested: each `>` and list marker at its start is a level, and so
 * is every 2 columns of indentation (how nested `-` lists are written). An over-estimate for
 * lists indented further, which is fine for a limit well above what leaflets use.
 */
function containerDepth(line: string): number {
  if (THEMATIC_BREAK.test(line)) return 0;
  const { columns, start } = indentation(line);
  let depth = Math.floor(columns / 2);
  let rest = line.slice(start);
  for (;;) {
    if (rest.startsWith('>')) {
      rest = rest.slice(1).replace(/^[ \t]?/, '');
    } else {
      const marker = LIST_MARKER.exec(rest);
      if (!marker) break;
      rest = rest.slice(marker[0].length).replace(/^[ \t]+/, '');
    }
    depth += 1;
    rest = rest.replace(/^ {0,3}/, '');
  }
  return depth;
}

export function markdownShapeProblems(markdown: string, limits: Pick<Limits, 'markdownDepth' | 'inlineMarks'>): ShapeProblem[] {
  const lines = markdown.split('\n');
  let deepestContainer: { depth: number; line: number } | undefined;
  let deepestBrackets: { depth: number; line: number; column: number } | undefined;
  let brackets = 0;
  let marks = 0;
  let marksExceededAt: { line: number; column: number } | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '') {
      brackets = 0;
      continue;
    }
    const depth = containerDepth(line);
    if (depth > limits.markdownDepth && (deepestContainer === undefined || depth > deepestContainer.depth)) {
      deepestContainer = { depth, line: index + 1 };
    }
    for (let column = 0; column < line.length; column += 1) {
      const char = line[column];
      if (char === '\\') {
        column += 1;
        continue;
      }
      if (char === '*' || char === '_' || char === '`') {
        while (line[column + 1] === char) column += 1;
      } else if (char === '[') {
        brackets += 1;
        if (brackets > limits.markdownDepth && (deepestBrackets === undefined || brackets > deepestBrackets.depth)) {
          deepestBrackets = { depth: brackets, line: index + 1, column: column + 1 };
        }
      } else if (char === ']') {
        brackets = Math.max(0, brackets - 1);
      } else if (char !== '<' && char !== '|') {
        continue;
      }
      marks += 1;
      if (marks === limits.inlineMarks + 1) marksExceededAt = { line: index + 1, column: column + 1 };
    }
  }
  const problems: ShapeProblem[] = [];
  if (deepestContainer) {
    problems.push({
      line: deepestContainer.line,
      column: 1,
      rule: 'nesting-limit',
      message: `Block quotes, lists or indentation nested about ${deepestContainer.depth} levels deep, over the limit of ${limits.markdownDepth}`,
      note: `Leaflets need a level or two: flatten the structure. ${raiseLimitNote('markdownDepth')}`,
    });
  }
  if (deepestBrackets) {
    problems.push({
      ...deepestBrackets,
      rule: 'nesting-limit',
      message: `Square brackets nested ${deepestBrackets.depth} deep, over the limit of ${limits.markdownDepth}`,
      note: `Close each [ with a ], or write \\[ for a bracket that is not a link. ${raiseLimitNote('markdownDepth')}`,
    });
  }
  if (marksExceededAt) {
    problems.push({
      ...marksExceededAt,
      rule: 'markup-limit',
      message: `${marks} emphasis, link, code and table marks (* _ [ ] \` < |), over the limit of ${limits.inlineMarks} for one leaflet`,
      note: `Use less formatting, or split the leaflet. ${raiseLimitNote('inlineMarks')}`,
    });
  }
  return problems;
}
