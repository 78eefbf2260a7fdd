import { createHash } from 'node:crypto';
import { BoundedMemo } from './boundedMemo.ts';

/**
 * PNG images read once per process, not once per document. pdfkit opens every image a
 * document draws into an image object of that document (its own PDF reference and label);
 * for a PNG it parses the file with png-js first (about 0.7 ms for the 17 KB logo, copying
 * the image data byte by byte), and every leaflet and edition draws the logo.
 *
 * Here the first opening of a PNG's bytes is pdfkit's own, and the image object it gives is
 * kept as it was made (before it is embedded): its own properties, among them png-js's parsed
 * file and the image data. A later document gets an image object of its own with those
 * properties and its own label, numbered as pdfkit numbers them. The parsed file and the image
 * data are only read from then on (to embed, and to decode pixels when a PNG has an alpha
 * channel or is interlaced), never written, so documents can share them.
 * JPEGs are cheap to open (only their header is read) and are left to pdfkit.
 */
interface PdfImage {
  label: string;
  obj: unknown;
}

interface ImageOpening {
  openImage(src: unknown): PdfImage | undefined;
  _imageCount: number;
}

/** Small images only (logos, icons): larger ones would hold too much memory for what they save. */
const MAX_REMEMBERED_BYTES = 512 * 1024;
/** Images per generation (two are kept): at most 2 x 16 images of 512 KB, 16 MB, held. */
const MAX_IMAGES = 16;
const opened = new BoundedMemo<{ prototype: object; fields: Record<string, unknown> }>(MAX_IMAGES);

const isPng = (bytes: Uint8Array): boolean => bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;

/** Installs the memo on one document (an own property: pdfkit's prototype is left alone). */
export function installDecodedImageMemo(doc: ImageOpening): void {
  const openImage = doc.openImage;
  doc.openImage = function openImageRemembered(this: ImageOpening, src: unknown) {
    if (!(src instanceof Uint8Array) || src.length > MAX_REMEMBERED_BYTES || !isPng(src)) return openImage.call(this, src);
    const key = createHash('sha256').update(src).digest('base64');
    const known = opened.get(key);
    if (known) {
      return Object.assign(Object.create(known.prototype) as PdfImage, known.fields, { label: `I${++this._imageCount}`, obj: null });
    }
    const image = openImage.call(this, src);
    if (image && image.obj === null) {
      const { label: _label, ...fields } = image as unknown as Record<string, unknown>;
      opened.set(key, { prototype: Object.getPrototypeOf(image) as object, fields });
    }
    return image;
  };
}

/** Empties the memo (tests). */
export const clearDecodedImages = (): void => opened.clear();
