import { createHash } from 'node:crypto';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { outputPath } from '../../emit/outputPaths.ts';
import type { LoadedBrand } from '../../load/brand.ts';
import { EDITIONS, type EditionId } from '../../render/editions.ts';
import { loadRenderer } from '../../render/loadRenderer.ts';
import { pageLimitDiagnostic } from '../../render/pageLimit.ts';
import type { Fit } from '../../render/copyFit/fit.ts';
import { leafletUrl } from '../leafletUrl.ts';
import { logEntries, type ReadLog } from '../store/readLog.ts';
import type { Unit } from './unit.ts';

/** What one output's render produced. An error among its diagnostics means the file is not written. */
export interface RenderedOutput {
  bytes: Uint8Array;
  pages?: number;
  diagnostics: Diagnostic[];
  /** Anything else the renderer reports (e.g. the chosen copy-fit): JSON-serializable, cached with the bytes. */
  meta: Record<string, unknown>;
}

export interface RenderContext {
  unit: Unit;
  leaflet: CompiledLeaflet;
  brand: LoadedBrand;
  /** The brand's fonts as read (their digests), so a changed font file gets a fresh font store. */
  fontsVersion: string;
  /**
   * What the last render of this output reported besides its bytes (e.g. the chosen copy-fit),
   * from the build record: a renderer may reuse it to skip a search (watch mode's fast path).
   */
  previousMeta?: Record<string, unknown>;
  /** Lay out with `previousMeta.fit` instead of choosing a fit (watch mode's fast path). */
  reuseFit?: boolean;
}

/** How one kind of output is placed and rendered from a compiled leaflet. */
export interface OutputHandler {
  path(outDir: string, unit: Unit, variant: string): string;
  render(context: RenderContext, variant: string): Promise<RenderedOutput>;
}

/** PDF editions (A5, A4, large print, booklet, print shop). */
const pdfOutput: OutputHandler = {
  path: (outDir, unit, variant) => outputPath(outDir, unit.locale, unit.leafletId, variant as EditionId),
  async render({ unit, leaflet, brand, fontsVersion, previousMeta, reuseFit }, variant) {
    const [{ renderEdition }, { fontStoreFor }] = await Promise.all([loadRenderer(), import('../renderSession.ts')]);
    const rendered = await renderEdition({
      leaflet,
      brand,
      edition: EDITIONS[variant as EditionId],
      fontStore: fontStoreFor(brand, fontsVersion),
      leafletUrl: leafletUrl(brand, unit.locale, unit.leafletId),
    }, reuseFit && previousMeta?.fit ? { fit: previousMeta.fit as Fit } : {});
    // Whatever else the renderer returns (layout diagnostics, the copy-fit) travels with the bytes.
    const { bytes, pageCount, diagnostics, ...meta } = rendered as typeof rendered & { diagnostics?: Diagnostic[] };
    const tooLong = pageLimitDiagnostic({ file: leaflet.sourceFile, edition: variant as EditionId, pageCount, limit: brand.limits.pages });
    return { bytes, pages: pageCount, diagnostics: [...(diagnostics ?? []), ...(tooLong ? [tooLong] : [])], meta: meta as Record<string, unknown> };
  },
};

/**
 * Every kind of output, by kind. A new kind (an HTML page per leaflet and locale) is one more
 * entry here; the build, cache, shards and watch handle outputs only through this map.
 */
export const OUTPUT_HANDLERS = { pdf: pdfOutput } satisfies Record<string, OutputHandler>;
export type OutputKind = keyof typeof OUTPUT_HANDLERS;

/** One output of a unit: a kind and its variant (for PDFs, the edition). */
export interface OutputTarget {
  kind: OutputKind;
  variant: string;
}

export const targetId = (target: OutputTarget): string => (target.kind === 'pdf' ? target.variant : `${target.kind}:${target.variant}`);
export const pdfTargets = (editions: readonly EditionId[]): OutputTarget[] => editions.map((variant) => ({ kind: 'pdf', variant }));

/**
 * The cache key of one output: a digest of everything its bytes and diagnostics depend on:
 * the unit itself (two languages of a leaflet can read the same files: each other's, for the
 * back page's other languages), its recorded reads (content digests), the output, the
 * strictness, and the tool's fingerprint (package versions and pipeline code).
 */
export function outputKey(fingerprint: string, unit: Unit, target: OutputTarget, strict: boolean, reads: ReadLog | Array<[string, string]>): string {
  const entries = reads instanceof Map ? logEntries(reads) : reads;
  return createHash('sha256')
    .update(JSON.stringify([fingerprint, unit.locale, unit.leafletId, target.kind, target.variant, strict, entries]))
    .digest('hex');
}
