import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreviewState, PreviewUnit } from './previewState.ts';
import { leafletPreviewPage, previewListPage } from './previewPages.ts';
import type { TranslationSummaries } from './translationSummary.ts';

export const PREVIEW_PATH = '/preview/';
/** Server-sent events: `unit` with `{ unit: "cy/support", version, failed, seq, status }` each time a previewed leaflet changes. */
export const PREVIEW_EVENTS_PATH = '/preview/events';

const pdfjsBuild = () => path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build');

/** The browser code: pdf.js from node_modules (renders the pages), and the preview and list pages' own scripts. */
const ASSETS: Record<string, () => string> = {
  'pdf.min.mjs': () => path.join(pdfjsBuild(), 'pdf.min.mjs'),
  'pdf.worker.min.mjs': () => path.join(pdfjsBuild(), 'pdf.worker.min.mjs'),
  'preview.mjs': () => fileURLToPath(new URL('./previewClient.mjs', import.meta.url)),
  'list.mjs': () => fileURLToPath(new URL('./previewListClient.mjs', import.meta.url)),
  'list-status.mjs': () => fileURLToPath(new URL('./listStatus.mjs', import.meta.url)),
};

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, head = false): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { 'content-type': type, 'content-length': bytes.length, ...NO_STORE });
  response.end(head ? undefined : bytes);
}

/** What a preview page reads after each change: the PDF's version and the problems to show (the translation status is asked for apart: it takes longer). */
function stateOf(unit: PreviewUnit) {
  return {
    unit: `${unit.locale}/${unit.leafletId}`,
    locale: unit.locale,
    leafletId: unit.leafletId,
    sourceFile: unit.sourceFile,
    version: unit.version,
    pages: unit.pages ?? 0,
    writtenAt: unit.writtenAt ?? null,
    failed: unit.failed,
    diagnostics: unit.diagnostics,
    status: unit.status,
    seq: unit.seq,
  };
}

/**
 * The live preview's pages, served beside the output folder: a list of every leaflet in every
 * language, one page per leaflet and language that shows its pages (drawn in the browser by
 * pdf.js) with its translation status and problems, and an event stream that tells those
 * pages the moment their PDF is written.
 */
export function previewRoutes(input: { root: string; state: PreviewState; summaries: TranslationSummaries }) {
  const { root, state, summaries } = input;
  const streams = new Set<ServerResponse>();
  state.onChange((unit) => {
    summaries.invalidate();
    // The status rides along, so "rebuilding" shows without another request.
    const data = JSON.stringify({ unit: `${unit.locale}/${unit.leafletId}`, version: unit.version, failed: unit.failed, seq: unit.seq, status: unit.status });
    for (const stream of streams) stream.write(`event: unit\ndata: ${data}\n\n`);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const head = request.method === 'HEAD';
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/preview' || pathname === PREVIEW_PATH) return send(response, 200, 'text/html; charset=utf-8', previewListPage(state.units(), state.edition), head);
    if (pathname === PREVIEW_EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive', ...NO_STORE });
      response.write('retry: 500\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    const asset = /^\/preview\/assets\/([a-z.-]+)$/.exec(pathname)?.[1];
    if (asset !== undefined) {
      const file = Object.hasOwn(ASSETS, asset) ? ASSETS[asset]!() : undefined;
      if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found', head);
      return send(response, 200, 'text/javascript; charset=utf-8', await readFile(file), head);
    }
    const match = /^\/preview\/([^/]+)\/([^/]+?)(\/state\.json|\/translation\.json|\/pdf)?$/.exec(pathname);
    let decoded: string[] = [];
    try {
      decoded = match ? [decodeURIComponent(match[1]!), decodeURIComponent(match[2]!)] : [];
    } catch {
      decoded = [];
    }
    const unit = decoded.length === 2 ? state.unit(decoded[0]!, decoded[1]!) : undefined;
    if (!match || !unit) return send(response, 404, 'text/html; charset=utf-8', previewListPage(state.units(), state.edition, 'There is no such leaflet preview.'), head);
    if (match[3] === '/state.json') return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(stateOf(unit)), head);
    if (match[3] === '/translation.json') {
      return send(response, 200, 'application/json; charset=utf-8', JSON.stringify((await summaries.of(unit.locale, unit.leafletId)) ?? null), head);
    }
    if (match[3] === '/pdf') {
      // Only the file the watch session wrote for this leaflet: the path comes from the state, never from the URL.
      const bytes = unit.file ? await readFile(path.resolve(root, unit.file)).catch(() => undefined) : undefined;
      if (!bytes) return send(response, 404, 'text/plain; charset=utf-8', 'Not built yet', head);
      return send(response, 200, 'application/pdf', bytes, head);
    }
    return send(response, 200, 'text/html; charset=utf-8', leafletPreviewPage(unit, state.edition), head);
  }

  return {
    handles: (pathname: string) => pathname === '/preview' || pathname.startsWith(PREVIEW_PATH),
    handle,
    close(): void {
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
