import { deflateSync } from 'node:zlib';
import { deflateText } from './compressedStreams.ts';
import { installDecodedImageMemo } from './decodedImages.ts';
import { isRememberedSubset, rememberSubsetEncoding } from './fontSubsets.ts';
import { drawGlyphRun, pdfNumber, type GlyphContext } from './glyphRuns.ts';
import { installPathMemo, type PathContext } from './pathOperators.ts';
import { pdfObjectText } from './pdfObjects.ts';

/**
 * Faster paths through pdfkit 0.20 for one document, installed as own properties of that
 * document and of the objects it creates (its prototypes are never touched, so other
 * documents, the print files for instance, are unaffected). The bytes are pdfkit's own:
 * at the same deflate level the PDF is identical (tests/render/drawFastPaths.test.ts).
 *
 * - `font(src)` with a fontkit font: pdfkit builds a new EmbeddedFont (and a fontkit subset)
 *   for every call, then finds the one it already has by comparing the two fonts' name tables
 *   with JSON.stringify (`isEqualFont`). react-pdf calls it for every glyph run. Here a font
 *   seen before in this document is found by identity.
 * - Content streams: pdfkit turns every operator into its own Uint8Array as it is written.
 *   Here a stream's text is kept as strings and turned into bytes once, when it ends.
 * - Deflate: zlib at the level chosen by measurement (see DEFLATE_LEVEL) instead of zlib's default (6);
 *   a content stream whose text was compressed before is not compressed again (compressedStreams.ts).
 * - Output: the file's lines are turned into bytes with one native call per run of lines, not a
 *   loop per line, and pushed to the stream together.
 * - Glyph runs: react-pdf's drawing of a run without an object per glyph (glyphRuns.ts).
 * - Font subsets: the bytes of a subset this process has encoded before (fontSubsets.ts), and
 *   their compressed stream.
 * - PNG images: parsed once per process (decodedImages.ts).
 * - The default font's metrics: parsed once per process (standardFont.ts; pdfDocument.ts
 *   makes the document with it).
 * - `transform` (react-pdf translates for every node, line and run): the same matrix and
 *   operator without an array, a callback per number and a join for each call.
 * - Colours: the `scn`/`SCN` operator of a `#rrggbb` colour written out once per process
 *   (pdfkit parses the hex and prints three long fractions for every fill react-pdf sets).
 * - SVG paths (the QR code's): the operators of a path's data, parsed and printed once per
 *   process (pathOperators.ts).
 * - Marked content: the tagging pass opens about 400 sequences per A5 leaflet, each with a
 *   dictionary holding only a marked-content id or an artifact type; pdfkit writes each through
 *   its generic object serializer. Those two shapes are written directly.
 * - Objects: each object's dictionary, when the document ends, written by pdfObjects.ts
 *   (pdfkit's serializer builds and joins an array for every dictionary).
 */

/**
 * zlib level for content and font streams. `npm run bench -- deflate` prints PDF size and
 * compression time for each level; on the A5 jak-inhibitors leaflet level 4 compressed its 13
 * streams in 55-60% of level 6's CPU time for a file 1.8% larger. Levels 1-3 were no faster
 * and 4-6% larger; 7-9 were slower and 0.1-0.2% smaller.
 */
export const DEFLATE_LEVEL = 4;

interface EmbeddedFont {
  readonly name?: string;
  /** fontkit's subset, on fonts pdfkit embeds (not the standard 14). */
  readonly subset?: Parameters<typeof rememberSubsetEncoding>[0];
}
interface PdfReference {
  id: number;
  gen: number;
  offset?: number;
  document: { _offset: number; _security?: unknown; _write(data: string | Uint8Array): void; _refEnd(ref: PdfReference): void };
  data: Record<string, unknown>;
  compress: boolean;
  buffer: Uint8Array[];
  uncompressedLength: number;
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}
/** The parts of pdfkit's document this file reaches: named so a pdfkit upgrade shows what it must keep. */
export interface PdfKitInternals {
  font(src: unknown, family?: unknown, size?: number): PdfKitInternals;
  fontSize(size: number): PdfKitInternals;
  ref(data?: Record<string, unknown>): PdfReference;
  _write(data: string | Uint8Array): void;
  push(chunk: Uint8Array | null): boolean;
  _offset: number;
  _font: EmbeddedFont | null;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontCount: number;
  _fontFamilies: Record<string, EmbeddedFont>;
  _registeredFonts: Record<string, unknown>;
}

