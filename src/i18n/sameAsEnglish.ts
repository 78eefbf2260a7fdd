import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { LOCALES_DIR } from '../load/locales.ts';
import { diskFiles, type ProjectFiles } from '../load/projectFiles.ts';

/** The per-locale list of strings that are the same as the English on purpose (names, brand terms). */
export const SAME_AS_ENGLISH_FILE = 'same-as-english.txt';

export interface SameAsEnglish {
  /** Project-relative path (whether or not it exists). */
  file: string;
  /** `namespace:key` (a plural family by its name, e.g. `common:downloads.pages`) -> line in the file. */
  keys: Map<string, number>;
  diagnostics: Diagnostic[];
}

const ENTRY = /^[A-Za-z0-9_-]+:[^\s#]+$/;

/**
 * Reads `locales/<locale>/same-as-english.txt`: one `namespace:key` a line, `#` starts a comment.
 * A missing file is an empty list.
 */
export function readSameAsEnglish(root: string, locale: string, files: ProjectFiles = diskFiles): SameAsEnglish {
  const file = `${LOCALES_DIR}/${locale}/${SAME_AS_ENGLISH_FILE}`;
  const bytes = files.readBytes(join(root, file));
  if (bytes === undefined) return { file, keys: new Map(), diagnostics: [] };
  return parseSameAsEnglish(bytes.toString('utf8'), file);
}

export function parseSameAsEnglish(text: string, file: string): SameAsEnglish {
  const keys = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const entry = raw.replace(/#.*$/, '').trim();
    if (entry === '') return;
    if (!ENTRY.test(entry)) {
      diagnostics.push(diagnostic({
        file,
        line: index + 1,
        column: 1,
        severity: 'warning',
        rule: 'same-as-english',
        source: 'i18n',
        message: `"${entry}" is not a key: write one namespace:key a line, e.g. common:contact.website`,
      }));
      return;
    }
    keys.set(entry, index + 1);
  });
  return { file, keys, diagnostics };
}

/** Whether a key (or its plural family) is listed as the same as English on purpose. */
export const isListedSame = (list: SameAsEnglish, namespace: string, key: string): boolean =>
  list.keys.has(`${namespace}:${key}`) || list.keys.has(`${namespace}:${key.replace(/_(zero|one|two|few|many|other)$/, '')}`);
