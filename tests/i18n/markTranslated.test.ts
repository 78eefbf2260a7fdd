import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markTranslated } from '../../src/i18n/markTranslated.ts';
import { bodyHash, normaliseBody } from '../../src/i18n/sourceHash.ts';
import { i18nStatus } from '../../src/i18n/status.ts';
import { git, projectCopy } from './projectCopy.ts';

describe('source hash', () => {
  it('ignores line endings, trailing spaces and surrounding blank lines, but not words', () => {
    expect(normaliseBody('\n\nHello  \r\nworld\n\n')).toBe('Hello\nworld');
    expect(bodyHash('Hello\nworld\n')).toBe(bodyHash('\r\nHello \r\nworld'));
    expect(bodyHash('Hello\nworld')).not.toBe(bodyHash('Hello\nWorld'));
    expect(bodyHash('x')).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('i18n mark-translated', () => {
  it('records the current English hash and version, touching only those lines, so the leaflet is no longer stale', async () => {
    const root = await projectCopy();
    appendFileSync(join(root, 'content/en-GB/support.md'), '\nNew English text.\n');
    const before = readFileSync(join(root, 'content/cy/support.md'), 'utf8');
    expect((await i18nStatus(root, { locales: ['cy'], diff: false })).locales[0]!.leaflets.counts.stale).toBe(1);

    const result = await markTranslated({ root, locale: 'cy', id: 'support', status: 'reviewed' });
    expect(result).toMatchObject({ file: 'content/cy/support.md', changed: true, sourceVersion: '1.1', diagnostics: [] });
    const after = readFileSync(join(root, 'content/cy/support.md'), 'utf8');
    const diff = git(root, 'diff', '--unified=0', '--', 'content/cy/support.md').split('\n').filter((l) => /^[+-][^+-]/.test(l));
    expect(diff).toHaveLength(4);
    expect(diff).toEqual(expect.arrayContaining(['-  status: draft', '+  status: reviewed', expect.stringMatching(/^-  sourceHash: [0-9a-f]{12}$/), `+  sourceHash: ${result.sourceHash}`]));
    expect(after.length - before.length).toBe('reviewed'.length - 'draft'.length);
    const status = (await i18nStatus(root, { locales: ['cy'], diff: false })).locales[0]!;
    expect(status.leaflets.items.find((i) => i.id === 'support')!.state).toBe('reviewed');
  });

  it('refuses the source locale and a translation that does not exist', async () => {
    const root = await projectCopy();
    expect((await markTranslated({ root, locale: 'en-GB', id: 'support' })).diagnostics[0]!.message).toMatch(/source locale/);
    expect((await markTranslated({ root, locale: 'fr', id: 'support' })).diagnostics[0]).toMatchObject({ file: 'content/fr/support.md', rule: 'mark-translated' });
  });
});
