import type FontStore from '@react-pdf/font';
import type { ReactElement } from 'react';
import { layoutElement } from '../layoutTree.ts';
import { breakPages, type PageSpan } from './breakPages.ts';
import { blockBands, blockFlow, galleyCuts } from './flow.ts';
import { layoutGalley, type GalleyItem } from './galley.ts';
import { asLaidOut, isAbsolute, withPaperHeight, type LaidOutNode } from './laidOut.ts';
import { slicePage } from './slicePage.ts';
import { tightenOverfullLines } from './tightenLines.ts';

/** The leaflet after the cover, paginated: body pages, the notes page to copy, the back page. */
export interface PaginatedBody {
  /** The laid-out document node the pages came from (its props carry over to the composed document). */
  root: LaidOutNode;
  bodyPages: LaidOutNode[];
  notesPage: LaidOutNode;
  backPage: LaidOutNode;
  /** Where each body page starts and ends in the galley, and how full it is. */
  spans: PageSpan[];
  /** Height of a body page's text area. */
  textHeight: number;
  /** Height the last body page would take unbalanced (see PageBreaks). */
  packedLastHeight: number;
}

/** What paginateBody lays out: the galley's blocks, and the LeafletDocument (galley, body page, notes page, back page) holding some of them. */
export interface BodyDocument {
  items: GalleyItem[];
  /** What the blocks' layout depends on besides their content (see layoutGalley). */
  setting: string;
  /** The document with these elements in its galley. */
  document: (galley: ReactElement[]) => ReactElement;
}

/**
 * Lays out a LeafletDocument (galley, body page, notes page, back page) with react-pdf, the
 * galley's blocks laid out before taken from the galley memo (galley.ts), then
 * paginates the galley itself: the legal breaks come from the laid-out boxes (flow.ts), the
 * best set of them from breakPages, and each page's boxes are cut from the galley by slicePage
 * under a copy of the body page's running header and footer.
 */
export async function paginateBody(body: BodyDocument, fontStore: FontStore): Promise<PaginatedBody> {
  const root = await layoutGalley(body.items, body.setting, async (galley, rememberGalleyPage) => {
    const laidOut = asLaidOut(await layoutElement(body.document(galley), fontStore, rememberGalleyPage ? {} : { unrememberedPages: [0] }));
    tightenOverfullLines(laidOut);
    return laidOut;
  });
  const [galley, ...pages] = root.children ?? [];
  const [bodyPage, notesPage, backPage] = pages.map(withPaperHeight);
  if (!galley || !bodyPage || !notesPage || !backPage) throw new Error('Pagination: the leaflet document must have four pages');
  const blocks = (galley.children ?? []).filter((child) => !isAbsolute(child)).map(blockFlow);
  const box = bodyPage.box!;
  const contentTop = box.paddingTop ?? 0;
  const textHeight = box.height - contentTop - (box.paddingBottom ?? 0);
  if (blocks.length === 0) return { root, bodyPages: [], notesPage, backPage, spans: [], textHeight, packedLastHeight: 0 };
  const { spans, packedLastHeight } = breakPages(galleyCuts(blocks), {
    pageHeight: textHeight,
    bands: blocks.flatMap(blockBands),
    start: blocks[0]!.top,
    end: blocks[blocks.length - 1]!.bottom,
  });
  const bodyPages = spans.map((span) => ({ ...bodyPage, children: [...(bodyPage.children ?? []), ...slicePage(blocks, span, contentTop)] }));
  return { root, bodyPages, notesPage, backPage, spans, textHeight, packedLastHeight };
}
