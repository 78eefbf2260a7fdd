import type { Brand } from '../load/brandSchema.ts';
import { BODY_FONT_FAMILY } from './fonts.ts';
import type { Edition } from './editions.ts';

export interface StyleOptions {
  /**
   * Cover text scale (1 = the design's sizes): a long title or summary steps down to fit the
   * cover, never below the floors in `coverFloors`.
   */
  coverScale?: number;
}

/** The smallest cover title and cover text sizes an edition allows (the lint's floor, or a section heading for the title). */
export const coverFloors = (edition: Edition) => ({
  title: Math.max(edition.minTextSize, edition.headingSizes.h2),
  text: Math.max(edition.minTextSize, edition.bodySize),
});

/**
 * All styles the leaflet uses, derived from brand colours and the edition (with its copy-fit:
 * line height, spacing and margin). The accessibility lint reads `colourPairs` to check
 * contrast for exactly the pairs drawn here.
 */
export function buildStyles(colours: Brand['colours'], edition: Edition, options: StyleOptions = {}) {
  const { bodySize, lineHeight, headingSizes, margin, furnitureSize } = edition;
  // Distance from the laid-out page's edge to the text area: the margin, plus the bleed when
  // the page is laid out with bleed (print-shop), so the trimmed page matches the A5 one.
  const edge = margin + edition.layoutBleed;
  // Vertical space between blocks, in units of the body size, scaled by the copy-fit.
  const space = (units: number) => bodySize * units * edition.spacing;
  const coverScale = options.coverScale ?? 1;
  const floors = coverFloors(edition);
  const coverSpace = (units: number) => bodySize * units * Math.max(0.6, coverScale);
  // lineHeight is set per text style, never on Page, so every style says its own.
  const text = { fontFamily: BODY_FONT_FAMILY, color: colours.text, lineHeight, textAlign: 'left' as const };
  const furnitureBand = furnitureSize * 2;
  // Longest printed address line that fits a column, at a conservative 0.58 em per character:
  // in a list item (the narrowest body column) and beside the QR code on the back page.
  const column = edition.pageSize.width - 2 * edge - bodySize * 1.6;
  const charsIn = (width: number) => Math.floor(width / (bodySize * 0.58));
  return {
    printedUrl: { maxLineChars: charsIn(column), besideQrCode: charsIn(column - edition.qrSize) },
    page: {
      backgroundColor: colours.background,
      paddingTop: edge + furnitureBand,
      paddingBottom: edge + furnitureBand,
      paddingHorizontal: edge,
    },
    coverPage: { backgroundColor: colours.background, paddingBottom: edge },
    coverBand: {
      backgroundColor: colours.primary,
      paddingHorizontal: edge,
      paddingTop: edge,
      paddingBottom: margin * 0.6,
      marginBottom: margin * 0.8 * Math.max(0.6, coverScale),
    },
    coverBody: { paddingHorizontal: edge },
    logo: { width: bodySize * 11, marginBottom: bodySize * 0.8 },
    strapline: { ...text, color: colours.onPrimary, fontSize: bodySize, fontWeight: 700 as const },
    title: {
      ...text,
      fontSize: Math.max(floors.title, headingSizes.h1 * coverScale),
      fontWeight: 700 as const,
      lineHeight: 1.2,
      marginBottom: coverSpace(1),
    },
    coverLabel: { ...text, fontSize: bodySize, fontWeight: 700 as const },
    coverText: { ...text, fontSize: Math.max(floors.text, (bodySize + 2) * coverScale), marginBottom: coverSpace(1) },
    notice: {
      borderWidth: 2,
      borderColor: colours.calloutBorder,
      backgroundColor: colours.calloutBackground,
      padding: bodySize * 0.75,
      marginVertical: coverSpace(1),
    },
    noticeText: { ...text, fontSize: bodySize, fontWeight: 700 as const },
    header: {
      position: 'absolute' as const,
      top: edge,
      left: edge,
      right: edge,
      flexDirection: 'row' as const,
      justifyContent: 'space-between' as const,
      borderBottomWidth: 1,
      borderBottomColor: colours.muted,
      paddingBottom: 3,
    },
    // One row: "Page x of y" on the left, room on the right for a short notice (a draft translation, say).
    footer: {
      position: 'absolute' as const,
      bottom: edge,
      left: edge,
      right: edge,
      flexDirection: 'row' as const,
      justifyContent: 'space-between' as const,
      borderTopWidth: 1,
      borderTopColor: colours.muted,
      paddingTop: 3,
    },
    footerNote: { ...text, fontSize: furnitureSize, lineHeight: 1.2, fontWeight: 700 as const, maxWidth: '72%', textAlign: 'right' as const },
    furnitureText: { ...text, fontSize: furnitureSize, lineHeight: 1.2, color: colours.text },
    // The "Page x of y" label (typeset after pagination, see pageNumbers.tsx), at the font's own line height.
    pageNumberText: { fontFamily: BODY_FONT_FAMILY, fontSize: furnitureSize, color: colours.text },
    h2: {
      ...text,
      fontSize: headingSizes.h2,
      fontWeight: 700 as const,
      lineHeight: 1.25,
      color: colours.primary,
      marginTop: space(1.1),
      marginBottom: space(0.5),
    },
    h3: {
      ...text,
      fontSize: headingSizes.h3,
      fontWeight: 700 as const,
      lineHeight: 1.3,
      marginTop: space(0.9),
      marginBottom: space(0.35),
    },
    paragraph: { ...text, fontSize: bodySize, marginBottom: space(0.6) },
    strong: { fontWeight: 700 as const },
    emphasis: edition.emphasisAsBold ? { fontWeight: 700 as const } : { fontStyle: 'italic' as const },
    link: { color: colours.accent, textDecoration: 'underline' as const },
    list: { marginBottom: space(0.6) },
    listItem: { flexDirection: 'row' as const, marginBottom: space(0.25) },
    listLabel: { ...text, fontSize: bodySize, width: bodySize * 1.6 },
    listBody: { flex: 1 },
    listParagraph: { ...text, fontSize: bodySize },
    callout: {
      borderLeftWidth: 5,
      borderLeftColor: colours.calloutBorder,
      backgroundColor: colours.calloutBackground,
      paddingVertical: bodySize * 0.6 * Math.min(1, Math.max(0.6, edition.spacing)),
      paddingHorizontal: bodySize * 0.9,
      marginVertical: space(0.6),
    },
    // Column widths are set per table from its content (tableColumns.ts), so cells carry no flex.
    table: { borderWidth: 1, borderColor: colours.muted, marginBottom: space(0.8) },
    tableRow: { flexDirection: 'row' as const, borderBottomWidth: 1, borderBottomColor: colours.muted },
    tableCell: { padding: bodySize * 0.35 },
    tableHeaderCell: { padding: bodySize * 0.35, backgroundColor: colours.calloutBackground },
    tableText: { ...text, fontSize: bodySize, lineHeight: 1.3 },
    tableHeaderText: { ...text, fontSize: bodySize, lineHeight: 1.3, fontWeight: 700 as const },
    rule: { borderBottomWidth: 1, borderBottomColor: colours.muted, marginVertical: space(1) },
    image: { maxWidth: '100%', marginVertical: space(0.5) },
    backText: { ...text, fontSize: bodySize, lineHeight: Math.min(lineHeight, 1.4) },
    qrRow: { flexDirection: 'row' as const, alignItems: 'center' as const },
    qrAddress: { flex: 1, marginLeft: bodySize * 0.8 },
    disclaimer: {
      ...text,
      fontSize: bodySize,
      fontWeight: 700 as const,
      lineHeight: Math.min(lineHeight, 1.4),
      marginTop: bodySize * 1.2,
      paddingTop: bodySize * 0.6,
      borderTopWidth: 1,
      borderTopColor: colours.muted,
    },
  };
}

