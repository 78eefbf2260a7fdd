import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { codePointLabel, glyphCoverageFor } from '../lint/glyphCoverage.ts';
import { BRAND_FILE, loadBrand } from '../load/brand.ts';
import { listDirectory } from '../load/listDirectory.ts';
import { languageName, SOURCE_LOCALE } from '../load/locales.ts';
import { exemplarLetters } from './exemplarLetters.ts';
import { markTranslated } from './markTranslated.ts';
import { checkedLocale, insideProject, UnsafePathError } from './projectPath.ts';

export interface AddLocaleResult {
  locale: string;
  language: string;
  /** Project-relative files created. */
  created: string[];
  /** Files that were there already (left as they are). */
  kept: string[];
  diagnostics: Diagnostic[];
}

async function exists(file: string): Promise<boolean> {
  return (await listDirectory(path.dirname(file), 'file')).includes(path.basename(file));
}

/** Does a brand font draw every letter of the language (CLDR exemplar characters)? */
async function letterCoverage(root: string, locale: string): Promise<Diagnostic[]> {
  const letters = await exemplarLetters(locale);
  if (!letters) {
    return [diagnostic({ file: BRAND_FILE, severity: 'warning', rule: 'language-letters', source: 'i18n', message: `CLDR lists no letters for ${locale}, so the fonts were not checked`, note: `Build it to check: leaflets build --locale ${locale}` })];
  }
  const { brand, diagnostics } = await loadBrand(root);
  if (!brand) return diagnostics;
  const coverage = glyphCoverageFor(brand);
  const missing = letters.letters.filter((letter) => !coverage.covers(letter.codePointAt(0)!));
  if (missing.length === 0) return [];
  return [
    diagnostic({
      file: BRAND_FILE,
      rule: 'language-letters',
      source: 'i18n',
      message: `No font has ${missing.length} letter${missing.length === 1 ? '' : 's'} of ${languageName(locale)}: ${missing.slice(0, 12).map((l) => `${codePointLabel(l)} "${l}"`).join(', ')}${missing.length > 12 ? ', …' : ''}`,
      note: `Add a font that has them under fonts.fallbacks in ${BRAND_FILE} (fonts tried: ${coverage.familyNames.join(', ')}; letters from CLDR ${letters.source}).`,
    }),
  ];
}

/**
 * Starts a translation: `locales/<locale>/` with a copy of each English strings file, and
 * `content/<locale>/` with a copy of each English leaflet whose front matter records what it
 * was made from (`translation:` with `status: draft`). Files already there are kept, so it
 * can be run again to add leaflets written since. Then checks the fonts have the language's letters.
 */
export async function addLocale(root: string, localeName: string): Promise<AddLocaleResult> {
  const locale = checkedLocale(localeName);
  if (locale === SOURCE_LOCALE) throw new UnsafePathError(`${SOURCE_LOCALE} is the source language; add a translation, e.g. pl`);
  const created: string[] = [];
  const kept: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const copy = async (folder: string, name: string): Promise<boolean> => {
    const target = `${folder}/${locale}/${name}`;
    const absolute = insideProject(root, target);
    if (await exists(absolute)) {
      kept.push(target);
      return false;
    }
    await mkdir(path.dirname(absolute), { recursive: true });
    await copyFile(insideProject(root, `${folder}/${SOURCE_LOCALE}/${name}`), absolute);
    created.push(target);
    return true;
  };
  for (const name of (await listDirectory(insideProject(root, `locales/${SOURCE_LOCALE}`), 'file')).filter((n) => n.endsWith('.json'))) await copy('locales', name);
  for (const name of (await listDirectory(insideProject(root, `content/${SOURCE_LOCALE}`), 'file')).filter((n) => n.endsWith('.md'))) {
    if (!(await copy('content', name))) continue;
    const marked = await markTranslated({ root, locale, id: name.slice(0, -3), status: 'draft' });
    diagnostics.push(...marked.diagnostics);
  }
  diagnostics.push(...(await letterCoverage(root, locale)));
  return { locale, language: languageName(locale), created, kept, diagnostics };
}
