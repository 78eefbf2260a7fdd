/**
 * `npm run bench`: prints speed and memory figures. Targets are checked here, not in tests,
 * because timings on shared machines are too noisy to fail a test run on.
 */
import { benchLayout } from './bench/layout.ts';
import { benchTagging } from './bench/tagging.ts';
import { benchWatch } from './bench/watch.ts';

const benches: Array<{ name: string; run: () => Promise<void> }> = [
  { name: 'tagging overhead', run: benchTagging },
  { name: 'layout check and copy-fitting', run: benchLayout },
  { name: 'watch latency and memory', run: benchWatch },
];

const only = process.argv.slice(2);
for (const bench of benches) {
  if (only.length > 0 && !only.some((name) => bench.name.includes(name))) continue;
  console.log(`\n== ${bench.name} ==`);
  await bench.run();
}
