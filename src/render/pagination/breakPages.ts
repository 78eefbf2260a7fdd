import type { Cut } from './flow.ts';

/** One page of body text: from the break before it to the break after it. */
export interface PageSpan {
  from: Pick<Cut, 'startY' | 'opening'>;
  to: Pick<Cut, 'endY' | 'closing'>;
  /** Height its content takes, decorations of split boxes included. */
  height: number;
  /** Lines of text on it (lines side by side count once). */
  lines: number;
}

export interface BreakOptions {
  /** Height of a page's text area. */
  pageHeight: number;
  /** Every line band of the galley, in order (see `bandsOf`). */
  bands: Array<{ top: number; bottom: number }>;
  /** Top of the first block and bottom of the last. */
  start: number;
  end: number;
}

/** A page with fewer lines than this is "stranded"; only a body shorter than that may have one. */
export const MIN_PAGE_LINES = 4;
/** Pages before the last are filled at least this much, where the breaks allow it. */
export const MIN_FILL = 0.6;
/**
 * The last page is filled at least this much where the breaks allow it without another page
 * falling below MIN_FILL: material moves to it from the pages before (balancing), so it never
 * holds a few stranded lines.
 */
export const MIN_LAST_FILL = 0.3;

const EPSILON = 0.01;

/** Index of the first value in a sorted array greater than `value` (or >= when `inclusive` is false... see callers). */
function upperBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Pages chosen by breakPages. */
export interface PageBreaks {
  spans: PageSpan[];
  /**
   * Height the last page would take were it not balanced (every page before it filled as
   * fully as the breaks allow): how much of a page the body really needs beyond the others,
   * which tells copy-fitting whether a tighter fit could save the page.
   */
  packedLastHeight: number;
}

/**
 * Chooses page breaks among the legal ones the way a typesetter would, by dynamic programming
 * over all of them (as Knuth and Plass break lines): first the fewest pages, then the least
 * badness. Badness grows with the empty space left at the foot of each page before the last
 * (more on earlier pages, steeply below 60% full) plus each break's penalty; a page of fewer than four lines is
 * allowed only when nothing else fits. A last page under MIN_LAST_FILL is balanced: it costs
 * more than emptying the pages before it a little, less than taking one below 60%, so
 * material moves to it at the cheapest legal break (a heading with its first lines, a whole
 * section) and the page count never grows. A block taller than a page is placed on its own
 * page (the layout check then reports it).
 */
export function breakPages(cuts: Cut[], options: BreakOptions): PageBreaks {
  const { pageHeight, bands, start, end } = options;
  const bandTops = bands.map((band) => band.top);
  const bandBottoms = bands.map((band) => band.bottom);
  const linesBetween = (from: number, to: number) =>
    Math.max(0, upperBound(bandBottoms, to + EPSILON) - upperBound(bandTops, from - EPSILON - 1e-9));
  const totalLines = bands.length;
  const points: Array<Cut> = [{ endY: start, startY: start, closing: 0, opening: 0, penalty: 0 }, ...cuts, { endY: end, startY: end, closing: 0, opening: 0, penalty: 0 }];
  const last = points.length - 1;
  type Path = { overflows: number; pages: number; cost: number; previous: number };
  const best: Array<Path | undefined> = [{ overflows: 0, pages: 0, cost: 0, previous: -1 }];
  const isBetter = (a: Path, b: Path | undefined) =>
    !b || a.overflows < b.overflows || (a.overflows === b.overflows && (a.pages < b.pages || (a.pages === b.pages && a.cost < b.cost)));
  // The last page as it falls when every page before is filled in order, before balancing.
  let packed: Path | undefined;

  for (let j = 1; j <= last; j += 1) {
    const to = points[j]!;
    let choice: Path | undefined;
    for (let i = j - 1; i >= 0; i -= 1) {
      const from = points[i]!;
      const reached = best[i];
      if (!reached || from.startY > to.endY - EPSILON) continue;
      if (to.endY - from.startY > pageHeight + EPSILON && i < j - 1) break;
      const height = to.endY - from.startY + from.opening + to.closing;
      // Too tall for a page: allowed only as the smallest step, when nothing smaller fits either.
      const overflow = height > pageHeight + EPSILON;
      if (overflow && i < j - 1) continue;
      const lines = linesBetween(from.startY, to.endY);
      let cost = to.penalty;
      if (lines < MIN_PAGE_LINES && totalLines >= MIN_PAGE_LINES) cost += 1e5;
      if (j < last) {
        // Empty space at a page's foot costs more the earlier the page: pages fill in order, and
        // what cannot fit shortens the page before the last rather than every page a little.
        const fill = height / pageHeight;
        const earliness = 1 + 1 / (reached.pages + 1);
        cost += 1000 * (1 - fill) * earliness + (fill < MIN_FILL ? 3000 : 0);
      }
      const candidate = { overflows: reached.overflows + (overflow ? 1 : 0), pages: reached.pages + 1, cost: reached.cost + cost, previous: i };
      if (j === last && isBetter(candidate, packed)) packed = candidate;
      const balanced = j === last && reached.pages > 0 ? { ...candidate, cost: candidate.cost + lastPageBadness(height / pageHeight) } : candidate;
      if (isBetter(balanced, choice)) choice = balanced;
    }
    best[j] = choice;
  }

  const spans: PageSpan[] = [];
  const heightOf = (from: Cut, to: Cut) => to.endY - from.startY + from.opening + to.closing;
  for (let j = last; j > 0; ) {
    const i = best[j]!.previous;
    const from = points[i]!;
    const to = points[j]!;
    spans.unshift({
      from,
      to,
      height: heightOf(from, to),
      lines: linesBetween(from.startY, to.endY),
    });
    j = i;
  }
  return { spans, packedLastHeight: packed ? heightOf(points[packed.previous]!, points[last]!) : 0 };
}

/**
 * What a last page filled `fill` of a page costs: nothing from MIN_LAST_FILL up; below it
 * more than a page before giving up the difference (at most about 1000 per page), less
 * than that page falling under MIN_FILL (3000 and more).
 */
const lastPageBadness = (fill: number) => (fill < MIN_LAST_FILL ? 1500 + 3000 * (MIN_LAST_FILL - fill) : 0);
