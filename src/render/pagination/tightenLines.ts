import type { LaidOutNode, TextLine } from './laidOut.ts';

interface Glyph {
  codePoints?: number[];
}
interface Run {
  xAdvance?: number;
  glyphs?: Glyph[];
  positions?: Array<{ xAdvance: number }>;
  attributes: Record<string, unknown>;
}
interface DecorationLine {
  rect: { x: number; y: number; width: number; height: number };
}
type Line = Omit<TextLine, 'runs'> & { runs: Run[]; decorationLines?: DecorationLine[]; overflowLeft?: number };

/** Word spaces shrink by at most this share of their width, as textkit's line breaker allows for. */
const MAX_SHRINK = 1 / 3;
const SPACE = 0x20;
const isSpace = (glyph: Glyph | undefined) => glyph?.codePoints?.length === 1 && glyph.codePoints[0] === SPACE;

/**
 * react-pdf's line breaker (Knuth and Plass, in @react-pdf/textkit) may end a line a few points
 * past its measure, counting on the word spaces to shrink by up to a third, but it only ever
 * shrinks them in justified text: a left-aligned line then runs past its box (react-pdf issue
 * #2182). Such lines get exactly that shrink here, spread over their spaces, so every line
 * ends inside its box. Lines are replaced, never changed in place (layouts may share them).
 */
export function tightenOverfullLines(node: LaidOutNode): void {
  if (node.type === 'TEXT' && node.lines && node.box) {
    const box = node.box;
    const measure = box.width - (box.paddingLeft ?? 0) - (box.paddingRight ?? 0) - (box.borderLeftWidth ?? 0) - (box.borderRightWidth ?? 0);
    let changed = false;
    const lines = node.lines.map((line) => {
      const tightened = tightenLine(line as unknown as Line, measure) as unknown as TextLine;
      changed ||= tightened !== line;
      return tightened;
    });
    if (changed) node.lines = lines;
    return;
  }
  for (const child of node.children ?? []) tightenOverfullLines(child);
}

function tightenLine(line: Line, measure: number): Line {
  const width = line.box.x + (line.xAdvance ?? 0) - (line.overflowRight ?? 0);
  const excess = width - measure;
  if (excess <= 0.01) return line;
  // Spaces inside the line, not the one hanging at its end.
  const lastRun = line.runs.length - 1;
  const inner = line.runs.map((run, runIndex) => {
    const glyphs = run.glyphs ?? [];
    let end = glyphs.length;
    if (runIndex === lastRun) while (end > 0 && isSpace(glyphs[end - 1])) end -= 1;
    return glyphs.slice(0, end).reduce((total, glyph, index) => total + (isSpace(glyph) ? run.positions![index]!.xAdvance : 0), 0);
  });
  const spaceWidth = inner.reduce((total, value) => total + value, 0);
  if (spaceWidth * MAX_SHRINK < excess) return line;
  const ratio = excess / spaceWidth;
  const xAdvance = (line.xAdvance ?? 0) - excess;
  const starts: Array<{ before: number; after: number; width: number }> = [];
  let before = 0;
  let after = 0;
  const runs = line.runs.map((run, runIndex) => {
    const glyphs = run.glyphs ?? [];
    let end = glyphs.length;
    if (runIndex === lastRun) while (end > 0 && isSpace(glyphs[end - 1])) end -= 1;
    const positions = (run.positions ?? []).map((position, index) =>
      index < end && isSpace(glyphs[index]) ? { ...position, xAdvance: position.xAdvance * (1 - ratio) } : position,
    );
    const runAdvance = (run.xAdvance ?? 0) - inner[runIndex]! * ratio;
    starts.push({ before, after, width: runAdvance });
    before += run.xAdvance ?? 0;
    after += runAdvance;
    return { ...run, positions, xAdvance: runAdvance };
  });
  // Underlines (links) follow their runs to the new positions.
  const decorationLines = line.decorationLines?.map((decoration) => {
    const run = starts.find((start) => Math.abs(start.before + (line.overflowLeft ?? 0) - decoration.rect.x) < 0.01);
    if (!run) return decoration;
    const x = run.after + (line.overflowLeft ?? 0);
    return { ...decoration, rect: { ...decoration.rect, x, width: Math.min(run.width, xAdvance - (line.overflowRight ?? 0) - x) } };
  });
  return { ...line, runs, xAdvance, ...(decorationLines ? { decorationLines } : {}) } as Line;
}
