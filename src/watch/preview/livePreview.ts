import type { OutputResult } from '../../build/buildProject.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { EditionId } from '../../render/editions.ts';
import { startPreviewServer, type PreviewServer } from '../../site/previewServer.ts';
import type { PlannedRebuild } from '../watchSession.ts';
import { PreviewState } from './previewState.ts';
import { PREVIEW_PATH, previewRoutes } from './previewRoutes.ts';
import { TranslationSummaries } from './translationSummary.ts';

/** `watch --serve` listens here unless `--port` says otherwise (documented in the README). */
export const DEFAULT_PREVIEW_PORT = 4780;

/** Why the preview could not start, worded for the person who ran the command. */
export class PreviewPortError extends Error {}

export interface LivePreview {
  /** The downloads page; `previewUrl` lists the leaflet previews. */
  url: string;
  previewUrl: string;
  /** Feed these from the watch session (startWatch's onRebuild for the first build, onPlan and onJobDone after). */
  fullBuild(outputs: readonly OutputResult[], diagnostics: readonly Diagnostic[]): void;
  /** A save's rebuild was planned: the pages it concerns say "rebuilding" until their PDF is done. */
  planned(plan: PlannedRebuild): void;
  /** Every rebuild after the first, once all its outputs are settled (startWatch's onRebuild). */
  rebuilt(summary: { diagnostics: readonly Diagnostic[] }): void;
  jobDone(
    job: { leafletId: string; locale: string; edition: EditionId },
    result: { report?: { outputs: OutputResult[]; diagnostics: Diagnostic[] }; removed?: string[]; generation?: number },
  ): void;
  /** The downloads page reloads after the website files caught up. */
  siteUpdated(): void;
  close(): Promise<void>;
}

/** A port number as typed after `--port`: an integer 0-65535 (0 = any free port), or an error saying so. */
export function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PREVIEW_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(port) || port > 65535) {
    throw new PreviewPortError(`--port must be a whole number from 1 to 65535, or 0 for any free port (got "${text}"); the default is ${DEFAULT_PREVIEW_PORT}`);
  }
  return port;
}

/**
 * The live preview of `watch --serve`: the downloads page as before, plus a page per leaflet
 * and language at /preview/<locale>/<id> that shows the pages of `edition` (watch mode's
 * first, rendered first after a save) and updates the moment that PDF is written.
 */
export async function startLivePreview(input: { root: string; outDir: string; edition: EditionId; port: number; host?: string }): Promise<LivePreview> {
  const state = new PreviewState(input.edition);
  const routes = previewRoutes({ root: input.root, state, summaries: new TranslationSummaries(input.root) });
  let server: PreviewServer;
  try {
    server = await startPreviewServer({ outDir: input.outDir, port: input.port, routes, ...(input.host ? { host: input.host } : {}) });
  } catch (error) {
    routes.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new PreviewPortError(`port ${input.port} is already in use (another leaflets watch --serve?): stop that, or choose another port with --port N`);
    }
    if (code === 'EACCES') throw new PreviewPortError(`port ${input.port} needs special permission on this machine: choose a port above 1023 with --port N`);
    throw new PreviewPortError(`could not start the preview server on port ${input.port}: ${(error as Error).message}`);
  }
  return {
    url: server.url,
    previewUrl: new URL(PREVIEW_PATH, server.url).href,
    fullBuild: (outputs, diagnostics) => state.fullBuild(outputs, diagnostics),
    planned: (plan) => state.planned(plan),
    rebuilt: (summary) => state.rebuilt(summary.diagnostics),
    jobDone: (job, result) =>
      state.jobDone(job, { outputs: result.report?.outputs, diagnostics: result.report?.diagnostics, removed: result.removed, generation: result.generation }),
    siteUpdated: () => server.notifyReload(),
    async close() {
      routes.close();
      await server.close();
    },
  };
}
