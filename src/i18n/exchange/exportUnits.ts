import { readFile } from 'node:fs/promises';
import { parseLeafletSource } from '../../load/content.ts';
import { keyFamilies, pluralCategoriesOf } from '../../load/localeCoverage.ts';
import { SOURCE_LOCALE } from '../../load/locales.ts';
import { insideProject } from '../projectPath.ts';
import { isListedSame, type SameAsEnglish } from '../sameAsEnglish.ts';
import { hasWordsToTranslate } from '../stringChecks.ts';
import { FILE_NOTE, type ExchangeFile, type ExchangeUnit } from './document.ts';
import { leafletSegments, stringSegments, type Segment } from './segments.ts';

const leafletFile = (locale: string, id: string) => `content/${locale}/${id}.md`;
export const stringsFile = (locale: string, namespace: string) => `locales/${locale}/${namespace}.json`;

async function readProjectFile(root: string, file: string): Promise<string | undefined> {
  try {
    return await readFile(insideProject(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A leaflet's segments as read from disk (front matter and body), or undefined when it is missing. */
export async function readLeafletSegments(root: string, locale: string, id: string): Promise<{ file: string; raw: string; segments: Segment[] } | undefined> {
  const file = leafletFile(locale, id);
  const raw = await readProjectFile(root, file);
  if (raw === undefined) return undefined;
  const { source } = parseLeafletSource(raw, { id, locale, file, absPath: insideProject(root, file) });
  return { file, raw, segments: leafletSegments(raw, source.body) };
}

/**
 * One leaflet's units: each piece of the translation, with the English piece at the same place
 * as its source. A piece still equal to the English has no target (untranslated).
 */
export async function leafletUnits(root: string, locale: string, id: string): Promise<ExchangeFile | undefined> {
  const [english, translated] = await Promise.all([readLeafletSegments(root, SOURCE_LOCALE, id), readLeafletSegments(root, locale, id)]);
  if (!english || !translated) return undefined;
  const englishById = new Map(english.segments.map((s) => [s.id, s]));
  const units: ExchangeUnit[] = [];
  for (const piece of translated.segments) {
    if (!hasWordsToTranslate(piece.text)) continue;
    const match = englishById.get(piece.id);
    const counterpart = match && match.kind === piece.kind ? match : undefined;
    const source = counterpart?.text ?? piece.text;
    units.push({
      id: piece.id,
      source,
      ...(counterpart && piece.text === counterpart.text ? {} : { target: piece.text }),
      notes: [
        `key: ${id} ${piece.id} (${piece.kind})`,
        `${FILE_NOTE}${translated.file}:${piece.line}`,
        counterpart ? `English: ${english.file}:${counterpart.line}` : 'English: no matching piece at this place (the structure differs)',
      ],
    });
  }
  return { kind: 'leaflet', name: id, units };
}

/**
 * One namespace's units, in the English order: every key the locale needs (plural families
 * expanded to its CLDR forms), with the translation's value as target when it has one that
 * is not just the English.
 */
export async function stringUnits(root: string, locale: string, namespace: string, list: SameAsEnglish): Promise<ExchangeFile | undefined> {
  const englishFile = stringsFile(SOURCE_LOCALE, namespace);
  const file = stringsFile(locale, namespace);
  const [englishText, text] = await Promise.all([readProjectFile(root, englishFile), readProjectFile(root, file)]);
  if (englishText === undefined) return undefined;
  const englishSegments = stringSegments(englishText);
  const englishByKey = new Map(englishSegments.map((s) => [s.id, s]));
  const translated = new Map(stringSegments(text ?? '{}').map((s) => [s.id, s]));
  const families = keyFamilies(new Map(englishSegments.map((s) => [s.id, s.line])));
  const needed = pluralCategoriesOf(locale);
  const units: ExchangeUnit[] = [];
  const done = new Set<string>();
  for (const segment of englishSegments) {
    const family = /^(.*)_(zero|one|two|few|many|other)$/.exec(segment.id)?.[1];
    const keys = family !== undefined && families.get(family)?.plural ? needed.map((category) => `${family}_${category}`) : [segment.id];
    for (const key of keys) {
      if (done.has(key)) continue;
      done.add(key);
      const english = englishByKey.get(key) ?? englishByKey.get(key.replace(/_[a-z]+$/, '_other'))!;
      const own = translated.get(key);
      const untranslated = own !== undefined && own.text === english.text && hasWordsToTranslate(english.text) && !isListedSame(list, namespace, key);
      units.push({
        id: key,
        source: english.text,
        ...(own === undefined || untranslated ? {} : { target: own.text }),
        notes: [`key: ${namespace}:${key}`, own ? `${FILE_NOTE}${file}:${own.line}` : `file: ${file} (not there yet)`, `English: ${englishFile}:${english.line}`],
      });
    }
  }
  return { kind: 'strings', name: namespace, units };
}
