import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = process.cwd();

/**
 * A project for benchmarks: the shipped brand, strings and partials, and `copies` copies of
 * every shipped leaflet in every locale under new ids (`support-7`, ...), so a large project
 * has the shipped leaflets' real length, structure and languages. `copies: 1` is the shipped
 * project itself (same ids).
 */
export function syntheticProject(copies: number, prefix = 'leaflets-bench-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const folder of ['locales', 'templates']) cpSync(path.join(REPO, folder), path.join(root, folder), { recursive: true });
  for (const locale of readdirSync(path.join(REPO, 'content'))) {
    mkdirSync(path.join(root, 'content', locale), { recursive: true });
    for (const name of readdirSync(path.join(REPO, 'content', locale)).filter((each) => each.endsWith('.md'))) {
      const id = name.slice(0, -'.md'.length);
      const text = readFileSync(path.join(REPO, 'content', locale, name), 'utf8');
      for (let copy = 1; copy <= copies; copy += 1) {
        const newId = copies === 1 ? id : `${id}-${copy}`;
        writeFileSync(path.join(root, 'content', locale, `${newId}.md`), text.replace(new RegExp(`^id: ${id}$`, 'm'), `id: ${newId}`));
      }
    }
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** Number of leaflet files in a project (leaflet x locale units). */
export const unitCount = (root: string): number =>
  readdirSync(path.join(root, 'content')).reduce((sum, locale) => sum + readdirSync(path.join(root, 'content', locale)).filter((name) => name.endsWith('.md')).length, 0);
