/**
 * Font files are checked by content when the brand is loaded: a file that is not a font made
 * the renderer fail with "Unknown font format", naming no file.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

/** Larger than any real font file; a bigger "font" is refused before it is read. */
export const MAX_FONT_BYTES = 50 * 1024 * 1024;

const SIGNATURES: Record<string, string> = {
  '\0\x01\0\0': 'TrueType',
  true: 'TrueType',
  OTTO: 'OpenType',
  wOFF: 'WOFF',
  wOF2: 'WOFF2',
};

/** Why the file at `path` cannot be used as a font, or undefined when it is a font fontkit can read. */
export function fontProblem(path: string, bytes: number): string | undefined {
  if (bytes > MAX_FONT_BYTES) return `it is over ${MAX_FONT_BYTES / 1024 / 1024} MB, too large for a font`;
  const data = readFileSync(path);
  const signature = data.subarray(0, 4).toString('latin1');
  if (signature === 'ttcf') return 'it is a font collection (.ttc); name a single .ttf or .otf font';
  if (!(signature in SIGNATURES)) return 'it is not a TrueType, OpenType or WOFF font';
  try {
    const font = fontkit.create(data);
    if (!(font.numGlyphs > 0)) return 'the font has no glyphs';
    // Reading a glyph's outline touches the tables the renderer needs; a damaged file fails here.
    font.glyphForCodePoint(0x41).path;
    return undefined;
  } catch {
    return 'the font file is damaged (it cannot be read)';
  }
}
