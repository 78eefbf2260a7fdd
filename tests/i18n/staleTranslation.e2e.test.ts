import { appendFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/projectCopy.ts';
import { openPdf, pageText } from '../support/readPdf.ts';
import { editFile, projectCopy } from './projectCopy.ts';

const STALE_NOTICE = "Mae'r cyfieithiad hwn wedi dyddio";
const DRAFT_NOTICE = 'Cyfieithiad drafft';

const coverText = async (file: string) => (await pageText(await openPdf(file), 1)).text;

describe('editing an English leaflet makes its Welsh translation stale', () => {
  let root: string;
  beforeAll(async () => {
    root = await projectCopy();
  });

  it('status shows cy up to date, the cy PDF has the draft notice only; after an English edit, status says stale (text and JSON) and the PDF says so', async () => {
    const before = await runCli(['--root', root, 'i18n', 'status', '--json']);
    expect(before.code).toBe(0);
    const welshBefore = JSON.parse(before.stdout).locales.find((l: { locale: string }) => l.locale === 'cy');
    expect(welshBefore.leaflets.counts.stale).toBe(0);

    const firstBuild = await runCli(['--root', root, 'build', '--locale', 'cy', '--leaflet', 'support', '--edition', 'a5']);
    expect(firstBuild.code, firstBuild.stdout).toBe(0);
    const pdf = path.join(root, 'output/cy/support.pdf');
    expect(await coverText(pdf)).toContain(DRAFT_NOTICE);
    expect(await coverText(pdf)).not.toContain(STALE_NOTICE);

    appendFileSync(path.join(root, 'content/en-GB/support.md'), '\nYou can also ask your GP about local support.\n');

    const text = await runCli(['--root', root, 'i18n', 'status', '--locale', 'cy']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/support\s+stale\s+content\/cy\/support\.md/);
    expect(text.stdout).toContain('+You can also ask your GP about local support.');
    const json = JSON.parse((await runCli(['--root', root, 'i18n', 'status', '--locale', 'cy', '--json'])).stdout);
    expect(json.locales[0].leaflets.items.find((i: { id: string }) => i.id === 'support')).toMatchObject({ state: 'stale', file: 'content/cy/support.md' });
    expect((await runCli(['--root', root, 'i18n', 'status', '--strict'])).code).toBe(1);

    const staleBuild = await runCli(['--root', root, 'build', '--locale', 'cy', '--leaflet', 'support', '--edition', 'a5']);
    expect(staleBuild.code, staleBuild.stdout).toBe(0);
    expect(staleBuild.stdout).toMatch(/content\/cy\/support\.md:\d+:1 {2}warning {2}Translation is out of date: content\/en-GB\/support\.md changed/);
    expect(await coverText(pdf)).toContain(STALE_NOTICE);
  }, 120_000);

  it('fails a --strict build of the stale translation and writes no PDF', async () => {
    const copy = await projectCopy();
    editFile(copy, 'content/en-GB/support.md', 'version: "1.1"', 'version: "1.2"');
    rmSync(path.join(copy, 'output'), { recursive: true, force: true });
    const strict = await runCli(['--root', copy, 'build', '--strict', '--locale', 'cy', '--leaflet', 'support', '--edition', 'a5']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/content\/cy\/support\.md:\d+:1 {2}error {2}Translation is out of date/);
    expect(existsSync(path.join(copy, 'output/cy/support.pdf'))).toBe(false);
  }, 120_000);

  it('i18n check exits 1 naming the file and key of a broken Welsh placeholder or plural form', async () => {
    const copy = await projectCopy();
    expect((await runCli(['--root', copy, 'i18n', 'check'])).code).toBe(0);
    editFile(copy, 'locales/cy/blocks.json', '"websiteLinkText": "wefan {{charity}}"', '"websiteLinkText": "gwefan yr elusen"');
    editFile(copy, 'locales/cy/common.json', '"pages_many": "{{count}} tudalen",\n', '');
    const check = await runCli(['--root', copy, 'i18n', 'check', '--locale', 'cy']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/locales\/cy\/blocks\.json:11 {2}error {2}"blocks:support\.websiteLinkText" lacks the placeholder \{\{charity\}\}/);
    expect(check.stdout).toMatch(/locales\/cy\/common\.json:\d+ {2}error {2}"common:downloads\.pages" lacks plural form downloads\.pages_many/);
    const json = JSON.parse((await runCli(['--root', copy, 'i18n', 'check', '--locale', 'cy', '--json'])).stdout);
    expect(json.ok).toBe(false);
    expect(json.diagnostics.map((d: { rule: string }) => d.rule).sort()).toEqual(['placeholder-mismatch', 'plural-forms']);
  }, 60_000);
});
