import type { CompiledLeaflet } from '../compile/leaflet.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LeafletSource } from '../load/content.ts';
import { buildDate, reviewDateDiagnostics } from './reviewDates.ts';
import { lintSources } from './sourceLint.ts';

/** The governance checks of one leaflet file: its review date, and its sources against its citations. */
export function lintGovernance(source: LeafletSource, leaflet: CompiledLeaflet | undefined, today: string = buildDate()): Diagnostic[] {
  return [...reviewDateDiagnostics(source, today), ...(leaflet ? lintSources(source, leaflet) : [])];
}
