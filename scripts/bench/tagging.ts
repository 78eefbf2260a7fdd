import renderLayout from '@react-pdf/render';
import { collectPdf, createPdfDocument } from '../../src/render/pdfDocument.ts';
import { renderTagged } from '../../src/render/tagging/taggedRender.ts';
import { setTextDrawMemo } from '../../src/render/tagging/textDrawMemo.ts';
import { layoutLeaflet } from '../../src/render/renderLeaflet.tsx';
import { englishA5Inputs } from './englishA5.ts';
import { formatMs, median } from './stats.ts';

const ROUNDS = 30;

/**
 * Tagging cost: the same laid-out leaflet drawn untagged (upstream render) and tagged (our
 * pass), alternating, so layout (shared by both) is excluded and noise hits both alike.
 * Target: tagging adds at most 20% to render time.
 */
export async function benchTagging(): Promise<void> {
  // The tagging pass's own cost: without the drawn-text memo, which only the tagged pass has and
  // which would write most text from recordings after the first round.
  setTextDrawMemo(false);
  console.log('leaflet (en-GB, a5)            layout   untagged draw   tagged draw   tagging overhead   full render untagged / tagged');
  for (const { id, input } of await englishA5Inputs()) {
    const { leaflet, brand } = input;
    const info = { title: leaflet.frontMatter.title, author: brand.charityName, subject: '', keywords: [], lang: leaflet.locale, creationDate: new Date('2026-11-26T12:00:00Z') };
    const layoutTimes: number[] = [];
    const untagged: number[] = [];
    const tagged: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      let t0 = performance.now();
      const layout = await layoutLeaflet(input);
      layoutTimes.push(performance.now() - t0);
      for (const withTags of round % 2 === 0 ? [false, true] : [true, false]) {
        const doc = createPdfDocument(info, withTags);
        const done = collectPdf(doc);
        t0 = performance.now();
        if (withTags) {
          renderTagged(doc, layout);
          doc.end();
        } else {
          renderLayout(doc as never, layout as never);
        }
        await done;
        (withTags ? tagged : untagged).push(performance.now() - t0);
      }
    }
    const overhead = (median(tagged) - median(untagged)) / median(untagged);
    const fullUntagged = median(layoutTimes) + median(untagged);
    const fullTagged = median(layoutTimes) + median(tagged);
    console.log(
      `${id.padEnd(30)} ${formatMs(median(layoutTimes)).padStart(8)}   ${formatMs(median(untagged)).padStart(13)}   ${formatMs(median(tagged)).padStart(11)}   ` +
        `${`${(overhead * 100).toFixed(1)}% of draw`.padStart(16)}   ${formatMs(fullUntagged)} / ${formatMs(fullTagged)} (+${(((fullTagged - fullUntagged) / fullUntagged) * 100).toFixed(1)}% of render)`,
    );
  }
  setTextDrawMemo(true);
}
