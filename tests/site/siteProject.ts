import { readFileSync, writeFileSync } from 'node:fs';
import { copyOfProject } from '../support/projectCopy.ts';

export const LOCALES = ['en-GB', 'cy'] as const;

/**
 * A throw-away project with the real strings, templates and brand and the real text of the
 * named leaflets in en-GB and cy, so site tests build real PDFs quickly and may edit content.
 */
export const siteProject = (leafletIds: string[]): string => copyOfProject(leafletIds, 'leaflets-site-');

/** Replaces a translation's `translation:` front-matter block. */
export function setTranslation(file: string, translation: { sourceVersion: string; status: 'draft' | 'reviewed' }): void {
  const text = readFileSync(file, 'utf8').replace(/^translation:\n(?: {2}.*\n)*/m, '');
  const block = `translation:\n  sourceLocale: en-GB\n  sourceVersion: "${translation.sourceVersion}"\n  status: ${translation.status}\n`;
  writeFileSync(file, text.replace(/\n---\n/, `\n${block}---\n`));
}