export interface DrawOptions {
  /** zlib level, 0-9 (default DEFLATE_LEVEL). */
  deflateLevel?: number;
  /** false: pdfkit exactly as shipped (tests compare the two). */
  fastPaths?: boolean;
  /** Sees each stream's bytes before compression (the deflate bench). */
  onStream?: (uncompressed: Uint8Array) => void;
}

const isFontObject = (src: unknown): src is object => typeof src === 'object' && src !== null && !(src instanceof Uint8Array) && !(src instanceof ArrayBuffer);

function installFontByIdentity(doc: PdfKitInternals): void {
  const openFont = doc.font;
  const embedded = new Map<object, EmbeddedFont>();
  doc.font = function fontByIdentity(this: PdfKitInternals, src: unknown, family?: unknown, size?: number) {
    if (typeof family === 'number') {
      size = family;
      family = null;
    }
    const known = isFontObject(src) ? embedded.get(src) : undefined;
    if (!known || (family !== null && family !== undefined)) {
      openFont.call(this, src, family, size);
      if (this._font?.subset) rememberSubsetEncoding(this._font.subset);
      if (isFontObject(src) && (family === null || family === undefined) && this._font) embedded.set(src, this._font);
      return this;
    }
    // What pdfkit's own path ends with for a font it has (ids stay numbered as pdfkit numbers them).
    this._fontSource = src;
    this._fontFamily = family;
    if (size != null) this.fontSize(size);
    this._fontCount += 1;
    this._font = known;
    return this;
  };
}

/** Turns a run of strings written to a stream into one buffer, as pdfkit's `fromBinaryString` does each. */
const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');

/** A reference with its stream text kept as strings until it ends. */
interface BufferedReference extends PdfReference {
  /** Lines written, each without its line end (joined with them once: no new string per line). */
  pendingText: string[];
  streams: { deflateLevel: number; onStream: ((uncompressed: Uint8Array) => void) | undefined; finalize: () => void; reference: object };
}

/**
 * The lines written, each ended as pdfkit ends it, as one flat string (an empty last piece
 * gives the last line end: adding it to the joined text would make a string that the
 * compressed-stream memo's lookup copies again to hash).
 */
const linesOf = (ref: BufferedReference): string => {
  ref.pendingText.push('');
  return ref.pendingText.join('\n');
};

function flushText(ref: BufferedReference): void {
  if (ref.pendingText.length === 0) return;
  ref.buffer.push(latin1(linesOf(ref)));
  ref.pendingText = [];
}

/** pdfkit's PDFReference.write, with text kept as strings. */
function writeBuffered(this: BufferedReference, chunk: string | Uint8Array): void {
  if (typeof chunk === 'string') {
    this.pendingText.push(chunk);
    // Only ASCII and Latin-1 are written as text: one character, one byte (and the line end).
    this.uncompressedLength += chunk.length + 1;
    this.data.Length = ((this.data.Length as number | undefined) ?? 0) + chunk.length + 1;
  } else {
    flushText(this);
    this.uncompressedLength += chunk.length;
    this.data.Length = ((this.data.Length as number | undefined) ?? 0) + chunk.length;
    this.buffer.push(chunk);
  }
  if (this.compress) this.data.Filter = 'FlateDecode';
}

/**
 * Compressed streams of byte arrays met again as the same object: remembered font subsets
 * (fontSubsets.ts), which are never written to. Held only as long as the bytes are.
 */
const deflated = new WeakMap<Uint8Array, { level: number; bytes: Buffer }>();

function compressed(whole: Uint8Array, level: number): Buffer {
  if (!isRememberedSubset(whole)) return deflateSync(whole, { level });
  const known = deflated.get(whole);
  if (known?.level === level) return known.bytes;
  const bytes = deflateSync(whole, { level });
  deflated.set(whole, { level, bytes });
  return bytes;
}

/**
 * pdfkit's PDFReference.finalize for a reference whose stream, if any, is already compressed
 * (finalizeBuffered), with its dictionary written by pdfObjects.ts. False, having written
 * nothing, when pdfkit must write it (encryption, a value pdfObjects.ts leaves to pdfkit).
 */
function finalizeWritten(ref: BufferedReference): boolean {
  const { document } = ref;
  if (document._security || (ref.compress && ref.buffer.length > 0)) return false;
  const bytes = ref.buffer.length === 0 ? undefined : ref.buffer.length === 1 ? ref.buffer[0]! : Buffer.concat(ref.buffer);
  // Set as pdfkit sets it before writing the dictionary (the same value if pdfkit writes it after all).
  if (bytes) ref.data.Length = bytes.length;
  const dictionary = pdfObjectText(ref.data, ref.streams.reference);
  if (dictionary === undefined) return false;
  ref.offset = document._offset;
  document._write(`${ref.id} ${ref.gen} obj`);
  document._write(dictionary);
  if (bytes && bytes.length > 0) {
    document._write('stream');
    document._write(bytes);
    document._write('\nendstream');
  }
  ref.buffer = [];
  document._write('endobj');
  document._refEnd(ref);
  return true;
}

