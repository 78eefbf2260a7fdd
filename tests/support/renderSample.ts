import type { CompiledLeaflet } from '../../src/compile/leaflet.ts';
import type { LoadedBrand } from '../../src/load/brand.ts';
import { EDITIONS, type EditionId } from '../../src/render/editions.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { renderEdition } from '../../src/render/renderEdition.ts';
import type { RenderedPdf } from '../../src/render/renderLeaflet.tsx';
import { projectBrand, sampleLeaflet } from './sampleLeaflet.ts';

export const SAMPLE_URL = 'https://www.alopecia.org.uk/leaflets/en-GB/sample';

let brand: Promise<LoadedBrand> | undefined;
let fontStore: ReturnType<typeof createFontStore> | undefined;

/** Renders one edition of a hand-built leaflet with the project's brand and fonts. */
export async function renderSample(edition: EditionId, leaflet: CompiledLeaflet = sampleLeaflet()): Promise<RenderedPdf> {
  brand ??= projectBrand();
  const loaded = await brand;
  fontStore ??= createFontStore(loaded);
  return renderEdition({ leaflet, brand: loaded, edition: EDITIONS[edition], fontStore, leafletUrl: SAMPLE_URL });
}
