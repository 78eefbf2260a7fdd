import { describe, expect, it } from 'vitest';
import { DependencyGraph } from '../../src/build/graph.ts';
import { JobReads } from '../../src/watch/jobReads.ts';
import { planRebuild, type WatchUnit } from '../../src/watch/rebuildPlanner.ts';

const unit = (locale: string, leafletId: string): WatchUnit => ({ key: `${locale}/${leafletId}`, leafletId, locale, sourceFile: `content/${locale}/${leafletId}.md` });
const en = unit('en-GB', 'support');
const cy = unit('cy', 'support');
const EDITIONS = ['a5', 'a4', 'booklet'] as const;

/**
 * The dependency graph as watch mode keeps it, and the project store's digests (what the last
 * burst this thread processed loaded). `burst` is the session's applyBurst without I/O.
 */
function session() {
  const digests = new Map<string, string>([
    [en.sourceFile, 'save-1'],
    [cy.sourceFile, 'cy-1'],
    ['locales/en-GB/common.json', 'strings-1'],
  ]);
  const graph = new DependencyGraph();
  const jobReads = new JobReads(graph, (key) => digests.get(key) ?? 'absent');
  graph.set(en.key, [[en.sourceFile, 'save-1'], ['locales/en-GB/common.json', 'strings-1']]);
  graph.set(cy.key, [[cy.sourceFile, 'cy-1'], [en.sourceFile, 'save-1']]);
  let generation = 1;
  const burst = (file: string, digest: string) => {
    digests.set(file, digest);
    generation += 1;
    const stale = graph.staleUnits((key) => digests.get(key) ?? 'absent');
    return planRebuild({ changedFiles: [file], before: [cy, en], after: [cy, en], stale, unknown: new Set(), editions: [...EDITIONS], workers: 1, refitInBackground: true });
  };
  return { graph, jobReads, burst, generation: () => generation };
}

describe('the reads a finished job leaves in the watch dependency graph', () => {
  // Seen in a watch log under back-to-back saves: save 2 landed while the background thread
  // started a job of generation 1; the thread read the file from disk, so the job read save 2,
  // and it finished before this thread read save 2's burst.
  it('never make a save look built before its burst is read: the A5 of that save is still rebuilt', () => {
    const s = session();
    const readByBackgroundJob: Array<[string, string]> = [[en.sourceFile, 'save-2'], ['locales/en-GB/common.json', 'strings-1']];
    expect(s.jobReads.record(en.key, 1, readByBackgroundJob)).toEqual({ recorded: true, unseen: [en.sourceFile] });
    s.jobReads.record(cy.key, 1, [[cy.sourceFile, 'cy-1'], [en.sourceFile, 'save-2']]);

    const plan = s.burst(en.sourceFile, 'save-2');
    expect(plan.jobs.find((job) => job.key === 'en-GB/support/a5')).toMatchObject({ lane: 'main', urgent: true, action: 'render' });
    expect(plan.jobs.map((job) => job.key)).toEqual(expect.arrayContaining(['en-GB/support/a4', 'en-GB/support/booklet', 'cy/support/a5']));

    // Once the rebuild of save 2 records what it read, a burst that changes nothing it read leaves it alone.
    s.jobReads.record(en.key, s.generation(), [[en.sourceFile, 'save-2'], ['locales/en-GB/common.json', 'strings-1']]);
    expect(s.burst(cy.sourceFile, 'cy-2').jobs.some((job) => job.unit.key === en.key)).toBe(false);
  });

  it('keeps reads this thread has seen as they are, so a unit is not rebuilt for nothing', () => {
    const s = session();
    expect(s.jobReads.record(en.key, 1, [[en.sourceFile, 'save-1'], ['locales/en-GB/common.json', 'strings-1']])).toEqual({ recorded: true, unseen: [] });
    expect(s.burst(cy.sourceFile, 'cy-2').jobs.some((job) => job.unit.key === en.key)).toBe(false);
  });

  it('never lets a job of an older generation replace what a newer one recorded', () => {
    const s = session();
    s.burst(en.sourceFile, 'save-2');
    s.jobReads.record(en.key, 2, [[en.sourceFile, 'save-2'], ['locales/en-GB/common.json', 'strings-1']]);
    // A background job of generation 1 finishing late (it read save 1).
    expect(s.jobReads.record(en.key, 1, [[en.sourceFile, 'save-1'], ['locales/en-GB/common.json', 'strings-1']]).recorded).toBe(false);
    expect(s.burst(cy.sourceFile, 'cy-2').jobs.some((job) => job.unit.key === en.key)).toBe(false);
  });
});
