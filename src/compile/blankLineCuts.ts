/** A stretch of a text cut at line starts, and where it starts in the whole text. */
export interface TextPiece {
  text: string;
  /** Line (0-based) and offset of the piece's first character in the whole text. */
  line: number;
  offset: number;
}

/**
 * Cuts a text before each line that follows a blank line (only spaces or tabs) and that
 * `mayCutBefore` accepts, given the line's text and where it starts. Used to parse Markdown and
 * to template a leaflet body a piece at a time.
 */
export function cutAfterBlankLines(text: string, mayCutBefore: (line: string, lineStart: number) => boolean): TextPiece[] {
  const pieces: TextPiece[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  let previousBlank = false;
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineText = text.slice(lineStart, newline === -1 ? text.length : newline);
    const blank = lineText.trim() === '';
    if (previousBlank && !blank && lineStart > start && mayCutBefore(lineText, lineStart)) {
      pieces.push({ text: text.slice(start, lineStart), line: startLine, offset: start });
      start = lineStart;
      startLine = line;
    }
    previousBlank = blank;
    if (newline === -1) break;
    lineStart = newline + 1;
    line += 1;
  }
  pieces.push({ text: text.slice(start), line: startLine, offset: start });
  return pieces;
}
