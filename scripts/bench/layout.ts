import { loadProject, sourceOf } from '../../src/build/project.ts';
import { fontStoreFor } from '../../src/build/renderSession.ts';
import { leafletUrl } from '../../src/build/leafletUrl.ts';
import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import { chooseFit } from '../../src/render/copyFit/chooseFit.ts';
import { defaultFit } from '../../src/render/copyFit/fit.ts';
import { EDITIONS, type EditionId } from '../../src/render/editions.ts';
import { checkLeafletLayout, composeLeaflet, layoutWithFit, renderLaidOut } from '../../src/render/renderLeaflet.tsx';
import { formatMs, median, percentile } from './stats.ts';

const ROUNDS = 7;
const EDITION_IDS: EditionId[] = ['a5', 'a4', 'large-print'];

/**
 * Cost of the layout check and of copy-fitting, per leaflet and edition, medians of 7 rounds
 * (p10-p90 for the search): one layout (react-pdf's layout of the galley, then pagination,
 * nothing drawn), the check on the paginated pages, the copy-fit search (how many layouts it
 * tried), and the whole edition (search, check and drawing) for scale.
 */
export async function benchLayout(): Promise<void> {
  const project = await loadProject(process.cwd());
  const brand = project.brand!;
  const fontStore = fontStoreFor(brand);
  console.log('leaflet                          edition        one layout   check (share)          copy-fit search (layouts)        whole edition');
  for (const source of project.sources) {
    const { leaflet } = compileLeaflet({ root: project.root, source, brand, i18n: project.i18n, sourceLeaflet: sourceOf(project, source.id), templates: project.templates });
    if (!leaflet) continue;
    for (const id of EDITION_IDS) {
      const input = { leaflet, brand, edition: EDITIONS[id], fontStore, leafletUrl: leafletUrl(brand, source.locale, source.id) };
      const layoutMs: number[] = [];
      const checkMs: number[] = [];
      const searchMs: number[] = [];
      const wholeMs: number[] = [];
      let trials = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        let t0 = performance.now();
        const laidOut = await layoutWithFit(input, defaultFit(input.edition));
        layoutMs.push(performance.now() - t0);
        const composed = composeLeaflet(laidOut);
        t0 = performance.now();
        checkLeafletLayout(input, composed);
        checkMs.push(performance.now() - t0);
        // A fresh leaflet object each time, so no fit is remembered between rounds.
        const fresh = { ...input, leaflet: { ...leaflet } };
        t0 = performance.now();
        const trial = await chooseFit(fresh);
        searchMs.push(performance.now() - t0);
        trials = trial.levelsTried.length;
        t0 = performance.now();
        await renderLaidOut(fresh, trial.laidOut);
        wholeMs.push(performance.now() - t0 + searchMs[searchMs.length - 1]!);
      }
      const check = median(checkMs);
      console.log(
        `${`${source.locale}/${source.id}`.padEnd(32)} ${id.padEnd(12)} ${formatMs(median(layoutMs)).padStart(11)}   ` +
          `${formatMs(check).padStart(8)} (${((check / median(wholeMs)) * 100).toFixed(1).padStart(4)}%)   ` +
          `${formatMs(median(searchMs)).padStart(9)} [${formatMs(percentile(searchMs, 10))}-${formatMs(percentile(searchMs, 90))}] (${trials})   ` +
          `${formatMs(median(wholeMs)).padStart(9)}`,
      );
    }
  }
}
