import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfProject, runCli } from '../support/projectCopy.ts';
import { editFile } from './projectCopy.ts';

const pdfsOf = (root: string, locale: string): Map<string, { bytes: string; mtimeMs: number }> =>
  new Map(
    readdirSync(path.join(root, 'output', locale))
      .filter((name) => name.endsWith('.pdf'))
      .map((name) => {
        const file = path.join(root, 'output', locale, name);
        return [name, { bytes: readFileSync(file).toString('base64'), mtimeMs: statSync(file).mtimeMs }];
      }),
  );

describe('the build runs the translation checks for the locales it builds', () => {
  it('a broken placeholder in locales/cy/common.json fails the build naming file, line and key; no Welsh PDF changes', async () => {
    const root = copyOfProject(['support']);
    const first = await runCli(['--root', root, 'build']);
    expect(first.code).toBe(0);
    const welshBefore = pdfsOf(root, 'cy');
    expect(welshBefore.size).toBe(5);

    editFile(root, 'locales/cy/common.json', '"Iaith: {{language}}"', '"Iaith: {{language}"');
    editFile(root, 'locales/en-GB/common.json', '"Language: {{language}}"', '"Language:  {{language}}"');
    const broken = await runCli(['--root', root, 'build']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('locales/cy/common.json:7  error  "common:cover.language": Unclosed {{ … }}: "{{language}" has no closing }}');
    expect(pdfsOf(root, 'cy')).toEqual(welshBefore);
    expect(broken.stdout).toMatch(/failed\s+output\/cy\/support\.pdf/);
    // The English PDFs are still built.
    expect(broken.stdout).toMatch(/(written|unchanged)\s+output\/en-GB\/support\.pdf/);

    // Building only English does not check (or block on) Welsh.
    expect((await runCli(['--root', root, 'build', '--locale', 'en-GB', '--edition', 'a5'])).code).toBe(0);
  }, 240_000);
});
