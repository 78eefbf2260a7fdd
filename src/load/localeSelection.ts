import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { CONTENT_DIR } from './content.ts';
import { listDirectory } from './listDirectory.ts';
import { localeFolderNames } from './locales.ts';
import { checkLocaleFolders, localeArgumentProblem } from './localeNames.ts';

/**
 * For commands that read locales one by one (`i18n status`, `i18n check`): the requested locales
 * that are real tags (never paths such as `../x`), and every problem with locale folder names
 * under content/ and locales/, so each command reports them as a build does.
 */
export async function checkLocaleSelection(root: string, requested: readonly string[] = []): Promise<{ locales: string[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const locales: string[] = [];
  for (const locale of requested) {
    const problem = localeArgumentProblem(locale);
    if (problem) diagnostics.push(problem);
    else locales.push(locale);
  }
  diagnostics.push(...checkLocaleFolders(CONTENT_DIR, await listDirectory(join(root, CONTENT_DIR), 'dir')).diagnostics);
  diagnostics.push(...(await localeFolderNames(root)).diagnostics);
  return { locales, diagnostics };
}
