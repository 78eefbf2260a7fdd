import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLeafletSource } from '../../src/load/content.ts';
import { buildDate, printReviewDates, reviewDateDiagnostics, reviewDateSummary } from '../../src/lint/reviewDates.ts';
import { copyOfProject, runCli } from '../support/projectCopy.ts';

const leaflet = (reviewDue: string, id = 'example', locale = 'en-GB') =>
  parseLeafletSource(
    `---\nid: ${id}\ntitle: T\nsummary: S\nversion: "1.0"\npublished: 2025-01-01\nreviewDue: ${reviewDue}\naudience: A\nsources:\n  - title: X\n---\nBody\n`,
    { id, locale, file: `content/${locale}/${id}.md`, absPath: `/x/content/${locale}/${id}.md` },
  ).source;

describe('the build date', () => {
  it('is LEAFLETS_TODAY when set, else SOURCE_DATE_EPOCH, else the clock (UTC)', () => {
    const clock = () => new Date('2026-03-04T23:30:00Z');
    expect(buildDate({ LEAFLETS_TODAY: '2026-11-30', SOURCE_DATE_EPOCH: '0' }, clock)).toBe('2026-11-30');
    expect(buildDate({ SOURCE_DATE_EPOCH: String(Date.parse('2027-02-01T12:00:00Z') / 1000) }, clock)).toBe('2027-02-01');
    expect(buildDate({}, clock)).toBe('2026-03-04');
    expect(buildDate({ LEAFLETS_TODAY: 'tomorrow' }, clock)).toBe('2026-03-04');
  });

  it('is pinned for the tests', () => {
    expect(buildDate()).toBe('2026-11-30');
  });
});

describe('review dates', () => {
  const today = '2026-11-30';
  const check = (reviewDue: string) => reviewDateDiagnostics(leaflet(reviewDue), today).map((d) => [d.severity, d.rule, d.line, d.column]);

  it('a review date in the past is an error at the reviewDue line', () => {
    expect(check('2026-11-29')).toEqual([['error', 'review-overdue', 7, 1]]);
    const [overdue] = reviewDateDiagnostics(leaflet('2026-11-29'), today);
    expect(overdue!.message).toContain('2026-11-29 has passed (today is 2026-11-30)');
  });

  it('a review date within 60 days (today included) is a warning; later is fine', () => {
    expect(check('2026-11-30')).toEqual([['warning', 'review-due-soon', 7, 1]]);
    expect(check('2027-01-29')).toEqual([['warning', 'review-due-soon', 7, 1]]);
    expect(reviewDateDiagnostics(leaflet('2027-01-29'), today)[0]!.message).toContain('in 60 days');
    expect(check('2027-01-30')).toEqual([]);
  });

  it('the summary lists every leaflet file soonest first and flags what is due', () => {
    const sources = [leaflet('2027-11-30', 'b'), leaflet('2026-12-01', 'a', 'cy'), leaflet('2026-11-01', 'c'), leaflet('2027-11-30', 'x', 'en-XA')];
    const summary = reviewDateSummary(sources, today);
    expect(summary.map((s) => [s.file, s.state, s.daysLeft])).toEqual([
      ['content/en-GB/c.md', 'overdue', -29],
      ['content/cy/a.md', 'due-soon', 1],
      ['content/en-GB/b.md', 'ok', 365],
    ]);
    const lines: string[] = [];
    printReviewDates(summary, (line) => lines.push(line));
    expect(lines).toEqual(['', 'Review due:', '  2026-11-01  content/en-GB/c.md  (OVERDUE)', '  2026-12-01  content/cy/a.md  (due soon)', '  2027-11-30  content/en-GB/b.md']);
  });
});

describe('leaflets build and review dates', () => {
  const withToday = async (today: string, args: string[]) => {
    const previous = process.env.LEAFLETS_TODAY;
    process.env.LEAFLETS_TODAY = today;
    try {
      return await runCli(args);
    } finally {
      process.env.LEAFLETS_TODAY = previous;
    }
  };

  it('fails an overdue leaflet with file:line, writes no PDF for it, and lists review dates in the summary', async () => {
    const root = copyOfProject(['support']);
    const file = readFileSync(path.join(root, 'content/en-GB/support.md'), 'utf8');
    const line = file.split('\n').findIndex((l) => l.startsWith('reviewDue:')) + 1;
    const run = await withToday('2027-12-01', ['--root', root, 'build', '--edition', 'a5', '--locale', 'en-GB']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`content/en-GB/support\\.md:${line}:1\\s+error\\s+Review date 2027-11-30 has passed \\(today is 2027-12-01\\).*review-overdue`));
    expect(run.stdout).toMatch(/Review due:\n\s+2027-11-30\s+content\/en-GB\/support\.md\s+\(OVERDUE\)/);
    expect(existsSync(path.join(root, 'output/en-GB/support.pdf'))).toBe(false);
  }, 120_000);

  it('warns within 60 days and still builds', async () => {
    const root = copyOfProject(['support']);
    const run = await withToday('2027-10-15', ['--root', root, 'build', '--edition', 'a5', '--locale', 'en-GB']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/content\/en-GB\/support\.md:\d+:1\s+warning\s+Review due on 2027-11-30, in 46 days/);
    expect(existsSync(path.join(root, 'output/en-GB/support.pdf'))).toBe(true);
  }, 120_000);
});
