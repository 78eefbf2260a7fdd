import { renderLeafletPdf, type RenderInput, type RenderedPdf } from './renderLeaflet.tsx';

/**
 * One edition of one leaflet. Standard editions render directly; print editions that post-process
 * the standard pages (imposition, bleed) hook in here.
 */
export async function renderEdition(input: RenderInput): Promise<RenderedPdf> {
  return renderLeafletPdf(input);
}
