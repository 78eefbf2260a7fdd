import type { CompiledLeaflet } from '../compile/leaflet.ts';
import type { NumberedSource } from '../compile/sources.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LeafletSource } from '../load/content.ts';
import { parsePositionedYaml, placeOfPath } from '../load/yamlDiagnostics.ts';

/** A bare site address (`https://www.alopecia.org.uk/`) says nothing about which page a claim rests on. */
const isHomePage = (url: string): boolean => {
  try {
    const { pathname, search, hash } = new URL(url);
    return (pathname === '/' || pathname === '') && search === '' && hash === '';
  } catch {
    return false;
  }
};

/**
 * Checks the leaflet's source list against its body: every listed source is cited somewhere
 * (else it supports no sentence), and points to a page rather than a site's home page. Warnings.
 */
export function lintSources(source: LeafletSource, leaflet: CompiledLeaflet): Diagnostic[] {
  // The front matter parsed with positions: gray-matter's block starts on file line 1.
  const end = source.raw.indexOf('\n---', 3);
  const yaml = parsePositionedYaml(end === -1 ? source.raw : source.raw.slice(0, end));
  const at = (entry: NumberedSource, field: string) => ({ file: source.file, ...placeOfPath(yaml, ['sources', entry.number - 1, field]), source: 'lint' });
  const diagnostics: Diagnostic[] = [];
  for (const entry of leaflet.sources) {
    if (entry.citations === 0) {
      diagnostics.push(
        diagnostic({
          ...at(entry, 'key'),
          severity: 'warning',
          rule: 'uncited-source',
          message:
            entry.key === undefined
              ? `Source ${entry.number} ("${entry.title}") has no key, so nothing can cite it`
              : `Source ${entry.number} ("${entry.title}") is listed but nothing cites it`,
          note: 'Cite it as [@key] after each statement that relies on it, or remove it from sources.',
        }),
      );
    }
    if (entry.url !== undefined && isHomePage(entry.url)) {
      diagnostics.push(
        diagnostic({
          ...at(entry, 'url'),
          severity: 'warning',
          rule: 'source-home-page',
          message: `Source ${entry.number} ("${entry.title}") points to a home page, ${entry.url}`,
          note: 'Give the full address of the page the leaflet relies on, or leave url out for a document that is not online.',
        }),
      );
    }
  }
  return diagnostics;
}
