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
  /** png-js's parsed file, on PNG images. */
  image?: { decodePixels(done: (pixels: Uint8Array) => void): unknown };
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

/**
 * Pixels decoded in the order the document asks for them. png-js inflates a PNG's pixels (for
 * an alpha channel, transparency or interlacing) with zlib's asynchronous inflate, and pdfkit
 * writes the image's objects when that finishes: with two such images in one document, which
 * finished first decided the order of objects in the file, so a rebuild could differ byte for
 * byte. Each image gets a view of its parsed file whose decoding hands the pixels on only after
 * every image asked before it has had its own.
 */
function decodeInOrder(image: PdfImage | undefined, queue: { issued: number; next: number; ready: Map<number, () => void> }): PdfImage | undefined {
  const parsed = image?.image;
  if (!image || !parsed) return image;
  image.image = Object.create(parsed, {
    decodePixels: {
      value(done: (pixels: Uint8Array) => void) {
        const ticket = queue.issued++;
        return parsed.decodePixels((pixels) => {
          queue.ready.set(ticket, () => done(pixels));
          for (let next = queue.ready.get(queue.next); next; next = queue.ready.get(queue.next)) {
            queue.ready.delete(queue.next);
            queue.next += 1;
            next();
          }
        });
      },
    },
  }) as PdfImage['image'];
  return image;
}

/** Installs the memo on one document (an own property: pdfkit's prototype is left alone). */
export function installDecodedImageMemo(doc: ImageOpening): void {
  const openImage = doc.openImage;
  const decoding = { issued: 0, next: 0, ready: new Map<number, () => void>() };
  doc.openImage = function openImageRemembered(this: ImageOpening, src: unknown) {
    if (!(src instanceof Uint8Array) || src.length > MAX_REMEMBERED_BYTES || !isPng(src)) return decodeInOrder(openImage.call(this, src), decoding);
    const key = createHash('sha256').update(src).digest('base64');
    const known = opened.get(key);
    if (known) {
      return decodeInOrder(Object.assign(Object.create(known.prototype) as PdfImage, known.fields, { label: `I${++this._imageCount}`, obj: null }), decoding);
    }
    const image = openImage.call(this, src);
    if (image && image.obj === null) {
      const { label: _label, ...fields } = image as unknown as Record<string, unknown>;
      opened.set(key, { prototype: Object.getPrototypeOf(image) as object, fields });
    }
    return decodeInOrder(image, decoding);
  };
}

/** Empties the memo (tests). */
export const clearDecodedImages = (): void => opened.clear();
