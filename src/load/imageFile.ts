/**
 * Images are checked by what they contain, not by their name: the first bytes must say PNG or
 * JPEG (the formats the PDF renderer draws) and the whole image must decode. react-pdf drops
 * an image it cannot read without a word, and only in the editions it happens to fail in.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { formatBytes, raiseLimitNote } from './limits.ts';
import { checkProjectPath, projectRelative } from './projectFiles.ts';

export interface ImageInfo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

/** Larger images would need gigabytes to decode (a small file can claim huge dimensions). */
export const MAX_IMAGE_MEGAPIXELS = 50;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Formats recognised only to name them in the message. */
const OTHER_FORMATS: Array<[string, (bytes: Buffer) => boolean]> = [
  ['GIF', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['WebP', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
  ['BMP', (b) => b.subarray(0, 2).toString('latin1') === 'BM'],
  ['TIFF', (b) => ['II*\0', 'MM\0*'].includes(b.subarray(0, 4).toString('latin1'))],
  ['SVG', (b) => /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(b.subarray(0, 512).toString('utf8'))],
];

const checked = new Map<string, ImageInfo | string>();

/** The image's format and size, or why it cannot be printed. Results are kept by content hash. */
export function inspectImage(bytes: Buffer): ImageInfo | { problem: string } {
  const hash = createHash('sha256').update(bytes).digest('hex');
  let result = checked.get(hash);
  if (result === undefined) {
    result = decode(bytes);
    checked.set(hash, result);
  }
  return typeof result === 'string' ? { problem: result } : result;
}

function decode(bytes: Buffer): ImageInfo | string {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return decodePng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return decodeJpeg(bytes);
  const other = OTHER_FORMATS.find(([, test]) => test(bytes))?.[0];
  return other
    ? `it is a ${other} image; leaflets can print PNG and JPEG images only`
    : 'it is not a PNG or JPEG image (its first bytes say neither)';
}

const tooLarge = (width: number, height: number): string | undefined =>
  width * height > MAX_IMAGE_MEGAPIXELS * 1_000_000
    ? `it is ${width} x ${height} pixels, more than ${MAX_IMAGE_MEGAPIXELS} megapixels`
    : undefined;

function decodePng(bytes: Buffer): ImageInfo | string {
  // The header (IHDR) gives the dimensions: refuse a decompression bomb before inflating it.
  if (bytes.length < 24) return 'the PNG image is incomplete';
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const huge = tooLarge(width, height);
  if (huge) return huge;
  try {
    const image = PNG.sync.read(bytes, { checkCRC: true });
    if (image.width === 0 || image.height === 0) return 'the PNG image has no pixels';
    return { format: 'png', width: image.width, height: image.height };
  } catch {
    return 'the PNG image is incomplete or damaged (it does not decode)';
  }
}

function decodeJpeg(bytes: Buffer): ImageInfo | string {
  try {
    const image = jpeg.decode(bytes, { maxResolutionInMP: MAX_IMAGE_MEGAPIXELS, maxMemoryUsageInMB: 1024, tolerantDecoding: false, formatAsRGBA: false });
    if (image.width === 0 || image.height === 0) return 'the JPEG image has no pixels';
    return { format: 'jpeg', width: image.width, height: image.height };
  } catch (error) {
    const message = (error as Error).message;
    if (/maxResolutionInMP|maxMemoryUsage/.test(message)) return `it is larger than ${MAX_IMAGE_MEGAPIXELS} megapixels`;
    return 'the JPEG image is incomplete or damaged (it does not decode)';
  }
}

export type ImageCheck =
  | { ok: true; realPath: string; info: ImageInfo }
  | { ok: false; rule: string; message: string; note?: string };

/**
 * An image file the project names (a leaflet image, the logo): inside the project, within the
 * image size limit (checked before reading), and a whole PNG or JPEG.
 */
export function checkProjectImage(root: string, absolute: string, maxBytes: number): ImageCheck {
  const name = projectRelative(root, absolute);
  const place = checkProjectPath(root, absolute, { name });
  if (!place.ok) return place.rule === 'missing-file' ? { ok: false, rule: 'missing-image', message: `Image file not found: ${name}` } : place;
  if (place.bytes > maxBytes) {
    return {
      ok: false,
      rule: 'file-too-large',
      message: `Image ${name} is ${formatBytes(place.bytes)}, over the ${formatBytes(maxBytes)} limit for an image`,
      note: `Save it smaller (a leaflet image needs no more than about 2000 pixels across). ${raiseLimitNote('imageFileSize')}`,
    };
  }
  const result = inspectImage(readFileSync(place.realPath));
  if ('problem' in result) {
    return { ok: false, rule: 'bad-image', message: `Image ${name} cannot be printed: ${result.problem}`, note: 'Save it again as PNG or JPEG from an image editor.' };
  }
  return { ok: true, realPath: place.realPath, info: result };
}
