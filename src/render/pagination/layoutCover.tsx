import { Document } from '@react-pdf/renderer';
import { Cover } from '../components/Cover.tsx';
import { NarrowText } from '../components/narrowText.ts';
import type { Edition } from '../editions.ts';
import { withFallbackFonts } from '../fonts.ts';
import { layoutElement } from '../layoutTree.ts';
import type { RenderInput } from '../renderLeaflet.tsx';
import { buildStyles } from '../styles.ts';
import { asLaidOut, withPaperHeight, type LaidOutNode } from './laidOut.ts';
import { withNarrowing } from './narrowing.ts';
import { tightenOverfullLines } from './tightenLines.ts';

/** Text sizes a cover tries, as a scale of the design's, before it reports what to shorten. */
export const COVER_SCALES = [1, 0.9, 0.8, 0.7, 0.6];

export interface LaidOutCover {
  page: LaidOutNode;
  /** The scale the cover text is set at. */
  scale: number;
  /** How far the content runs past the bottom margin (0 when it fits), in points. */
  overflow: number;
}

/** Lowest point any box on a page reaches, relative to the page. */
export function pageContentBottom(page: LaidOutNode): number {
  const bottom = (node: LaidOutNode, top: number): number => {
    const y = top + (node.box?.top ?? 0);
    return Math.max(y + (node.box?.height ?? 0), ...(node.children ?? []).map((child) => bottom(child, y)));
  };
  return Math.max(0, ...(page.children ?? []).map((child) => bottom(child, 0)));
}

/**
 * The cover, on one page: a long title or summary (a translation, say) is set a step smaller
 * until it fits above the bottom margin, never below the edition's floors (`coverFloors`).
 * If even the smallest step overflows, the layout check says what to shorten.
 */
export async function layoutCover(input: RenderInput, edition: Edition): Promise<LaidOutCover> {
  const { leaflet, brand, fontStore } = input;
  const limit = edition.pageSize.height - edition.margin - edition.layoutBleed;
  let result: LaidOutCover | undefined;
  for (const scale of COVER_SCALES) {
    const styles = withFallbackFonts(buildStyles(brand.colours, edition, { coverScale: scale }), brand);
    const layout = async (narrow: ReadonlyMap<string, number>) => {
      const root = await layoutElement(
        <NarrowText.Provider value={narrow}>
          <Document>
            <Cover leaflet={leaflet} brand={brand} edition={edition} styles={styles} />
          </Document>
        </NarrowText.Provider>,
        fontStore,
      );
      const laidOut = withPaperHeight(asLaidOut(root).children![0]!);
      tightenOverfullLines(laidOut);
      return laidOut;
    };
    const page = await withNarrowing(layout, (laidOut) => laidOut);
    result = { page, scale, overflow: Math.max(0, pageContentBottom(page) - limit) };
    if (result.overflow === 0) break;
  }
  return result!;
}
