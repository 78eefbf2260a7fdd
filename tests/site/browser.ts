import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/site/previewServer.ts';

/** Debian's Chromium (CI installs it with apt-get); tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh, throw-away user-data-dir. */
export async function openBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'leaflets-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    offline: false,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface BrowsedOutput {
  readonly browser: TestBrowser;
  /** The preview server on the output folder: open pages at `new URL(path, server.url)`. */
  readonly server: PreviewServer;
}

/**
 * Chromium and a preview server on an output folder for the tests of one `describe`: both open
 * in a `beforeAll` registered here (so after the caller's own, which builds the folder) and
 * close after the last test.
 */
export function browseOutput(outDir: () => string): BrowsedOutput {
  let browser: TestBrowser | undefined;
  let server: PreviewServer | undefined;
  beforeAll(async () => {
    browser = await openBrowser();
    server = await startPreviewServer({ outDir: outDir() });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser opens in beforeAll');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the preview server starts in beforeAll');
      return server;
    },
  };
}
