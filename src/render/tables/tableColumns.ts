import type { Inline, TableBlock } from '../../compile/model.ts';
import type { HyphenationCallback } from './hyphenation.ts';
import type { MeasureText } from './measureText.ts';

export interface TableMetrics {
  /** Width inside the table's border, in points. */
  innerWidth: number;
  /** Horizontal padding on each side of a cell. */
  cellPadding: number;
  fontSize: number;
  measure: MeasureText;
  hyphenate: HyphenationCallback;
}

const cellText = (inlines: Inline[]): string =>
  inlines.map((inline) => ('value' in inline ? inline.value : 'children' in inline ? cellText(inline.children) : ' ')).join('');

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Room for the hyphen textkit adds at a break, and for rounding in its line breaker. */
const HYPHEN_ALLOWANCE = 0.45;

interface ColumnNeeds {
  /** Widest text of a cell on one line: the width that wraps nothing. */
  full: number;
  /** Longest word: the width that breaks no word. */
  word: number;
  /** Longest piece a word can be hyphenated into, with its hyphen: the narrowest usable width. */
  piece: number;
}

function columnNeeds(cells: Array<{ text: string; bold: boolean }>, metrics: TableMetrics): ColumnNeeds {
  const { measure, fontSize, hyphenate, cellPadding } = metrics;
  const pad = 2 * cellPadding + 1;
  let full = 0;
  let word = 0;
  let piece = 0;
  for (const { text, bold } of cells) {
    full = Math.max(full, measure(text.trim(), fontSize, bold));
    for (const each of text.split(/\s+/).filter(Boolean)) {
      word = Math.max(word, measure(each, fontSize, bold));
      const parts = hyphenate(each);
      parts.forEach((part, index) => {
        const hyphen = index < parts.length - 1 ? HYPHEN_ALLOWANCE * fontSize : 0;
        piece = Math.max(piece, measure(part, fontSize, bold) + hyphen);
      });
    }
  }
  return { full: full + pad, word: word + pad, piece: piece + pad };
}

/** Shares `width` between columns: each gets its `low`, then the rest in proportion to what it still wants up to `high`. */
function share(width: number, low: number[], high: number[]): number[] {
  const spare = width - sum(low);
  const wanted = high.map((value, index) => Math.max(0, value - low[index]!));
  const totalWanted = sum(wanted);
  if (totalWanted <= 0) return low.map((value) => value + spare / low.length);
  const ratio = Math.min(1, spare / totalWanted);
  const widths = low.map((value, index) => value + wanted[index]! * ratio);
  // Anything left once every column has all it wants goes to the columns in proportion to their text.
  const left = width - sum(widths);
  return left > 0.01 ? widths.map((value, index) => value + (left * high[index]!) / sum(high)) : widths;
}

/**
 * Column widths that follow the content, as a browser's automatic table layout does: every
 * column first gets room for its longest word (or, when that cannot fit, its longest
 * hyphenated piece), then the remaining width goes where text would otherwise wrap most.
 * Returns points, summing to `innerWidth`.
 */
export function tableColumnWidths(table: TableBlock, metrics: TableMetrics): number[] {
  const columns = table.header.map((_, column) => [
    { text: cellText(table.header[column]!.children), bold: true },
    ...table.rows.map((row) => ({ text: cellText(row[column]?.children ?? []), bold: false })),
  ]);
  const needs = columns.map((cells) => columnNeeds(cells, metrics));
  const { innerWidth } = metrics;
  const full = needs.map((need) => need.full);
  const word = needs.map((need) => need.word);
  const piece = needs.map((need) => need.piece);
  if (sum(word) <= innerWidth) return share(innerWidth, word, full);
  if (sum(piece) <= innerWidth) return share(innerWidth, piece, word);
  // Even hyphenated the words do not fit: share in proportion; the layout check reports the overflow.
  return piece.map((value) => (value * innerWidth) / sum(piece));
}
