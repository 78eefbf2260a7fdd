import { loadProject, sourceOf } from '../../src/build/project.ts';
import { fontStoreFor } from '../../src/build/renderSession.ts';
import { leafletUrl } from '../../src/build/leafletUrl.ts';
import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import type { LeafletSource } from '../../src/load/content.ts';
import { EDITIONS } from '../../src/render/editions.ts';
import { collectPdf, createPdfDocument } from '../../src/render/pdfDocument.ts';
import { leafletDocumentInfo, layoutLeaflet } from '../../src/render/renderLeaflet.tsx';
import { renderTagged } from '../../src/render/tagging/taggedRender.ts';
import { setTextDrawMemo, textDrawMemoStats } from '../../src/render/tagging/textDrawMemo.ts';
import { percentile } from './stats.ts';

const BLOCKS = 24;
const BLOCK = 10;

/**
 * The drawn-text memo's saving: renders of the A5 jak-inhibitors leaflet in one process, in
 * blocks of 10 with the memo on and off in turn (the first two of each block, which record, not
 * counted), warm and with one paragraph edited before each render. Prints the draw (tagging pass
 * and document end) and the whole render (compile, layout, draw), medians and middle halves.
 */
export async function benchDrawMemo(): Promise<void> {
  const project = await loadProject(process.cwd());
  const brand = project.brand!;
  const fontStore = fontStoreFor(brand);
  const source = project.sources.find((s) => s.id === 'jak-inhibitors' && s.locale === 'en-GB')!;
  const editable = source.body.split('\n').findIndex((line) => /^[A-Z][^|]{60,}$/.test(line));
  let edits = 0;
  const edited = (): LeafletSource => {
    edits += 1;
    const lines = source.body.split('\n');
    lines[editable] = `${lines[editable]} This sentence is edit number ${edits}.`;
    return { ...source, body: lines.join('\n') };
  };
  const spread = (values: number[]) => `${percentile(values, 50).toFixed(1)} ms (${percentile(values, 25).toFixed(1)}-${percentile(values, 75).toFixed(1)})`;
  console.log('scenario   memo   draw (median, p25-p75)   render (median, p25-p75)   text nodes replayed / drawn per render');
  for (const scenario of ['warm', 'edit'] as const) {
    const times = { on: { draw: [] as number[], render: [] as number[] }, off: { draw: [] as number[], render: [] as number[] } };
    const nodes = { on: { replayed: 0, drawn: 0 }, off: { replayed: 0, drawn: 0 } };
    for (let i = 0; i < BLOCKS * BLOCK; i += 1) {
      const memo = Math.floor(i / BLOCK) % 2 === 0 ? 'on' : 'off';
      if (i % BLOCK === 0) setTextDrawMemo(memo === 'on');
      const t0 = performance.now();
      const { leaflet } = compileLeaflet({ root: project.root, source: scenario === 'edit' ? edited() : source, brand, i18n: project.i18n, sourceLeaflet: sourceOf(project, source.id), templates: project.templates });
      if (!leaflet) throw new Error('jak-inhibitors did not compile');
      const input = { leaflet, brand, edition: EDITIONS.a5, fontStore, leafletUrl: leafletUrl(brand, source.locale, source.id) };
      const layout = await layoutLeaflet(input);
      const { replayed, drawn } = textDrawMemoStats;
      const t1 = performance.now();
      const doc = createPdfDocument(leafletDocumentInfo(input), true);
      const bytes = collectPdf(doc);
      renderTagged(doc, layout);
      doc.end();
      await bytes;
      const t2 = performance.now();
      if (i % BLOCK < 2 || i < 2 * BLOCK) continue;
      times[memo].draw.push(t2 - t1);
      times[memo].render.push(t2 - t0);
      nodes[memo].replayed += textDrawMemoStats.replayed - replayed;
      nodes[memo].drawn += textDrawMemoStats.drawn - drawn;
    }
    for (const memo of ['on', 'off'] as const) {
      const counted = times[memo].draw.length;
      console.log(
        `${scenario.padEnd(11)}${memo.padEnd(7)}${spread(times[memo].draw).padEnd(25)}${spread(times[memo].render).padEnd(27)}${(nodes[memo].replayed / counted).toFixed(0)} / ${(nodes[memo].drawn / counted).toFixed(0)}`,
      );
    }
  }
  setTextDrawMemo(true);
}
