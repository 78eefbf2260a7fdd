import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { raiseLimitNote } from '../load/limits.ts';
import type { EditionId } from './editions.ts';

/**
 * The per-leaflet page limit, checked on each rendered edition before it is written: a leaflet
 * over it is not written (its last good PDF stays). The compile step refuses most such leaflets
 * before layout already (src/compile/layoutLimits.ts), from a floor on the pages its text needs.
 * For the booklet, `pageCount` is sheet sides, each holding two pages.
 */
export function pageLimitDiagnostic(input: { file: string; edition: EditionId; pageCount: number; limit: number }): Diagnostic | undefined {
  const pages = input.edition === 'booklet' ? input.pageCount * 2 : input.pageCount;
  if (pages <= input.limit) return undefined;
  return diagnostic({
    file: input.file,
    rule: 'page-limit',
    source: 'render',
    message: `The ${input.edition} edition has ${pages} pages, over the limit of ${input.limit} pages for a leaflet`,
    note: `Split it into several leaflets. ${raiseLimitNote('pages')}`,
  });
}
