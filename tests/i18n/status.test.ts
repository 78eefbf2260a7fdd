import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18nStatus, statusHasGaps } from '../../src/i18n/status.ts';
import { printStatus } from '../../src/i18n/statusReport.ts';
import { editFile, projectCopy } from './projectCopy.ts';

const LEAFLETS = ['choosing-not-to-treat', 'jak-inhibitors', 'risks-and-side-effects', 'support'];

const textOf = (status: Awaited<ReturnType<typeof i18nStatus>>): string => {
  const lines: string[] = [];
  printStatus(status, (line) => lines.push(line));
  return lines.join('\n');
};

describe('i18n status', () => {
  let root: string;
  beforeAll(async () => {
    root = await projectCopy();
  });

  it('reports en-GB as the source and cy fully translated, none stale, in text and JSON', async () => {
    const status = await i18nStatus(root);
    expect(status.locales.map((l) => l.locale)).toEqual(['en-GB', 'cy']);
    const [english, welsh] = status.locales;
    expect(english).toMatchObject({ source: true, language: 'British English', leaflets: { total: 4, counts: { source: 4 } } });
    expect(welsh!.strings.total).toBe(english!.strings.total);
    expect(welsh!.strings).toMatchObject({ percent: 100, missing: [], extra: [] });
    expect(welsh!.leaflets.items.map((i) => [i.id, i.state])).toEqual(LEAFLETS.map((id) => [id, 'draft']));
    expect(statusHasGaps(status)).toBe(false);

    const json = JSON.parse(JSON.stringify(status));
    expect(json.locales[1].leaflets.counts).toEqual({ source: 0, reviewed: 0, draft: 4, stale: 0, untranslated: 0, missing: 0, extra: 0 });
    const text = textOf(status);
    expect(text).toMatch(/en-GB\s+British English\s+\d+ \(source\)/);
    expect(text).toMatch(/cy\s+Cymraeg\s+(\d+)\/\1 \(100%\)\s+0\s+0\s+4\/4\s+0\s+4\s+0\s+0/);
  });

  it('counts missing and extra keys, and plural families lacking Welsh forms', async () => {
    const copy = await projectCopy();
    editFile(copy, 'locales/cy/common.json', '"pages_few": "{{count}} tudalen",', '');
    editFile(copy, 'locales/cy/common.json', '"strapline":', '"notInEnglish": "x",\n  "strapline":');
    editFile(copy, 'locales/cy/blocks.json', '"faceToFace": "grwpiau cymorth wyneb yn wyneb",', '');
    const welsh = (await i18nStatus(copy, { locales: ['cy'], diff: false })).locales[0]!;
    expect(welsh.strings.missing).toEqual(['blocks:support.faceToFace', 'common:downloads.pages (few)']);
    expect(welsh.strings.extra).toEqual(['common:notInEnglish']);
    expect(welsh.strings.translated).toBe(welsh.strings.total - 2);
    expect(welsh.strings.percent).toBeLessThan(100);
  });

  it('reports a Welsh leaflet stale once its English body changes, with a diff of the English since', async () => {
    const copy = await projectCopy();
    appendFileSync(join(copy, 'content/en-GB/support.md'), '\nA sentence added to the English after the translation.\n');
    const status = await i18nStatus(copy, { locales: ['cy'] });
    const support = status.locales[0]!.leaflets.items.find((i) => i.id === 'support')!;
    expect(support.state).toBe('stale');
    expect(support.reasons?.[0]).toMatch(/source text changed \(hash [0-9a-f]{12} -> [0-9a-f]{12}\)/);
    expect(support.diff).toContain('+A sentence added to the English after the translation.');
    expect(support.diff).toContain('--- content/en-GB/support.md (translated from');
    expect(status.locales[0]!.leaflets.items.filter((i) => i.state === 'stale').map((i) => i.id)).toEqual(['support']);
    expect(statusHasGaps(status)).toBe(true);
    expect(textOf(status)).toContain('content/cy/support.md is out of date');
  });

  it('reports a version bump alone as stale, and says when git cannot show the old text', async () => {
    const copy = await projectCopy();
    editFile(copy, 'content/en-GB/support.md', 'version: "1.1"', 'version: "1.2"');
    const support = (await i18nStatus(copy, { locales: ['cy'] })).locales[0]!.leaflets.items.find((i) => i.id === 'support')!;
    expect(support.state).toBe('stale');
    expect(support.reasons).toEqual(['source version is 1.2, translation was made from 1.1']);
    // The body did not change, so the diff is empty of changes but found.
    expect(support.diff).not.toMatch(/^[+-][^+-]/m);

    const noGit = await projectCopy();
    const { rmSync } = await import('node:fs');
    rmSync(join(noGit, '.git'), { recursive: true });
    appendFileSync(join(noGit, 'content/en-GB/support.md'), '\nChanged.\n');
    const item = (await i18nStatus(noGit, { locales: ['cy'] })).locales[0]!.leaflets.items.find((i) => i.id === 'support')!;
    expect(item.state).toBe('stale');
    expect(item.diff).toBeUndefined();
    expect(item.diffUnavailable).toMatch(/git/);
  });
});