/** Turns the text into bytes once, compresses at the chosen level, then writes the object. */
function finalizeBuffered(this: BufferedReference): void {
  if (this.compress && this.buffer.length === 0 && this.pendingText.length > 0 && !this.streams.onStream) {
    // Text only (page content): compressed by its text, once per distinct page (compressedStreams.ts).
    this.buffer = [deflateText(linesOf(this), this.streams.deflateLevel)];
    this.pendingText = [];
    this.compress = false;
  }
  flushText(this);
  if (this.compress && this.buffer.length > 0) {
    const whole = this.buffer.length === 1 ? this.buffer[0]! : Buffer.concat(this.buffer);
    this.streams.onStream?.(whole);
    this.buffer = [compressed(whole, this.streams.deflateLevel)];
    // Already compressed: pdfkit writes it as it is, with the Filter set when it was written.
    this.compress = false;
  }
  if (!finalizeWritten(this)) this.streams.finalize.call(this);
}

function installStreamBuffering(doc: PdfKitInternals, deflateLevel: number, onStream?: (uncompressed: Uint8Array) => void): void {
  const createRef = doc.ref;
  let streams: BufferedReference['streams'] | undefined;
  doc.ref = function refWithBufferedStream(this: PdfKitInternals, data?: Record<string, unknown>) {
    const ref = createRef.call(this, data) as BufferedReference;
    ref.pendingText = [];
    // pdfkit's own finalize (every reference shares it), called once the stream is ready.
    streams ??= { deflateLevel, onStream, finalize: ref.finalize, reference: Object.getPrototypeOf(ref) as object };
    ref.streams = streams;
    ref.write = writeBuffered;
    ref.finalize = finalizeBuffered;
    return ref;
  };
}

/**
 * pdfkit writes the file a line at a time (each object's header, dictionary and end, every
 * line of the cross-reference table) and pushes every line to the stream as its own buffer.
 * Lines are kept as text and pushed as one buffer before the next binary chunk and at the end;
 * the bytes and every object's offset are the same.
 */
function installNativeOutput(doc: PdfKitInternals): void {
  const push = doc.push;
  let lines: string[] = [];
  const flushLines = (target: PdfKitInternals) => {
    if (lines.length === 0) return;
    lines.push('');
    push.call(target, latin1(lines.join('\n')));
    lines = [];
  };
  doc.push = function pushAfterLines(this: PdfKitInternals, chunk: Uint8Array | null) {
    flushLines(this);
    return push.call(this, chunk);
  };
  doc._write = function writeOutput(this: PdfKitInternals, data: string | Uint8Array) {
    if (typeof data === 'string') {
      lines.push(data);
      // One byte per character, as pdfkit's fromBinaryString writes them, and the line end.
      this._offset += data.length + 1;
      return;
    }
    this.push(data);
    this._offset += data.length;
  };
}

interface TransformContext {
  _ctm: number[];
  addContent(data: string): TransformContext;
  transform(m11: number, m12: number, m21: number, m22: number, dx: number, dy: number): TransformContext;
}

/** pdfkit 0.20's `transform`, writing the same `cm` operator and matrix. */
function installTransform(doc: TransformContext): void {
  doc.transform = function transform(this: TransformContext, m11, m12, m21, m22, dx, dy) {
    if (m11 === 1 && m12 === 0 && m21 === 0 && m22 === 1 && dx === 0 && dy === 0) return this;
    const m = this._ctm;
    const m0 = m[0]!;
    const m1 = m[1]!;
    const m2 = m[2]!;
    const m3 = m[3]!;
    const m4 = m[4]!;
    const m5 = m[5]!;
    m[0] = m0 * m11 + m2 * m12;
    m[1] = m1 * m11 + m3 * m12;
    m[2] = m0 * m21 + m2 * m22;
    m[3] = m1 * m21 + m3 * m22;
    m[4] = m0 * dx + m2 * dy + m4;
    m[5] = m1 * dx + m3 * dy + m5;
    return this.addContent(`${pdfNumber(m11)} ${pdfNumber(m12)} ${pdfNumber(m21)} ${pdfNumber(m22)} ${pdfNumber(dx)} ${pdfNumber(dy)} cm`);
  };
}

