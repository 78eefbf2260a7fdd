import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/load/brand.ts';
import { fontProblem } from '../../src/load/fontFile.ts';
import { checkProjectImage, inspectImage } from '../../src/load/imageFile.ts';
import { basicProject, tempProject } from '../fixtures/tempProject.ts';
import { pngImage } from '../support/hostileInput.ts';

const jpegImage = (): Buffer => Buffer.from(jpeg.encode({ width: 16, height: 8, data: Buffer.alloc(16 * 8 * 4, 0x90) }, 80).data);

describe('images are checked by content', () => {
  it('decodes whole PNG and JPEG images and gives their size', () => {
    expect(inspectImage(pngImage(8, 4))).toEqual({ format: 'png', width: 8, height: 4 });
    expect(inspectImage(jpegImage())).toEqual({ format: 'jpeg', width: 16, height: 8 });
  });

  it('refuses text named .png, truncated images, other formats and a header claiming a huge image', () => {
    const png = pngImage(64, 64);
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    const cases: Array<[Buffer, RegExp]> = [
      [Buffer.from('root:x:0:0:root:/root:/bin/bash\n'), /not a PNG or JPEG/],
      [png.subarray(0, png.length - 30), /incomplete or damaged/],
      [jpegImage().subarray(0, 200), /incomplete or damaged/],
      [Buffer.from('GIF89a\x01\x00\x01\x00'), /GIF image/],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), /SVG image/],
      [bomb, /megapixels/],
    ];
    for (const [bytes, message] of cases) expect((inspectImage(bytes) as { problem: string }).problem).toMatch(message);
  });

  it('refuses an image over limits.imageFileSize before reading it', () => {
    const root = tempProject({});
    writeFileSync(join(root, 'images/big.png'), pngImage(256, 256));
    expect(checkProjectImage(root, join(root, 'images/big.png'), 100)).toMatchObject({ ok: false, rule: 'file-too-large' });
    expect(checkProjectImage(root, join(root, 'images/big.png'), 10_000_000)).toMatchObject({ ok: true, info: { width: 256 } });
  });
});

describe('the brand file', () => {
  const brandText = readFileSync(join(basicProject, 'templates/brand.yaml'), 'utf8');
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

  it('refuses logo.path: /etc/passwd, naming templates/brand.yaml and the line', async () => {
    const brand = brandText.replace('assets/logo.png', '/etc/passwd');
    const { brand: loaded, diagnostics } = await loadBrand(tempProject({ 'templates/brand.yaml': brand }));
    expect(loaded).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'templates/brand.yaml', line: lineOf(brand, '/etc/passwd'), rule: 'outside-project' })]);
  });

  it('refuses a logo that is not an image and a logo linked out of the project', async () => {
    const root = tempProject({ 'templates/assets/logo.png': 'not an image' });
    expect((await loadBrand(root)).diagnostics).toEqual([expect.objectContaining({ file: 'templates/brand.yaml', rule: 'bad-image' })]);
    const linked = tempProject({});
    const logo = join(linked, 'templates/assets/logo.png');
    writeFileSync(join(linked, '..', 'outside-logo.png'), pngImage());
    rmSync(logo);
    symlinkSync(join(linked, '..', 'outside-logo.png'), logo);
    expect((await loadBrand(linked)).diagnostics).toEqual([expect.objectContaining({ rule: 'outside-project' })]);
  });

  it('refuses a font file that is not a font, naming the brand file and the font path', async () => {
    const brand = brandText.replace(/bold: npm:[^\n]*700Bold\.ttf/, 'bold: assets/fake.ttf');
    const root = tempProject({ 'templates/brand.yaml': brand, 'templates/assets/fake.ttf': 'not a font' });
    const { diagnostics } = await loadBrand(root);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'templates/brand.yaml', line: lineOf(brand, 'assets/fake.ttf'), rule: 'bad-font' })]);
    expect(diagnostics[0]?.message).toContain('assets/fake.ttf');
    const real = join(root, 'node_modules/@expo-google-fonts/atkinson-hyperlegible-next/400Regular/AtkinsonHyperlegibleNext_400Regular.ttf');
    expect(fontProblem(real, 1000)).toBeUndefined();
    writeFileSync(join(root, 'cut.ttf'), readFileSync(real).subarray(0, 2000));
    expect(fontProblem(join(root, 'cut.ttf'), 2000)).toMatch(/damaged/);
  });

  it('refuses an npm: path that climbs out of its package', async () => {
    const brand = brandText.replace(/regular: npm:@expo-google-fonts\/atkinson-hyperlegible-next\/400Regular\/[^\n]*/, 'regular: npm:@expo-google-fonts/atkinson-hyperlegible-next/../../../../../etc/passwd');
    const { diagnostics } = await loadBrand(tempProject({ 'templates/brand.yaml': brand }));
    expect(diagnostics.map((d) => d.rule)).toEqual(['outside-project']);
  });

  it('allows only https and http web addresses for the website, the leaflet address pattern and contact website', async () => {
    const cases = [
      brandText.replace('website: https://example.org', 'website: javascript:alert(1)'),
      brandText.replace('leafletUrlPattern: /leaflets/{locale}/{id}', 'leafletUrlPattern: "javascript:alert({id})"'),
      brandText.replace('leafletUrlPattern: /leaflets/{locale}/{id}', 'leafletUrlPattern: "file:///{id}"'),
    ];
    for (const brand of cases) {
      const { diagnostics } = await loadBrand(tempProject({ 'templates/brand.yaml': brand }));
      expect(diagnostics, brand.slice(0, 0)).toEqual([expect.objectContaining({ file: 'templates/brand.yaml', rule: 'brand' })]);
    }
  });
});
