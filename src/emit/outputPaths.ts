import path from 'node:path';
import type { EditionId } from '../render/editions.ts';

/**
 * `output/<locale>/<leaflet>.pdf` is the standard A5 leaflet (the website download);
 * other editions sit beside it as `<leaflet>.<edition>.pdf`.
 */
export function outputFileName(leafletId: string, edition: EditionId): string {
  return edition === 'a5' ? `${leafletId}.pdf` : `${leafletId}.${edition}.pdf`;
}

export function outputPath(outDir: string, locale: string, leafletId: string, edition: EditionId): string {
  return path.join(outDir, locale, outputFileName(leafletId, edition));
}