interface ColourContext {
  _normalizeColor(color: unknown): number[] | null;
  _setColorSpace(space: string, stroke: boolean): void;
  addContent(data: string): void;
  _setColorCore(color: unknown, stroke: boolean): boolean;
}

/** A hex colour's operators as pdfkit 0.20's `_setColorCore` writes them: its colour space, and its fill and stroke operators. */
interface HexColour {
  space: string;
  fill: string;
  stroke: string;
}
const hexColours = new Map<string, HexColour | null>();
const MAX_HEX_COLOURS = 1_000;

/**
 * pdfkit's `_setColorCore` for colours written `#...`: pdfkit reads such a string as hex before
 * any named or spot colour, so its operators depend on the string alone. Other colours go to
 * pdfkit's own.
 */
function installHexColours(doc: ColourContext): void {
  const setColorCore = doc._setColorCore;
  doc._setColorCore = function hexColorCore(this: ColourContext, color: unknown, stroke: boolean): boolean {
    if (typeof color !== 'string' || color.charAt(0) !== '#') return setColorCore.call(this, color, stroke);
    let known = hexColours.get(color);
    if (known === undefined) {
      const parts = this._normalizeColor(color);
      known = parts && { space: parts.length === 4 ? 'DeviceCMYK' : 'DeviceRGB', fill: `${parts.join(' ')} scn`, stroke: `${parts.join(' ')} SCN` };
      if (hexColours.size >= MAX_HEX_COLOURS) hexColours.clear();
      hexColours.set(color, known);
    }
    if (!known) return false;
    this._setColorSpace(known.space, stroke);
    this.addContent(stroke ? known.stroke : known.fill);
    return true;
  };
}

interface MarkingContext {
  page: { markings: Array<{ tag: string; options?: unknown; structContent?: unknown }> };
  markContent(tag: string, options?: Record<string, unknown> | null): unknown;
  endMarkedContent(): unknown;
  addContent(data: string): unknown;
}

/**
 * pdfkit 0.20's `markContent` for the two dictionaries the tagging pass opens sequences with:
 * `{ mcid }` (structure content, from `markStructureContent`) and `{ type }` on an Artifact,
 * written by pdfObjects.ts as the documents' other dictionaries are.
 * Anything else goes to pdfkit's own. The sequences it closes first, the marking it notes and
 * the operator it writes are pdfkit's.
 */
function installMarkContent(doc: MarkingContext): void {
  const markContent = doc.markContent;
  doc.markContent = function quickMarkContent(this: MarkingContext, tag: string, options: Record<string, unknown> | null = null) {
    if (!options || Object.getPrototypeOf(options) !== Object.prototype || tag === 'Span') return markContent.call(this, tag, options);
    const keys = Object.keys(options);
    const mcid = options.mcid;
    const type = options.type;
    let dictionary: string | undefined;
    // pdfkit's own renames these options to the dictionary's keys, then serializes it.
    if (keys.length === 1 && keys[0] === 'mcid' && Number.isInteger(mcid)) dictionary = pdfObjectText({ MCID: mcid });
    else if (keys.length === 1 && keys[0] === 'type' && tag === 'Artifact' && typeof type === 'string' && /^[A-Za-z]+$/.test(type)) dictionary = pdfObjectText({ Type: type });
    if (dictionary === undefined) return markContent.call(this, tag, options);
    if (tag === 'Artifact' || mcid) {
      let toClose = 0;
      for (const marking of this.page.markings) if (toClose || marking.structContent || marking.tag === 'Artifact') toClose += 1;
      while (toClose--) this.endMarkedContent();
    }
    this.page.markings.push({ tag, options });
    this.addContent(`/${tag} ${dictionary} BDC`);
    return this;
  };
}

export function installDrawFastPaths(doc: PdfKitInternals, options: DrawOptions = {}): void {
  if (options.fastPaths === false) return;
  installFontByIdentity(doc);
  installStreamBuffering(doc, options.deflateLevel ?? DEFLATE_LEVEL, options.onStream);
  installNativeOutput(doc);
  installDecodedImageMemo(doc as unknown as Parameters<typeof installDecodedImageMemo>[0]);
  installTransform(doc as unknown as TransformContext);
  installHexColours(doc as unknown as ColourContext);
  installPathMemo(doc as unknown as PathContext);
  installMarkContent(doc as unknown as MarkingContext);
  (doc as unknown as { glyphs: unknown }).glyphs = function glyphs(this: GlyphContext, ...run: Parameters<typeof drawGlyphRun> extends [unknown, ...infer R] ? R : never) {
    return drawGlyphRun(this, ...run);
  };
}
