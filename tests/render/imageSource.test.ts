import { copyFileSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import { EDITIONS } from '../../src/render/editions.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { renderEdition } from '../../src/render/renderEdition.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

/** Width x height of every image XObject in the PDF but soft masks, read with pdf-lib. */
async function imageSizes(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  const images = pdf.context.enumerateIndirectObjects().filter(([, object]) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
  const masks = new Set(images.map(([, object]) => String((object as PDFRawStream).dict.get(PDFName.of('SMask')))));
  return images
    .filter(([ref]) => !masks.has(String(ref)))
    .map(([, object]) => {
      const dict: PDFDict = (object as PDFRawStream).dict;
      const size = (key: string) => (dict.get(PDFName.of(key)) as PDFNumber).asNumber();
      return `${size('Width')}x${size('Height')}`;
    });
}

describe('image files', () => {
  it('show a logo replaced under the same name in the next render of the same process', async () => {
    const { brand, leaflets } = await shippedLeaflets();
    const fontStore = createFontStore(brand);
    const leaflet = leaflets.find((candidate) => candidate.id === 'support' && candidate.locale === 'en-GB')!;
    const logo = path.join(mkdtempSync(path.join(tmpdir(), 'leaflets-logo-')), 'logo.png');
    copyFileSync(path.join(PROJECT_ROOT, 'templates/assets/logo.png'), logo);
    const input = { leaflet, brand: { ...brand, resolved: { ...brand.resolved, logo } }, edition: EDITIONS.a5, fontStore, leafletUrl: 'https://www.alopecia.org.uk/l' };

    const before = await imageSizes((await renderEdition(input)).bytes);
    expect(before.length).toBe(1);
    // Another logo under the same name.
    const replacement = new PNG({ width: 40, height: 10 });
    replacement.data.fill(200);
    writeFileSync(logo, PNG.sync.write(replacement));
    utimesSync(logo, new Date(), new Date(Date.now() + 5_000));
    const after = await imageSizes((await renderEdition(input)).bytes);
    expect(after).toEqual(['40x10']);
    expect(after).not.toEqual(before);
  }, 60_000);
});

describe('image bytes handed to react-pdf', () => {
  it("give Buffer's own text as react-pdf's image key, decoded once while the file is unchanged, and every other encoding as Buffer gives it", async () => {
    const { imageSource } = await import('../../src/render/imageSource.ts');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'leaflets-image-')), 'logo.png');
    copyFileSync(path.join(PROJECT_ROOT, 'templates/assets/logo.png'), file);
    const decode = vi.spyOn(Buffer.prototype, 'toString');
    const source = imageSource(file);
    if (typeof source === 'string') throw new Error('the logo should be read as bytes');
    const plain = Buffer.from(source.data);
    const key = source.data.toString();
    expect(key).toBe(plain.toString());
    // Not decoded again: react-pdf keys every layout's image by it.
    const decodedOnce = decode.mock.calls.filter((args) => args.length === 0).length;
    expect(source.data.toString()).toBe(key);
    expect(decode.mock.calls.filter((args) => args.length === 0).length).toBe(decodedOnce);
    decode.mockRestore();
    expect(source.data.toString('base64')).toBe(plain.toString('base64'));
    expect(source.data.toString('hex', 0, 8)).toBe(plain.toString('hex', 0, 8));
    expect(imageSource(file)).toBe(source);
  });
});
