import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { MIN_FILL } from '../pagination/breakPages.ts';
import { layoutCover } from '../pagination/layoutCover.tsx';
import {
  checkLeafletLayout,
  composeLeaflet,
  layoutWithFit,
  leafletPageCount,
  type LaidOutLeaflet,
  type RenderInput,
} from '../renderLeaflet.tsx';
import { A5, type Edition } from '../editions.ts';
import { defaultFit, fitLadder, sameFit } from './fit.ts';

/** One fit tried: its layout (ready to draw), what the layout check said, and its page count. */
export interface FitTrial {
  laidOut: LaidOutLeaflet;
  diagnostics: Diagnostic[];
  /** Cover, body and back page. */
  pages: number;
  /** Position on the ladder (0 = loosest). */
  level: number;
  /** The levels the search laid out to choose it, in order (just the design's when it met the goal). */
  levelsTried: number[];
}

/** Editions printed as an A5 booklet (or from its pages) aim at whole sheets: four pages each. */
const isA5 = (edition: Edition) => Math.abs(edition.pageSize.width - edition.layoutBleed * 2 - A5.width) < 1;

const sheets = (trial: FitTrial) => Math.ceil(trial.pages / 4);

/** Body pages before the last that are less than 60% full. */
const underfull = (trial: FitTrial) => trial.laidOut.body.spans.slice(0, -1).filter((span) => span.height / trial.laidOut.body.textHeight < MIN_FILL).length;

/** How full the last body page would be unbalanced (0-1): what a tighter fit would have to save. */
const lastFill = (trial: FitTrial) => {
  const { spans, packedLastHeight, textHeight } = trial.laidOut.body;
  return spans.length > 0 ? packedLastHeight / textHeight : 1;
};

/**
 * Lower is better, compared in order: layout problems; then whole sheets and no notes pages
 * (A5) or fewest pages; then pages under 60% full; then closeness to the design.
 */
function score(trial: FitTrial, designLevel: number, a5: boolean): number[] {
  const errors = trial.diagnostics.filter((d) => d.severity === 'error').length;
  return [
    errors,
    trial.diagnostics.length,
    a5 ? sheets(trial) : trial.pages,
    a5 ? sheets(trial) * 4 - trial.pages : 0,
    underfull(trial),
    Math.abs(trial.level - designLevel),
  ];
}

const better = (a: number[], b: number[]) => {
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return a[index]! < b[index]!;
  return false;
};

/**
 * Copy-fitting: lays the edition out with its design first, and only if that misses the goal
 * tries other spacing variants (fitLadder), by bisection, since tighter variants never take
 * more pages. The goal: no layout diagnostics; for A5 a page count that is a multiple of four
 * (the booklet then needs no notes pages; a count between sheets comes down to the sheet below
 * where a tighter variant allows, else goes up to the next); for A4 and large print no page
 * that a tighter variant could save (the last one at least a third full). Each try is a layout without drawing.
 */
export async function chooseFit(input: RenderInput): Promise<FitTrial> {
  const ladder = fitLadder(input.edition);
  const design = defaultFit(input.edition);
  const designLevel = Math.max(0, ladder.findIndex((fit) => sameFit(fit, design)));
  const a5 = isA5(input.edition);
  const cover = await layoutCover(input, input.edition);
  const trials = new Map<number, Promise<FitTrial>>();
  const tryLevel = (level: number): Promise<FitTrial> => {
    let trial = trials.get(level);
    if (!trial) {
      trial = layoutWithFit(input, ladder[level]!, cover).then((laidOut) => ({
        laidOut,
        diagnostics: checkLeafletLayout(input, composeLeaflet(laidOut)),
        pages: leafletPageCount(laidOut),
        level,
        levelsTried: [],
      }));
      trials.set(level, trial);
    }
    return trial;
  };
  const first = await tryLevel(designLevel);
  const clean = (trial: FitTrial) => trial.diagnostics.length === 0;
  const goalMet = (trial: FitTrial) => clean(trial) && (a5 ? trial.pages % 4 === 0 : lastFill(trial) >= 1 / 3);
  if (goalMet(first)) return { ...first, levelsTried: [designLevel] };

  const tighter = Array.from({ length: ladder.length - designLevel - 1 }, (_, index) => designLevel + 1 + index);
  const looser = Array.from({ length: designLevel }, (_, index) => designLevel - 1 - index);
  if (!a5 || first.pages % 4 !== 0 || !clean(first)) {
    // Fewer pages: the loosest tighter variant that saves one (A5: that reaches the sheet
    // below, which saves a sheet of every booklet printed, however many pages it takes).
    const target = a5 && first.pages % 4 !== 0 ? first.pages - (first.pages % 4) : first.pages - 1;
    await loosestReaching(tighter, async (level) => (await tryLevel(level)).pages <= target);
  }
  // A clean layout on fewer sheets outscores every looser variant (those take at least the
  // design's pages), so once the search above found one the looser search cannot change the choice.
  const fewerSheetsFound = async () => (await Promise.all(trials.values())).some((trial) => clean(trial) && sheets(trial) < sheets(first));
  if (a5 && first.pages % 4 !== 0 && !(await fewerSheetsFound())) {
    // Or more pages, up to the next whole sheet: the tightest looser variant that fills it.
    const target = first.pages + 4 - (first.pages % 4);
    await loosestReaching(looser, async (level) => (await tryLevel(level)).pages >= target);
  }
  if (!clean(first)) for (const level of [...tighter, ...looser]) if (clean(await tryLevel(level))) break;

  let best = first;
  for (const trial of await Promise.all(trials.values())) {
    if (better(score(trial, designLevel, a5), score(best, designLevel, a5))) best = trial;
  }
  return { ...best, levelsTried: [...trials.keys()] };
}

/**
 * The first level in `levels` (ordered from the design outwards) at which `reaches` holds,
 * assuming that once it holds it holds for every level after: checks the last level first,
 * then bisects. Returns undefined when even the last does not reach.
 */
async function loosestReaching(levels: number[], reaches: (level: number) => Promise<boolean>): Promise<number | undefined> {
  if (levels.length === 0 || !(await reaches(levels[levels.length - 1]!))) return undefined;
  let low = 0;
  let high = levels.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (await reaches(levels[middle]!)) high = middle;
    else low = middle + 1;
  }
  return levels[low];
}
