import path from 'node:path';
import type { EditionId } from '../render/editions.ts';

/** Page counts of the PDFs the previous build left, by path relative to the output folder. */
export async function readPreviousPageCounts(outDir: string): Promise<Map<string, number>> {
  // Loaded when a build runs: the command line reports page-count changes with this module, and
  // the manifest brings zod and the locale loader, which `leaflets --help` must not wait for.
  const { readManifest } = await import('./manifest.ts');
  const manifest = await readManifest(outDir);
  return new Map((manifest?.leaflets ?? []).flatMap((entry) => entry.editions.map((file) => [file.path, file.pages] as const)));
}

export interface PageCountChange {
  leafletId: string;
  locale: string;
  edition: EditionId;
  /** Pages of the PDF (for the booklet: sheets of paper, two sides each). */
  before: number;
  after: number;
  unit: 'pages' | 'sheets';
}

interface BuiltOutput {
  leafletId: string;
  locale: string;
  edition: EditionId;
  /** Path of the PDF, absolute or relative to `root`. */
  file: string;
  pages?: number;
}

/**
 * Every output whose page count differs from the previous build of the same file: a two-word
 * edit that adds a page (and a booklet sheet) is worth knowing before anything is printed.
 */
export function pageCountChanges(previous: ReadonlyMap<string, number>, outputs: BuiltOutput[], root: string, outDir: string): PageCountChange[] {
  const changes: PageCountChange[] = [];
  for (const output of outputs) {
    if (output.pages === undefined) continue;
    const key = path.relative(outDir, path.resolve(root, output.file)).split(path.sep).join('/');
    const before = previous.get(key);
    if (before === undefined || before === output.pages) continue;
    // The booklet's pages are sheet sides: two per sheet of paper.
    const sheets = output.edition === 'booklet';
    changes.push({
      leafletId: output.leafletId,
      locale: output.locale,
      edition: output.edition,
      before: sheets ? Math.ceil(before / 2) : before,
      after: sheets ? Math.ceil(output.pages / 2) : output.pages,
      unit: sheets ? 'sheets' : 'pages',
    });
  }
  return changes.filter((change) => change.before !== change.after);
}

/** One line per leaflet: `en-GB/support: a5 4 → 5 pages; booklet 1 → 2 sheets`. */
export function formatPageCountChanges(changes: PageCountChange[]): string[] {
  const byLeaflet = new Map<string, PageCountChange[]>();
  for (const change of changes) {
    const key = `${change.locale}/${change.leafletId}`;
    byLeaflet.set(key, [...(byLeaflet.get(key) ?? []), change]);
  }
  return [...byLeaflet].map(
    ([leaflet, list]) => `${leaflet}: ${list.map((change) => `${change.edition} ${change.before} → ${change.after} ${change.unit}`).join('; ')}`,
  );
}
