import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.ts';
import { isPseudoLocale, manifestSchema, type Manifest } from '../../src/emit/manifest.ts';
import { setTranslation, siteProject } from '../site/siteProject.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

describe('output/manifest.json', () => {
  let root: string;
  let out: string;
  let manifest: Manifest;
  let firstBytes: Buffer;

  beforeAll(async () => {
    // A pseudo-locale copy of the leaflet: never built by default, never published.
    root = siteProject(['support']);
    mkdirSync(path.join(root, 'content/en-XA'));
    cpSync(path.join(root, 'content/en-GB/support.md'), path.join(root, 'content/en-XA/support.md'));
    // A Welsh translation made from an older English version: stale whatever the text says.
    setTranslation(path.join(root, 'content/cy/support.md'), { sourceVersion: '0.1', status: 'reviewed' });
    out = path.join(root, 'output');
    await buildProject({ root, outDir: out, editions: ['a5', 'booklet'], strict: false });
    firstBytes = readFileSync(path.join(out, 'manifest.json'));
    manifest = manifestSchema.parse(JSON.parse(firstBytes.toString('utf8')));
  }, 120_000);

  it('validates against output/manifest.schema.json with an independent JSON Schema validator', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(readJson(path.join(out, 'manifest.schema.json')) as object);
    expect(validate(readJson(path.join(out, 'manifest.json'))), JSON.stringify(validate.errors)).toBe(true);
    // The schema is strict: an unknown field fails.
    const tampered = { ...manifest, extra: true };
    expect(validate(tampered)).toBe(false);
  });

  it('lists every leaflet x locale with metadata, language name and translation status', () => {
    const rows = manifest.leaflets.map((entry) => [entry.id, entry.locale, entry.language.name, entry.translationStatus]);
    expect(rows).toEqual([
      ['support', 'cy', 'Cymraeg', 'stale'],
      ['support', 'en-GB', 'British English', 'source'],
    ]);
    const welsh = manifest.leaflets[0]!;
    const frontMatter = readFileSync(path.join(root, 'content/cy/support.md'), 'utf8');
    for (const field of ['title', 'summary', 'published', 'reviewDue'] as const) {
      expect(frontMatter).toContain(`${field}: ${welsh[field]}\n`);
    }
    expect(frontMatter).toContain(`version: "${welsh.version}"`);
  });

  it('leaves out pseudo-locales: not built unless named, and never into the output folder', () => {
    expect(existsSync(path.join(out, 'en-XA'))).toBe(false);
    expect(manifest.leaflets.some((entry) => entry.locale === 'en-XA')).toBe(false);
    expect(isPseudoLocale('en-XA')).toBe(true);
    expect(isPseudoLocale('ar-XB')).toBe(true);
    expect(isPseudoLocale('en-GB')).toBe(false);
  });

  it('every listed file exists with the listed byte count, sha256 and page count', async () => {
    let checked = 0;
    for (const entry of manifest.leaflets) {
      expect(entry.editions.map((file) => file.edition)).toEqual(['a5', 'booklet']);
      expect(entry.editions.map((file) => file.forPrinters)).toEqual([false, true]);
      for (const file of entry.editions) {
        const bytes = readFileSync(path.join(out, file.path));
        expect(bytes.length).toBe(file.bytes);
        expect(sha256(bytes)).toBe(file.sha256);
        expect((await PDFDocument.load(bytes)).getPageCount()).toBe(file.pages);
        checked += 1;
      }
      const cover = entry.cover!;
      const png = readFileSync(path.join(out, cover.path));
      expect([png.length, sha256(png)]).toEqual([cover.bytes, cover.sha256]);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(cover.width);
      expect(png.readUInt32BE(20)).toBe(cover.height);
      expect(cover.renderedFrom).toBe(entry.editions[0]!.sha256);
      checked += 1;
    }
    expect(checked).toBe(6);
  });

  it('is deterministic: a rebuild writes the same bytes and leaves the file alone', async () => {
    const before = readFileSync(path.join(out, 'manifest.json'));
    await buildProject({ root, outDir: out, editions: ['a5', 'booklet'], strict: false });
    expect(readFileSync(path.join(out, 'manifest.json')).equals(before)).toBe(true);
    expect(before.equals(firstBytes)).toBe(true);
    expect(firstBytes.toString('utf8')).not.toMatch(/T\d\d:\d\d/);
  }, 120_000);

  it('a build restricted to one locale and edition still describes every output on disk', async () => {
    const file = path.join(root, 'content/cy/support.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Taflen newydd'));
    await buildProject({ root, outDir: out, editions: ['a5'], locales: ['cy'], strict: false });
    const after = manifestSchema.parse(readJson(path.join(out, 'manifest.json')));
    expect(after.leaflets.map((entry) => [entry.locale, entry.editions.length])).toEqual([
      ['cy', 2],
      ['en-GB', 2],
    ]);
    const welsh = after.leaflets[0]!;
    expect(welsh.title).toBe('Taflen newydd');
    const pdf = readFileSync(path.join(out, 'cy/support.pdf'));
    expect(welsh.editions[0]!.sha256).toBe(sha256(pdf));
    expect(welsh.cover!.renderedFrom).toBe(sha256(pdf));
    expect(after.leaflets[1]).toEqual(manifest.leaflets[1]);
  }, 120_000);

  it('keeps the last good metadata when a leaflet front matter breaks (its last good PDF stays)', async () => {
    const file = path.join(root, 'content/en-GB/support.md');
    const previous = manifestSchema.parse(readJson(path.join(out, 'manifest.json')));
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: .*$/m, 'version: [unclosed'));
    const report = await buildProject({ root, outDir: out, editions: ['a5'], locales: ['en-GB'], strict: false });
    expect(report.ok).toBe(false);
    const after = manifestSchema.parse(readJson(path.join(out, 'manifest.json')));
    expect(after.leaflets.find((entry) => entry.locale === 'en-GB')).toEqual(previous.leaflets.find((entry) => entry.locale === 'en-GB'));
  }, 120_000);
});
