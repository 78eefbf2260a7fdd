import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { copyOfProject } from '../support/projectCopy.ts';
import { openPdf, pageText } from '../support/readPdf.ts';

export { PROJECT_ROOT as REPO_ROOT } from '../support/sampleLeaflet.ts';

/** A throw-away copy of the project with only some leaflets kept, so a watch session starts quickly. */
export const copyProject = (leaflets: string[]): string => copyOfProject(leaflets, 'leaflets-watch-');

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Polls until `check` returns a value other than undefined/false; fails with `what` after the timeout. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const readBytes = (file: string) => readFile(file).catch(() => undefined);

/** All the text of a PDF, as an independent reader (pdfjs) sees it. */
export async function pdfText(file: string): Promise<string> {
  const pdf = await openPdf(file);
  try {
    const pages: string[] = [];
    for (let page = 1; page <= pdf.numPages; page += 1) pages.push((await pageText(pdf, page)).text);
    return pages.join(' ');
  } finally {
    await pdf.destroy();
  }
}

/** Every PDF under a folder, by path relative to it. */
export function listPdfs(dir: string): string[] {
  const found: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.pdf')) found.push(rel);
    }
  };
  walk('');
  return found.sort();
}
