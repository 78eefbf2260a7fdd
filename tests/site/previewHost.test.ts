import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLocalHost, startPreviewServer } from '../../src/site/previewServer.ts';

const get = (url: string, host: string) =>
  new Promise<number>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    request({ hostname, port, path: '/index.html', headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });

describe('the preview server answers only this machine by name (no DNS rebinding)', () => {
  it('serves Host 127.0.0.1:<port> and localhost:<port>, and refuses any other name or port', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'leaflets-preview-host-'));
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>x</title><body>Downloads</body>');
    const server = await startPreviewServer({ outDir });
    try {
      const port = new URL(server.url).port;
      expect(await get(server.url, `127.0.0.1:${port}`)).toBe(200);
      expect(await get(server.url, `localhost:${port}`)).toBe(200);
      expect(await get(server.url, 'evil.example')).toBe(403);
      expect(await get(server.url, `evil.example:${port}`)).toBe(403);
      expect(await get(server.url, `127.0.0.1:${Number(port) + 1}`)).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('matches names without regard to case, and IPv6 loopback in brackets', () => {
    expect(isLocalHost('LocalHost:8080', '127.0.0.1', 8080)).toBe(true);
    expect(isLocalHost('[::1]:8080', '127.0.0.1', 8080)).toBe(true);
    expect(isLocalHost(undefined, '127.0.0.1', 8080)).toBe(false);
    expect(isLocalHost('localhost', '127.0.0.1', 8080)).toBe(false);
  });
});
