import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.ts';
import { copyOfProject, runCli } from '../support/projectCopy.ts';

describe('a layout error in a build', () => {
  it('keeps the last good PDF, names the file, exits 1, and reports page-count changes against the last build', async () => {
    const root = copyOfProject(['support']);
    const outDir = path.join(root, 'output');
    const options = { root, outDir, strict: false, editions: ['a5' as const], leaflets: ['support'], locales: ['en-GB'], measureReadingEase: false };
    const first = await buildProject(options);
    expect(first.ok).toBe(true);
    const pdf = path.join(outDir, 'en-GB', 'support.pdf');
    const good = readFileSync(pdf);

    // A title no cover can hold: the layout check stops the PDF.
    const source = path.join(root, 'content', 'en-GB', 'support.md');
    const text = readFileSync(source, 'utf8');
    writeFileSync(source, text.replace(/^title: .*$/m, `title: ${'Support for people with alopecia and their families '.repeat(25)}`));
    const cli = await runCli(['--root', root, 'build', '--edition', 'a5', '--leaflet', 'support', '--locale', 'en-GB']);
    expect(cli.code, cli.stdout).toBe(1);
    expect(cli.stdout).toMatch(/content\/en-GB\/support\.md {2}error {2}a5 page 1: the cover does not fit on one page.* {2}layout-cover-overflow/);
    expect(cli.stdout).toMatch(/Shorten the title \(\d+ characters\)/);
    expect(readFileSync(pdf).equals(good)).toBe(true);

    // Fixed, but one page longer than before: the build says so, in the summary and in --json.
    writeFileSync(source, text.replace('## Why support can help', `## Why support can help\n\n${'Talking to others who understand can help a great deal. '.repeat(40)}\n`));
    const longer = await runCli(['--root', root, 'build', '--edition', 'a5', 'booklet', '--leaflet', 'support', '--locale', 'en-GB', '--json']);
    expect(longer.code, longer.stdout).toBe(0);
    const report = JSON.parse(longer.stdout) as { pageCountChanges: Array<{ edition: string; before: number; after: number }>; outputs: Array<{ fit: object }> };
    expect(report.pageCountChanges).toContainEqual(expect.objectContaining({ edition: 'a5', before: first.outputs[0]!.pages }));
    expect(report.outputs[0]!.fit).toEqual(expect.objectContaining({ lineHeight: expect.any(Number), spacing: expect.any(Number), marginMm: expect.any(Number) }));
  }, 180_000);
});
