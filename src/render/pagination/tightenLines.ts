import type { LaidOutNode, TextLine } from './laidOut.ts';

interface Glyph {
  codePoints?: number[];
  /** In font units. */
  advanceWidth?: number;
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

/** Word spaces keep at least half their natural width. */
const MIN_SPACE = 0.5;
const SPACE = 0x20;
const isSpace = (glyph: Glyph | undefined) => glyph?.codePoints?.length === 1 && glyph.codePoints[0] === SPACE;

/**
 * react-pdf's line breaker (Knuth and Plass, in @react-pdf/textkit) may end a line a few points
 * past its measure, counting on the word spaces to shrink, and then shrinks them only part of
 * the way: the line runs past its box (react-pdf issue #2182). Such lines get the rest of that
 * shrink here, spread over their word spaces (each keeps at least half its natural width), so
 * they end inside their box; anything still longer is left for the layout check to report.
 * Lines are replaced, never changed in place (layouts may share them).
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
  // How much each word space inside the line (not the one hanging at its end) can give.
  const lastRun = line.runs.length - 1;
  const room = line.runs.map((run, runIndex) => {
    const glyphs = run.glyphs ?? [];
    let end = glyphs.length;
    if (runIndex === lastRun) while (end > 0 && isSpace(glyphs[end - 1])) end -= 1;
    const font = (run.attributes.font as Array<{ unitsPerEm?: number }> | undefined)?.[0];
    const scale = Number(run.attributes.fontSize ?? 12) / (font?.unitsPerEm ?? 1000);
    return (run.positions ?? []).map((position, index) => {
      const glyph = glyphs[index];
      if (index >= end || !isSpace(glyph)) return 0;
      const natural = glyph?.advanceWidth !== undefined ? glyph.advanceWidth * scale : position.xAdvance;
      return Math.max(0, position.xAdvance - MIN_SPACE * natural);
    });
  });
  const available = room.flat().reduce((total, value) => total + value, 0);
  if (available < excess) return line;
  const share = excess / available;
  const starts: Array<{ before: number; after: number; width: number }> = [];
  let before = 0;
  let after = 0;
  const runs = line.runs.map((run, runIndex) => {
    const give = room[runIndex]!;
    const positions = (run.positions ?? []).map((position, index) =>
      give[index]! > 0 ? { ...position, xAdvance: position.xAdvance - give[index]! * share } : position,
    );
    const runAdvance = (run.xAdvance ?? 0) - give.reduce((total, value) => total + value, 0) * share;
    starts.push({ before, after, width: runAdvance });
    before += run.xAdvance ?? 0;
    after += runAdvance;
    return { ...run, positions, xAdvance: runAdvance };
  });
  const xAdvance = (line.xAdvance ?? 0) - excess;
  // Underlines (links) follow their runs to the new positions.
  const decorationLines = line.decorationLines?.map((decoration) => {
    const run = starts.find((start) => Math.abs(start.before + (line.overflowLeft ?? 0) - decoration.rect.x) < 0.01);
    if (!run) return decoration;
    const x = run.after + (line.overflowLeft ?? 0);
    return { ...decoration, rect: { ...decoration.rect, x, width: Math.min(run.width, xAdvance - (line.overflowRight ?? 0) - x) } };
  });
  return { ...line, runs, xAdvance, ...(decorationLines ? { decorationLines } : {}) } as Line;
}

/**
 * Text still wider than its box after tightening, by structure key (a text's own, or its
 * table cell's): how many points each one's measure must lose for it to fit.
 */
export function overfullTexts(node: LaidOutNode, key?: string, found = new Map<string, number>()): Map<string, number> {
  const semantics = node.props?.semantics;
  const own = semantics && 'key' in semantics ? semantics.key : key;
  if (node.type === 'TEXT' && node.lines && node.box && own) {
    const box = node.box;
    const measure = box.width - (box.paddingLeft ?? 0) - (box.borderLeftWidth ?? 0) - (box.borderRightWidth ?? 0);
    for (const line of node.lines) {
      const excess = line.box.x + (line.xAdvance ?? 0) - (line.overflowRight ?? 0) - measure;
      if (excess > 0.5) found.set(own, Math.max(found.get(own) ?? 0, excess));
    }
    return found;
  }
  for (const child of node.children ?? []) overfullTexts(child, own, found);
  return found;
}

/** Adds the measure each overfull text must lose to what it already loses (plus a point to spare). */
export const narrowerMeasures = (current: ReadonlyMap<string, number>, overfull: ReadonlyMap<string, number>): Map<string, number> =>
  new Map([...current, ...[...overfull].map(([key, excess]) => [key, (current.get(key) ?? 0) + excess + 1] as const)]);
