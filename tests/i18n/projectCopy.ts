import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markTranslated } from '../../src/i18n/markTranslated.ts';
import { copyOfProject } from '../support/projectCopy.ts';

/**
 * A throw-away copy of the real project (content, strings, templates) as a git repository
 * with one commit, in which every Welsh leaflet records the English it matches. Tests edit
 * the copy, never the real files.
 */
export async function projectCopy(): Promise<string> {
  const root = copyOfProject(undefined, 'leaflets-i18n-');
  for (const id of ['choosing-not-to-treat', 'jak-inhibitors', 'risks-and-side-effects', 'support']) {
    await markTranslated({ root, locale: 'cy', id });
  }
  git(root, 'init', '-q');
  writeFileSync(join(root, '.gitignore'), 'node_modules\noutput\n');
  git(root, 'add', '.');
  git(root, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'Start');
  return root;
}

export const git = (root: string, ...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

/** Replaces the first occurrence of `from` in a project file (throws if absent, so a test cannot silently edit nothing). */
export function editFile(root: string, file: string, from: string, to: string): void {
  const text = readFileSync(join(root, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(join(root, file), text.replace(from, to));
}

/** The file line (from 1) of the first line of a project file that contains `text`. */
export function lineOf(root: string, file: string, text: string): number {
  const index = readFileSync(join(root, file), 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`${file} has no line with ${JSON.stringify(text)}`);
  return index + 1;
}
