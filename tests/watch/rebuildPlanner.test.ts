import { describe, expect, it } from 'vitest';
import { planRebuild, type WatchUnit } from '../../src/watch/rebuildPlanner.ts';

const unit = (locale: string, leafletId: string): WatchUnit => ({ key: `${locale}/${leafletId}`, leafletId, locale, sourceFile: `content/${locale}/${leafletId}.md` });
const en = unit('en-GB', 'support');
const cy = unit('cy', 'support');
const other = unit('en-GB', 'risks');
const all = [cy, en, other];
const plan = (input: Partial<Parameters<typeof planRebuild>[0]>) =>
  planRebuild({ changedFiles: [], before: all, after: all, stale: new Set(), unknown: new Set(), editions: ['a5', 'a4'], workers: 1, ...input });
const summary = (jobs: ReturnType<typeof plan>['jobs']) => jobs.map((job) => `${job.key} ${job.lane}${job.urgent ? ' urgent' : ''} p${job.priority} ${job.action}`);

describe('planning a rebuild', () => {
  it('renders the edited leaflet first, in the main thread, and its translation and other editions in the background', () => {
    const jobs = plan({ changedFiles: [en.sourceFile], stale: new Set([en.key, cy.key]) }).jobs;
    expect(summary(jobs).sort()).toEqual(
      [
        'cy/support/a4 workers p3 render',
        'cy/support/a5 workers p1 render',
        'en-GB/support/a4 workers p2 render',
        'en-GB/support/a5 main urgent p0 render',
      ].sort(),
    );
  });

  it('makes the first edition of every affected leaflet urgent when only a shared input changed', () => {
    const jobs = plan({ changedFiles: ['templates/partials/contact.hbs'], stale: new Set([en.key, other.key]) }).jobs;
    expect(jobs.filter((job) => job.urgent).map((job) => job.key).sort()).toEqual(['en-GB/risks/a5', 'en-GB/support/a5']);
    expect(jobs.filter((job) => job.edition === 'a4').every((job) => job.lane === 'workers' && !job.urgent)).toBe(true);
  });

  it('renders everything in the main thread when there are no background threads', () => {
    const jobs = plan({ changedFiles: [en.sourceFile], stale: new Set([en.key]), workers: 0 }).jobs;
    expect(jobs.every((job) => job.lane === 'main')).toBe(true);
  });

  it('builds new units, removes deleted ones, and retries never-compiled units only when their file changed', () => {
    const added = unit('ga', 'support');
    const jobs = plan({
      changedFiles: ['content/ga/support.md', 'content/en-GB/risks.md'],
      before: [cy, en, other],
      after: [cy, en, added],
      unknown: new Set([cy.key, added.key]),
    }).jobs;
    expect(summary(jobs).filter((line) => line.includes('/a5 '))).toEqual(['ga/support/a5 main urgent p0 render', 'en-GB/risks/a5 main p0 remove']);
  });

  it('plans nothing when nothing any unit read changed', () => {
    expect(plan({ changedFiles: ['README.md'] }).jobs).toEqual([]);
  });

  it('with background re-fitting, reuses the last copy-fit for the urgent render and re-fits that output in the background', () => {
    const jobs = plan({ changedFiles: [en.sourceFile], stale: new Set([en.key]), refitInBackground: true }).jobs;
    expect(jobs.map((job) => `${job.key} ${job.lane}${job.urgent ? ' urgent' : ''} ${job.fit}`).sort()).toEqual(
      ['en-GB/support/a4 workers search', 'en-GB/support/a5 main urgent reuse', 'en-GB/support/a5#refit workers search'].sort(),
    );
    const refit = jobs.find((job) => job.key.endsWith('#refit'))!;
    expect([refit.edition, refit.unit]).toEqual(['a5', en]);
    expect(plan({ changedFiles: [en.sourceFile], stale: new Set([en.key]) }).jobs.every((job) => job.fit === 'search')).toBe(true);
  });

  it('is a function of its input: the same input gives the same plan', () => {
    const input = { changedFiles: [en.sourceFile, 'locales/cy/common.json'], stale: new Set([en.key, cy.key]) };
    expect(plan(input)).toEqual(plan(input));
  });
});
