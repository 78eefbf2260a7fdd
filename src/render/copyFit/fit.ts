import type { Edition } from '../editions.ts';

const MM = 72 / 25.4;

/**
 * A copy-fit: the spacing variant an edition is laid out with. Plain JSON, so a build can
 * report it and watch mode can hand the last one back (`renderEdition(input, { fit })`).
 */
export interface Fit {
  /** Line height of body text, as a multiple of its size. */
  lineHeight: number;
  /** Space around paragraphs, lists and headings, as a multiple of the design's. */
  spacing: number;
  /** Page margin in millimetres. */
  marginMm: number;
}

const mm = (points: number) => Math.round((points / MM) * 10) / 10;

/** The edition's own design. */
export const defaultFit = (edition: Edition): Fit => ({ lineHeight: edition.lineHeight, spacing: edition.spacing, marginMm: mm(edition.margin) });

/**
 * The variants an edition may be laid out with, loosest first; the design's own is among
 * them. Standard print keeps body line height within 1.3-1.5 and margins of at least 15 mm
 * (office printers clip less); sizes never change. Large print keeps its UKAAF settings (line
 * height 1.5, 20 mm margins) and varies only the space between blocks.
 */
export function fitLadder(edition: Edition): Fit[] {
  const base = defaultFit(edition);
  if (edition.id === 'large-print') {
    return [1.25, 1.1, 1, 0.9, 0.8, 0.7].map((spacing) => ({ ...base, spacing }));
  }
  const margin = base.marginMm;
  const floor = Math.max(15, margin - 3);
  return [
    { lineHeight: 1.5, spacing: 1.25, marginMm: margin + 2 },
    { lineHeight: 1.5, spacing: 1.1, marginMm: margin + 1 },
    base,
    { lineHeight: 1.4, spacing: 0.9, marginMm: margin },
    { lineHeight: 1.4, spacing: 0.75, marginMm: Math.max(floor, margin - 1) },
    { lineHeight: 1.35, spacing: 0.65, marginMm: Math.max(floor, margin - 2) },
    { lineHeight: 1.3, spacing: 0.55, marginMm: floor },
    { lineHeight: 1.3, spacing: 0.45, marginMm: floor },
  ];
}

/** The edition with a fit's line height, spacing and margin. */
export const applyFit = (edition: Edition, fit: Fit): Edition => ({
  ...edition,
  lineHeight: fit.lineHeight,
  spacing: fit.spacing,
  margin: fit.marginMm * MM,
});

export const sameFit = (a: Fit, b: Fit) => a.lineHeight === b.lineHeight && a.spacing === b.spacing && a.marginMm === b.marginMm;

/** "line height 1.4, spacing 90%, margins 15 mm" */
export const describeFit = (fit: Fit) =>
  `line height ${fit.lineHeight}, spacing ${Math.round(fit.spacing * 100)}%, margins ${fit.marginMm} mm`;