export type LeafletStyles = ReturnType<typeof buildStyles>;

/**
 * Styles of the page and what is drawn around the body (cover, running header and footer, back
 * page): the galley's blocks never read them (GalleyStyles), so editions that differ only in
 * these (the print-shop file's bleed) share their laid-out blocks (pagination/galley.ts).
 */
const PAGE_LEVEL_STYLES = [
  'page',
  'coverPage',
  'coverBand',
  'coverBody',
  'logo',
  'strapline',
  'title',
  'coverLabel',
  'coverText',
  'notice',
  'noticeText',
  'header',
  'footer',
  'footerNote',
  'furnitureText',
  'pageNumberText',
  'backText',
  'qrRow',
  'qrAddress',
  'disclaimer',
] as const satisfies ReadonlyArray<keyof LeafletStyles>;

/** The styles the body's blocks and its sources are drawn with. */
export type GalleyStyles = Omit<LeafletStyles, (typeof PAGE_LEVEL_STYLES)[number]>;

/** The styles of `styles` that galley blocks can read, for the galley memo's key. */
export function galleyStylesOf(styles: LeafletStyles): GalleyStyles {
  const galley: Partial<LeafletStyles> = { ...styles };
  for (const name of PAGE_LEVEL_STYLES) delete galley[name];
  return galley as GalleyStyles;
}

/** Every foreground/background colour pair the styles above draw text with. */
export function colourPairs(colours: Brand['colours']): Array<{ name: string; foreground: string; background: string }> {
  return [
    { name: 'text on background', foreground: colours.text, background: colours.background },
    { name: 'headings (primary) on background', foreground: colours.primary, background: colours.background },
    { name: 'links (accent) on background', foreground: colours.accent, background: colours.background },
    { name: 'strap line (onPrimary) on primary', foreground: colours.onPrimary, background: colours.primary },
    { name: 'text on callout background', foreground: colours.text, background: colours.calloutBackground },
    { name: 'links (accent) on callout background', foreground: colours.accent, background: colours.calloutBackground },
  ];
}
