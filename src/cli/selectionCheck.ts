import { readdir } from 'node:fs/promises';
import path from 'node:path';

async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
}

const isLanguageTag = (tag: string): boolean => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

/**
 * `--leaflet` and `--locale` must name what the project has: an unknown name (or a locale that
 * is not a BCP 47 tag) is a usage error listing what exists, never a quiet "0 PDFs built".
 * Reads folder names only, so it costs nothing before a build.
 */
export async function checkSelection(root: string, selection: { locales?: string[]; leaflets?: string[] }): Promise<string | undefined> {
  const contentLocales = await folders(path.join(root, 'content'));
  // The pseudo-locale is built from English on request.
  const locales = [...new Set([...contentLocales, ...(await folders(path.join(root, 'locales'))), 'en-XA'])].sort();
  for (const locale of selection.locales ?? []) {
    if (!isLanguageTag(locale)) return `--locale "${locale}" is not a BCP 47 language tag (e.g. en-GB, cy). Locales: ${locales.join(', ')}`;
    if (!locales.includes(locale)) return `unknown --locale "${locale}". Locales: ${locales.join(', ')}`;
  }
  const ids = new Set<string>();
  for (const locale of contentLocales) {
    const entries = await readdir(path.join(root, 'content', locale)).catch(() => [] as string[]);
    for (const name of entries) if (name.endsWith('.md') && !name.startsWith('.')) ids.add(name.slice(0, -3));
  }
  for (const id of selection.leaflets ?? []) {
    if (!ids.has(id)) return `unknown --leaflet "${id}". Leaflets: ${[...ids].sort().join(', ') || 'none (add content/en-GB/<id>.md)'}`;
  }
  return undefined;
}
