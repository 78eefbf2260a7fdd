import { describe, expect, it } from 'vitest';
import { RebuildLoop, type JobResult, type LoopJob } from '../../src/watch/rebuildLoop.ts';
import { planRebuild, type WatchUnit } from '../../src/watch/rebuildPlanner.ts';
import type { RebuildSummary } from '../../src/watch/rebuildTracker.ts';

const unit = (locale: string, leafletId: string): WatchUnit => ({ key: `${locale}/${leafletId}`, leafletId, locale, sourceFile: `content/${locale}/${leafletId}.md` });
const en = unit('en-GB', 'support');
const cy = unit('cy', 'support');

/**
 * The watch loop with jobs the test finishes by hand: no chokidar, timers or sleeps. Each job
 * records the project generation it read when it started, as a real render does.
 */
function harness(workers = 1, status: 'written' | 'unchanged' = 'written') {
  let generation = 0;
  const started: Array<{ job: LoopJob; generation: number; finish: (fail?: Error) => void }> = [];
  const summaries: RebuildSummary[] = [];
  let sites = 0;
  const loop = new RebuildLoop({
    workers,
    generation: () => generation,
    run: (job) =>
      new Promise<JobResult>((resolve, reject) => {
        const readAt = generation;
        started.push({
          job,
          generation: readAt,
          finish: (fail) => {
            if (fail) return reject(fail);
            if (job.action === 'site') return resolve({ generation: readAt, siteDiagnostics: [] });
            const file = `output/${job.unit.locale}/${job.unit.leafletId}.${job.edition}.pdf`;
            resolve({
              generation: readAt,
              report: { outputs: [{ leafletId: job.unit.leafletId, locale: job.unit.locale, edition: job.edition, file, status, ms: 1, via: 'render' }], diagnostics: [] },
            });
          },
        });
      }),
    onRebuild: (summary) => summaries.push(summary),
    onSiteUpdated: () => (sites += 1),
  });
  const change = (files: string[], stale: WatchUnit[], editions: Array<'a5' | 'a4'> = ['a5']) => {
    generation += 1;
    loop.begin(generation, files, planRebuild({ changedFiles: files, before: [cy, en], after: [cy, en], stale: new Set(stale.map((u) => u.key)), unknown: new Set(), editions, workers }));
  };
  const running = (key: string) => started.filter((each) => each.job.key === key);
  /** Lets settled promises run their callbacks (microtasks only, no timers). */
  const flush = async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  };
  return { loop, started, summaries, change, running, flush, sites: () => sites };
}

describe('the watch loop', () => {
  it('joins a burst of saves into one render per output', async () => {
    const h = harness();
    h.change([en.sourceFile], [en]);
    h.change([en.sourceFile], [en]);
    h.change([en.sourceFile], [en]);
    // One render started; the two later requests wait as one rerun with the newest inputs.
    expect(h.running('en-GB/support/a5')).toHaveLength(1);
    h.running('en-GB/support/a5')[0]!.finish();
    await h.flush();
    expect(h.summaries.map((s) => s.id)).toEqual([1]);
    expect(h.running('en-GB/support/a5')).toHaveLength(2);
    h.running('en-GB/support/a5')[1]!.finish();
    await h.flush();
    expect(h.summaries.map((s) => s.id)).toEqual([1, 2, 3]);
  });

  it('never reports an edit made during a render as built by that render', async () => {
    const h = harness();
    h.change([en.sourceFile], [en]);
    const first = h.running('en-GB/support/a5')[0]!;
    h.change([en.sourceFile], [en]); // saved again while the first render runs
    first.finish();
    await h.flush();
    // The first render read generation 1: only rebuild 1 is done; rebuild 2 waits for a render of generation 2.
    expect(h.summaries.map((s) => s.id)).toEqual([1]);
    const second = h.running('en-GB/support/a5')[1]!;
    expect(second.generation).toBe(2);
    second.finish();
    await h.flush();
    expect(h.summaries.map((s) => s.id)).toEqual([1, 2]);
  });

  it('settles results that finish out of order with the rebuilds that asked for them', async () => {
    const h = harness();
    h.change([en.sourceFile], [en, cy], ['a5', 'a4']);
    const background = h.running('cy/support/a4')[0];
    // Background work waits while the urgent A5 renders.
    expect(background).toBeUndefined();
    h.running('en-GB/support/a5')[0]!.finish();
    await h.flush();
    const late = h.started.filter((each) => each.job.action === 'render' && each.job.key !== 'en-GB/support/a5');
    expect(late.length).toBeGreaterThan(0);
    // Finish the background jobs last-started first.
    for (let round = 0; round < 4; round += 1) {
      for (const each of [...h.started].reverse()) each.finish();
      await h.flush();
    }
    expect(h.summaries).toHaveLength(1);
    expect(h.summaries[0]!.outputs.map((o) => o.file)).toEqual([...h.summaries[0]!.outputs.map((o) => o.file)].sort());
    expect(h.summaries[0]!.outputs).toHaveLength(4);
  });

  it('reports a crashed worker as an internal error on the leaflet, and carries on', async () => {
    const h = harness();
    h.change([en.sourceFile], [en]);
    h.running('en-GB/support/a5')[0]!.finish(new Error('worker exited with code 134'));
    await h.flush();
    expect(h.summaries[0]!.ok).toBe(false);
    expect(h.summaries[0]!.diagnostics).toEqual([
      expect.objectContaining({ file: 'content/en-GB/support.md', rule: 'internal-error', message: expect.stringContaining('worker exited with code 134') }),
    ]);
    h.change([en.sourceFile], [en]);
    h.running('en-GB/support/a5')[1]!.finish();
    await h.flush();
    expect(h.summaries[1]!.ok).toBe(true);
  });

  /** Exactly one website update was started; it finishes, and the loop goes idle. */
  const expectOneSiteUpdate = async (h: ReturnType<typeof harness>) => {
    const site = h.started.filter((each) => each.job.action === 'site');
    expect(site).toHaveLength(1);
    site[0]!.finish();
    await h.flush();
    expect(h.sites()).toBe(1);
    await h.loop.idle();
  };

  it('updates the website once per rebuild that wrote something, after the urgent render', async () => {
    const h = harness();
    h.change([en.sourceFile], [en]);
    h.running('en-GB/support/a5')[0]!.finish();
    await h.flush();
    await expectOneSiteUpdate(h);
  });

  it('updates the website after a rebuild that left every PDF as it was (a string only the downloads page prints)', async () => {
    const h = harness(1, 'unchanged');
    h.change(['locales/cy/common.json'], [cy]);
    h.running('cy/support/a5')[0]!.finish();
    await h.flush();
    expect(h.summaries[0]!.outputs.map((o) => o.status)).toEqual(['unchanged']);
    await expectOneSiteUpdate(h);
  });
});
