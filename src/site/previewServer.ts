import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface PreviewServerOptions {
  /** The output folder to serve. */
  outDir: string;
  /** Only the local machine by default; pass another address knowingly. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** More pages served beside the output folder (watch mode's leaflet previews), behind the same host check. */
  routes?: PreviewRoutes;
}

export interface PreviewRoutes {
  handles(pathname: string): boolean;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

export interface PreviewServer {
  url: string;
  /** Tells every open page to reload (call after a rebuild finishes). */
  notifyReload(): void;
  close(): Promise<void>;
}

/** Server-sent events stream the open pages listen to. */
export const RELOAD_EVENTS_PATH = '/__leaflets/reload';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff2': 'font/woff2',
};

/** Added to HTML pages only when served here: the files in the output folder stay free of JavaScript. */
const RELOAD_SCRIPT = `<script>window.leafletsPreview = new EventSource(${JSON.stringify(RELOAD_EVENTS_PATH)});
window.leafletsPreview.addEventListener('reload', () => location.reload());</script>`;

export const injectReloadScript = (html: string): string =>
  html.includes('</body>') ? html.replace('</body>', `${RELOAD_SCRIPT}\n</body>`) : `${html}${RELOAD_SCRIPT}`;

/**
 * Maps a URL path to a file inside `root`, or undefined when it would leave the folder, names a
 * hidden file (such as an atomic write's temporary file) or cannot be decoded.
 */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const segments = decoded.split(/[/\\]+/).filter(Boolean);
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  const resolved = path.resolve(root, ...segments);
  const relative = path.relative(root, resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return resolved;
}

/** Whether a Host header names this server as the local machine: 127.0.0.1, localhost or [::1] (or the address it was asked to listen on), with its port. */
export function isLocalHost(header: string | undefined, listenHost: string, port: number): boolean {
  if (header === undefined) return false;
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', listenHost.includes(':') ? `[${listenHost}]` : listenHost]);
  return [...names].some((name) => header.toLowerCase() === `${name}:${port}`);
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

/** Shown before the first build has written the downloads page; it reloads once the page exists. */
function sendWaitingPage(response: ServerResponse): void {
  const html = injectReloadScript(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Building the leaflets</title></head>' +
      '<body><main><h1>Building the leaflets</h1><p>This page reloads when the downloads page is ready.</p></main></body></html>',
  );
  response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '1' });
  response.end(html);
}

async function serveFile(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  let file = resolveInside(root, url.pathname);
  if (!file) return send(response, 404, 'Not found');
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    // As web servers do: a folder's page is addressed with a trailing slash, so its relative links resolve.
    if (!url.pathname.endsWith('/')) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}`, 'cache-control': 'no-store' });
      response.end();
      return;
    }
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) {
    if (file === path.join(root, 'index.html')) return sendWaitingPage(response);
    return send(response, 404, 'Not found');
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (type.startsWith('text/html')) {
    const html = Buffer.from(injectReloadScript(await readFile(file, 'utf8')));
    response.writeHead(200, { ...headers, 'content-length': html.length });
    response.end(request.method === 'HEAD' ? undefined : html);
    return;
  }
  response.writeHead(200, { ...headers, 'content-length': info.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

/**
 * Serves the output folder (downloads page, PDFs, manifest) for a live preview, plus a
 * server-sent events stream that tells open pages to reload after each rebuild.
 */
export async function startPreviewServer({ outDir, host = '127.0.0.1', port = 0, routes }: PreviewServerOptions): Promise<PreviewServer> {
  const root = path.resolve(outDir);
  const listeners = new Set<ServerResponse>();
  let reloads = 0;

  const server = createServer((request, response) => {
    // DNS rebinding: a web page on another site may point its own name at 127.0.0.1; the Host
    // header still carries that name, so only this machine's own names are answered.
    if (!isLocalHost(request.headers.host, host, (server.address() as AddressInfo).port)) return send(response, 403, 'Forbidden: unknown host');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
    if (new URL(request.url ?? '/', 'http://localhost').pathname === RELOAD_EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write('retry: 500\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    const served = routes?.handles(new URL(request.url ?? '/', 'http://localhost').pathname) ? routes.handle(request, response) : serveFile(root, request, response);
    served.catch(() => {
      if (!response.headersSent) send(response, 500, 'Could not read the file');
      else response.destroy();
    });
  });
  // SSE comments keep idle connections from being dropped by proxies or the browser.
  const heartbeat = setInterval(() => {
    for (const listener of listeners) listener.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}/`,
    notifyReload() {
      reloads += 1;
      for (const listener of listeners) listener.write(`event: reload\ndata: ${reloads}\n\n`);
    },
    close() {
      clearInterval(heartbeat);
      for (const listener of listeners) listener.end();
      listeners.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
