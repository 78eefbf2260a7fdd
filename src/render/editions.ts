/**
 * Editions are layout variants of the same content. Sizes follow UK clear and large print
 * guidance (see README): 12 pt minimum body text in standard print, 16 pt+ in large print.
 */
export const EDITION_IDS = ['a5', 'a4', 'large-print', 'booklet', 'print-shop'] as const;
export type EditionId = (typeof EDITION_IDS)[number];

const MM = 72 / 25.4;

export interface Edition {
  id: EditionId;
  /** Trim size in points, portrait. */
  pageSize: { width: number; height: number };
  /** Tagged PDF/UA for reading on screen; print-only files are untagged and say so. */
  tagged: boolean;
  /** Bleed on every side in points (print shops), 0 otherwise. */
  bleed: number;
  /** Bleed included in the laid-out page itself: set only while laying out the print-shop pages. */
  layoutBleed: number;
  margin: number;
  bodySize: number;
  /** Line height of body text, as a multiple of its size (copy-fitting moves it within 1.3-1.5). */
  lineHeight: number;
  /** Space around paragraphs, lists and headings, as a multiple of the design's (copy-fitting sets it). */
  spacing: number;
  headingSizes: { h1: number; h2: number; h3: number };
  /** Page furniture (header, footer, page numbers); as large as body text in large print. */
  furnitureSize: number;
  /** Large print shows emphasis in bold, never italics. */
  emphasisAsBold: boolean;
  /** Smallest text size any style may use (the lint enforces it). */
  minTextSize: number;
  /** Width of the back page's QR code, quiet zone included, in points. */
  qrSize: number;
}

export const A5 = { width: 148 * MM, height: 210 * MM };
export const A4 = { width: 210 * MM, height: 297 * MM };

const standard = {
  tagged: true,
  bleed: 0,
  layoutBleed: 0,
  margin: 15 * MM,
  bodySize: 12,
  lineHeight: 1.45,
  spacing: 1,
  headingSizes: { h1: 26, h2: 17, h3: 14 },
  furnitureSize: 12,
  emphasisAsBold: false,
  minTextSize: 12,
  // 28 mm with a 41-module symbol gives 0.68 mm modules: phones read it at arm's length.
  qrSize: 28 * MM,
} satisfies Partial<Edition>;

export const EDITIONS: Record<EditionId, Edition> = {
  a5: { id: 'a5', pageSize: A5, ...standard },
  a4: {
    id: 'a4',
    pageSize: A4,
    ...standard,
    margin: 20 * MM,
    bodySize: 13,
    headingSizes: { h1: 32, h2: 20, h3: 16 },
    qrSize: 35 * MM,
  },
  'large-print': {
    id: 'large-print',
    pageSize: A4,
    ...standard,
    margin: 20 * MM,
    bodySize: 18,
    lineHeight: 1.5,
    headingSizes: { h1: 34, h2: 26, h3: 22 },
    furnitureSize: 18,
    emphasisAsBold: true,
    minTextSize: 16,
    qrSize: 40 * MM,
  },
  booklet: { id: 'booklet', pageSize: A5, ...standard, tagged: false },
  'print-shop': { id: 'print-shop', pageSize: A5, ...standard, tagged: false, bleed: 3 * MM },
};

export const isEditionId = (value: string): value is EditionId => (EDITION_IDS as readonly string[]).includes(value);

/** Built when no edition is named. */
export const DEFAULT_EDITIONS: EditionId[] = [...EDITION_IDS];
