import type { Brand } from '../load/brandSchema.ts';
import { BODY_FONT_FAMILY } from './fonts.ts';
import type { Edition } from './editions.ts';

/**
 * All styles the leaflet uses, derived from brand colours and the edition. The accessibility
 * lint reads `colourPairs` to check contrast for exactly the pairs drawn here.
 */
export function buildStyles(colours: Brand['colours'], edition: Edition) {
  const { bodySize, lineHeight, headingSizes, margin, furnitureSize } = edition;
  // Distance from the laid-out page's edge to the text area: the margin, plus the bleed when
  // the page is laid out with bleed (print-shop), so the trimmed page matches the A5 one.
  const edge = margin + edition.layoutBleed;
  // lineHeight is set per text style, never on Page, so every style says its own.
  const text = { fontFamily: BODY_FONT_FAMILY, color: colours.text, lineHeight, textAlign: 'left' as const };
  const furnitureBand = furnitureSize * 2.2;
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
      marginBottom: margin * 0.8,
    },
    coverBody: { paddingHorizontal: edge },
    logo: { width: bodySize * 11, marginBottom: bodySize * 0.8 },
    strapline: { ...text, color: colours.onPrimary, fontSize: bodySize, fontWeight: 700 as const },
    title: { ...text, fontSize: headingSizes.h1, fontWeight: 700 as const, lineHeight: 1.2, marginBottom: bodySize },
    coverLabel: { ...text, fontSize: bodySize, fontWeight: 700 as const },
    coverText: { ...text, fontSize: bodySize + 2, marginBottom: bodySize },
    notice: {
      borderWidth: 2,
      borderColor: colours.calloutBorder,
      backgroundColor: colours.calloutBackground,
      padding: bodySize * 0.75,
      marginVertical: bodySize,
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
    footer: {
      position: 'absolute' as const,
      bottom: edge,
      left: edge,
      right: edge,
      borderTopWidth: 1,
      borderTopColor: colours.muted,
      paddingTop: 3,
    },
    furnitureText: { ...text, fontSize: furnitureSize, lineHeight: 1.2, color: colours.text },
    // The "Page x of y" label (typeset after pagination, see pageNumbers.tsx), at the font's own line height.
    pageNumberText: { fontFamily: BODY_FONT_FAMILY, fontSize: furnitureSize, color: colours.text },
    h2: {
      ...text,
      fontSize: headingSizes.h2,
      fontWeight: 700 as const,
      lineHeight: 1.25,
      color: colours.primary,
      marginTop: bodySize * 1.1,
      marginBottom: bodySize * 0.5,
    },
    h3: {
      ...text,
      fontSize: headingSizes.h3,
      fontWeight: 700 as const,
      lineHeight: 1.3,
      marginTop: bodySize * 0.9,
      marginBottom: bodySize * 0.35,
    },
    paragraph: { ...text, fontSize: bodySize, marginBottom: bodySize * 0.6 },
    strong: { fontWeight: 700 as const },
    emphasis: edition.emphasisAsBold ? { fontWeight: 700 as const } : { fontStyle: 'italic' as const },
    link: { color: colours.accent, textDecoration: 'underline' as const },
    list: { marginBottom: bodySize * 0.6 },
    listItem: { flexDirection: 'row' as const, marginBottom: bodySize * 0.25 },
    listLabel: { ...text, fontSize: bodySize, width: bodySize * 1.6 },
    listBody: { flex: 1 },
    listParagraph: { ...text, fontSize: bodySize },
    callout: {
      borderLeftWidth: 5,
      borderLeftColor: colours.calloutBorder,
      backgroundColor: colours.calloutBackground,
      paddingVertical: bodySize * 0.6,
      paddingHorizontal: bodySize * 0.9,
      marginVertical: bodySize * 0.6,
    },
    table: { borderWidth: 1, borderColor: colours.muted, marginBottom: bodySize * 0.8 },
    tableRow: { flexDirection: 'row' as const, borderBottomWidth: 1, borderBottomColor: colours.muted },
    tableCell: { flex: 1, padding: bodySize * 0.35 },
    tableHeaderCell: { flex: 1, padding: bodySize * 0.35, backgroundColor: colours.calloutBackground },
    tableText: { ...text, fontSize: bodySize, lineHeight: 1.3 },
    tableHeaderText: { ...text, fontSize: bodySize, lineHeight: 1.3, fontWeight: 700 as const },
    rule: { borderBottomWidth: 1, borderBottomColor: colours.muted, marginVertical: bodySize },
    image: { maxWidth: '100%', marginVertical: bodySize * 0.5 },
    backSection: { marginBottom: bodySize * 0.5 },
    qrRow: { flexDirection: 'row' as const, alignItems: 'center' as const, marginBottom: bodySize * 0.6 },
    disclaimer: { ...text, fontSize: bodySize, fontWeight: 700 as const, marginTop: bodySize * 0.6 },
  };
}

export type LeafletStyles = ReturnType<typeof buildStyles>;

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
