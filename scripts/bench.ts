/**
 * `npm run bench`: prints speed and memory figures. Targets are checked here, not in tests,
 * because timings on shared machines are too noisy to fail a test run on.
 *
 *   npm run bench                       every bench below
 *   npm run bench -- render --cpu-prof  only those whose name contains a word given before the first --option
 */
import { benchCores, benchIncremental, benchLarge, benchStart } from './bench/build.ts';
import { benchCollection } from './bench/collection.ts';
import { benchDrawMemo } from './bench/drawMemo.ts';
import { benchLayout } from './bench/layout.ts';
import { benchLinebreak } from './bench/linebreak.ts';
import { benchLargeLocale } from './bench/locale.ts';
import { benchPreview } from './bench/preview.ts';
import { benchDeflate, benchRender } from './bench/render.ts';
import { benchRetention } from './bench/retention.ts';
import { benchTagging } from './bench/tagging.ts';
import { benchWatch } from './bench/watch.ts';

const argv = process.argv.slice(2);
const benches: Array<{ name: string; run: () => Promise<void> }> = [
  { name: 'start: leaflets --help', run: benchStart },
  { name: 'incremental: no-op and one-edit builds', run: benchIncremental },
  { name: 'cores: clean build on all cores vs one', run: benchCores },
  { name: 'large: 1,000 PDFs', run: benchLarge },
  { name: 'tagging overhead', run: benchTagging },
  { name: 'layout check and copy-fitting', run: benchLayout },
  { name: 'render (compile, layout, draw) against the base commit and Typst', run: () => benchRender(argv) },
  { name: 'collection: the first A5 rebuild after a full collection', run: () => benchCollection(argv) },
  { name: 'linebreak: textkit\'s line breaker and the quick one', run: benchLinebreak },
  { name: 'drawmemo: drawn-text memo on and off', run: benchDrawMemo },
  { name: 'deflate level: size and draw time', run: benchDeflate },
  { name: 'watch latency and memory', run: benchWatch },
  { name: 'retention: heap kept over rebuilds in one process', run: benchRetention },
  { name: 'preview: save -> pages redrawn in the browser', run: benchPreview },
  { name: 'large locale file', run: benchLargeLocale },
];

const firstOption = argv.findIndex((arg) => arg.startsWith('--'));
const only = firstOption === -1 ? argv : argv.slice(0, firstOption);
for (const bench of benches) {
  if (only.length > 0 && !only.some((name) => bench.name.includes(name))) continue;
  console.log(`\n== ${bench.name} ==`);
  await bench.run();
}
