import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

export const LOCALES = ['en-GB', 'cy'] as const;

/**
 * A throw-away project with the real strings, templates and brand and the real text of the
 * named leaflets in en-GB and cy, so site tests build real PDFs quickly and may edit content.
 */
export function siteProject(leafletIds: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'leaflets-site-'));
  for (const folder of ['locales', 'templates']) cpSync(path.join(PROJECT_ROOT, folder), path.join(root, folder), { recursive: true });
  for (const locale of LOCALES) {
    for (const id of leafletIds) {
      cpSync(path.join(PROJECT_ROOT, 'content', locale, `${id}.md`), path.join(root, 'content', locale, `${id}.md`));
    }
  }
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** Replaces a translation's `translation:` front-matter block. */
export function setTranslation(file: string, translation: { sourceVersion: string; status: 'draft' | 'reviewed' }): void {
  const text = readFileSync(file, 'utf8').replace(/^translation:\n(?: {2}.*\n)*/m, '');
  const block = `translation:\n  sourceLocale: en-GB\n  sourceVersion: "${translation.sourceVersion}"\n  status: ${translation.status}\n`;
  writeFileSync(file, text.replace(/\n---\n/, `\n${block}---\n`));
}
