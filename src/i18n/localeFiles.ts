import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { projectLimits } from '../load/limits.ts';
import { LOCALES_DIR, localeFolderNames, readLocaleNamespace } from '../load/locales.ts';
import type { LocaleNamespace } from '../load/localeJson.ts';
import { diskFiles, type ProjectFiles } from '../load/projectFiles.ts';

/** One `locales/<locale>/<namespace>.json`, parsed with the line of every key. */
export interface LocaleFile {
  locale: string;
  namespace: string;
  /** Project-relative path. */
  file: string;
  /** Undefined when the JSON is broken (see diagnostics). */
  parsed?: LocaleNamespace;
  diagnostics: Diagnostic[];
}

/** Locale folders under `locales/`, sorted (dot-folders and folders that are not a canonical BCP 47 tag skipped). */
export const localeFolders = async (root: string): Promise<string[]> => (await localeFolderNames(root)).locales;

/** Every namespace file of one locale, parsed (broken ones keep their diagnostics); read through `projectFiles` (the build's store). */
export async function readLocaleFiles(root: string, locale: string, projectFiles: ProjectFiles = diskFiles): Promise<LocaleFile[]> {
  const files: LocaleFile[] = [];
  const limits = projectLimits(root, projectFiles);
  for (const name of (await projectFiles.list(join(root, LOCALES_DIR, locale), 'file')).filter((n) => n.endsWith('.json'))) {
    const namespace = name.slice(0, -'.json'.length);
    const file = `${LOCALES_DIR}/${locale}/${name}`;
    const result = readLocaleNamespace(root, file, limits, projectFiles);
    files.push({ locale, namespace, file, ...(result.namespace ? { parsed: result.namespace } : {}), diagnostics: result.diagnostics });
  }
  return files;
}

/** A key's value by its dot path (how parseLocaleJson names keys). */
export function valueAt(resources: Record<string, unknown>, key: string): unknown {
  let value: unknown = resources;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
