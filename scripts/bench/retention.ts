import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { buildProject } from '../../src/build/buildProject.ts';
import { collectGarbage } from '../../src/build/collectGarbage.ts';
import { ProjectLoader } from '../../src/build/project.ts';
import { ProjectStore } from '../../src/build/store/projectStore.ts';
import { textLayoutMemo } from '../../src/render/perf/textLayoutMemo.ts';

const REPO = process.cwd();
const EDITS = Number(process.env.RETENTION_BENCH_EDITS ?? 200);
const LEAFLET = 'content/en-GB/support.md';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * What watch mode's rebuilds keep alive, told apart from garbage not yet collected: one
 * process, one build session, one paragraph of `support.md` edited before each rebuild (its
 * A5 edition and the Welsh translation's, in this thread), and the JavaScript heap after a
 * forced full collection at rebuilds 10, 50, 100 and the last. RSS is printed too; it also
 * holds what V8 and the allocator keep for reuse. Target (issue 14): growth at most 10%.
 */
export async function benchRetention(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'leaflets-bench-retention-'));
  for (const folder of ['content', 'locales', 'templates']) cpSync(path.join(REPO, folder), path.join(root, folder), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  try {
    const store = new ProjectStore(root);
    const session = { store, loader: new ProjectLoader(store) };
    const options = { root, outDir: path.join(root, 'output'), strict: false, editions: ['a5' as const], jobs: 1, flushToDisk: false, measureReadingEase: false, writeSite: false };
    await buildProject(options, session);
    const source = readFileSync(path.join(root, LEAFLET), 'utf8');
    const samples: Array<{ edit: number; heap: number; rss: number; paragraphs: number }> = [];
    for (let edit = 1; edit <= EDITS; edit += 1) {
      writeFileSync(path.join(root, LEAFLET), source.replace(/You are not alone[^.]*\./, `You are not alone (edit ${edit}).`));
      store.invalidate([LEAFLET]);
      await buildProject(options, session);
      if ([10, 50, 100, EDITS].includes(edit)) {
        collectGarbage();
        collectGarbage();
        const memory = process.memoryUsage();
        samples.push({ edit, heap: memory.heapUsed, rss: memory.rss, paragraphs: textLayoutMemo.stats.entries });
      }
    }
    for (const each of samples) console.log(`rebuild ${each.edit}: heap after a full collection ${mb(each.heap)}, RSS ${mb(each.rss)}, paragraph layouts kept ${each.paragraphs}`);
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const growth = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)}%`;
    console.log(`growth from rebuild ${first.edit} to ${last.edit}: heap ${growth(first.heap, last.heap)} (${((last.heap - first.heap) / 1024 / (last.edit - first.edit)).toFixed(0)} KB per rebuild), RSS ${growth(first.rss, last.rss)}; load average ${loadavg().map((each) => each.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
