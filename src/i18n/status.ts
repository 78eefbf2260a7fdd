import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadLeafletSources, type LeafletSource } from '../load/content.ts';
import { keyFamilies, pluralCategoriesOf } from '../load/localeCoverage.ts';
import { checkLocaleSelection } from '../load/localeSelection.ts';
import { languageName, SOURCE_LOCALE } from '../load/locales.ts';
import { readLocaleFiles, localeFolders, valueAt, type LocaleFile } from './localeFiles.ts';
import { isListedSame, readSameAsEnglish, type SameAsEnglish } from './sameAsEnglish.ts';
import { normaliseBody } from './sourceHash.ts';
import { englishCounterpart, hasWordsToTranslate } from './stringChecks.ts';
import { sourceDiffSince } from './sourceHistory.ts';
import { stalenessOf } from './staleness.ts';

/** `untranslated`: the file is there but its text is still the English. */
export type LeafletState = 'source' | 'reviewed' | 'draft' | 'stale' | 'untranslated' | 'missing' | 'extra';

export interface LeafletStatus {
  id: string;
  state: LeafletState;
  /** Project-relative path of the translation (or where it should go, when missing). */
  file: string;
  /** For stale translations: what changed, and the source diff since the translation. */
  reasons?: string[];
  recordedHash?: string;
  currentHash?: string;
  diff?: string;
  diffUnavailable?: string;
  /** A translation without `translation.sourceHash` can only be checked by version number. */
  untracked?: boolean;
}

export interface LocaleStatus {
  locale: string;
  language: string;
  source: boolean;
  strings: {
    /** Key families in the source locale (`x_one`/`x_other` count once as `x`). */
    total: number;
    translated: number;
    percent: number;
    /** `namespace:key`; plural families lacking forms list them, e.g. `common:pages (few, many)`. */
    missing: string[];
    /** Keys this locale has that the source does not. */
    extra: string[];
    /** Keys whose value is still the English (and not listed in same-as-english.txt); counted as not translated. */
    sameAsEnglish: string[];
  };
  leaflets: {
    total: number;
    translated: number;
    counts: Record<LeafletState, number>;
    items: LeafletStatus[];
  };
}

export interface I18nStatus {
  sourceLocale: string;
  locales: LocaleStatus[];
  /** Locale files that could not be read (broken JSON); their keys count as missing. */
  diagnostics: Diagnostic[];
}

/** A plural family or key whose every form present is still its English counterpart. */
function stillEnglish(source: LocaleFile, target: LocaleFile, name: string, list: SameAsEnglish): boolean {
  if (isListedSame(list, target.namespace, name)) return false;
  const keys = [...target.parsed!.keyLines.keys()].filter((key) => key === name || key.replace(/_(zero|one|two|few|many|other)$/, '') === name);
  return keys.length > 0 && keys.every((key) => {
    const english = englishCounterpart(source.parsed!.resources, key);
    return typeof english === 'string' && hasWordsToTranslate(english) && valueAt(target.parsed!.resources, key) === english;
  });
}

function stringStatus(locale: string, sourceFiles: LocaleFile[], files: LocaleFile[], list: SameAsEnglish): LocaleStatus['strings'] {
  const needed = pluralCategoriesOf(locale);
  const missing: string[] = [];
  const extra: string[] = [];
  const sameAsEnglish: string[] = [];
  let total = 0;
  for (const sourceFile of sourceFiles) {
    const sourceFamilies = keyFamilies(sourceFile.parsed?.keyLines ?? new Map());
    const target = files.find((f) => f.namespace === sourceFile.namespace);
    const targetFamilies = keyFamilies(target?.parsed?.keyLines ?? new Map());
    for (const [name, family] of sourceFamilies) {
      total += 1;
      const translated = targetFamilies.get(name);
      const label = `${sourceFile.namespace}:${name}`;
      if (translated === undefined) missing.push(label);
      else if (family.plural && needed.some((category) => !translated.categories.has(category))) {
        missing.push(`${label} (${needed.filter((category) => !translated.categories.has(category)).join(', ')})`);
      } else if (locale !== SOURCE_LOCALE && target?.parsed && stillEnglish(sourceFile, target, name, list)) sameAsEnglish.push(label);
    }
    for (const name of targetFamilies.keys()) if (!sourceFamilies.has(name)) extra.push(`${sourceFile.namespace}:${name}`);
  }
  for (const file of files) {
    if (sourceFiles.some((s) => s.namespace === file.namespace)) continue;
    for (const name of keyFamilies(file.parsed?.keyLines ?? new Map()).keys()) extra.push(`${file.namespace}:${name}`);
  }
  const translated = total - missing.length - sameAsEnglish.length;
  return { total, translated, percent: total === 0 ? 100 : Math.floor((translated / total) * 1000) / 10, missing, extra, sameAsEnglish };
}

async function leafletStatus(root: string, source: LeafletSource, translated: LeafletSource | undefined, locale: string, withDiff: boolean): Promise<LeafletStatus> {
  const file = translated?.file ?? `content/${locale}/${source.id}.md`;
  if (locale === SOURCE_LOCALE) return { id: source.id, state: 'source', file: source.file };
  if (translated === undefined) return { id: source.id, state: 'missing', file };
  if (normaliseBody(translated.body) === normaliseBody(source.body)) return { id: source.id, state: 'untranslated', file };
  const translation = translated.frontMatter?.translation;
  if (translation === undefined) return { id: source.id, state: 'draft', file, untracked: true };
  const staleness = stalenessOf(translation, source);
  const untracked = translation.sourceHash === undefined ? { untracked: true } : {};
  if (!staleness.stale) return { id: source.id, state: translation.status, file, ...untracked };
  const history = withDiff ? await sourceDiffSince(root, source, translation) : {};
  return {
    id: source.id,
    state: 'stale',
    file,
    reasons: staleness.reasons,
    ...(staleness.recordedHash === undefined ? {} : { recordedHash: staleness.recordedHash }),
    currentHash: staleness.currentHash,
    ...(history.diff === undefined ? {} : { diff: history.diff }),
    ...(history.unavailable === undefined ? {} : { diffUnavailable: history.unavailable }),
    ...untracked,
  };
}

const emptyCounts = (): Record<LeafletState, number> => ({ source: 0, reviewed: 0, draft: 0, stale: 0, untranslated: 0, missing: 0, extra: 0 });

/**
 * Per locale: how many UI strings are translated (and which are missing or extra), and the
 * state of each leaflet's translation against its en-GB source. Reads the files afresh.
 */
export async function i18nStatus(root: string, options: { locales?: string[]; diff?: boolean } = {}): Promise<I18nStatus> {
  const { sources } = await loadLeafletSources(root);
  const englishLeaflets = sources.filter((s) => s.locale === SOURCE_LOCALE);
  const sourceFiles = await readLocaleFiles(root, SOURCE_LOCALE);
  const known = new Set([...(await localeFolders(root)), ...sources.map((s) => s.locale)]);
  const selection = await checkLocaleSelection(root, options.locales);
  const wanted = options.locales?.length ? selection.locales : [...known].sort((a, b) => (a === SOURCE_LOCALE ? -1 : b === SOURCE_LOCALE ? 1 : a.localeCompare(b)));
  const diagnostics: Diagnostic[] = [...selection.diagnostics, ...sourceFiles.flatMap((f) => f.diagnostics)];
  const locales: LocaleStatus[] = [];
  for (const locale of wanted) {
    const files = locale === SOURCE_LOCALE ? sourceFiles : await readLocaleFiles(root, locale);
    if (locale !== SOURCE_LOCALE) diagnostics.push(...files.flatMap((f) => f.diagnostics));
    const list = readSameAsEnglish(root, locale);
    if (locale !== SOURCE_LOCALE) diagnostics.push(...list.diagnostics);
    const strings = stringStatus(locale, sourceFiles, files, list);
    const items: LeafletStatus[] = [];
    for (const english of englishLeaflets) {
      const translated = sources.find((s) => s.locale === locale && s.id === english.id);
      items.push(await leafletStatus(root, english, translated, locale, options.diff ?? true));
    }
    for (const orphan of sources.filter((s) => s.locale === locale && !englishLeaflets.some((e) => e.id === s.id))) {
      items.push({ id: orphan.id, state: 'extra', file: orphan.file });
    }
    const counts = emptyCounts();
    for (const item of items) counts[item.state] += 1;
    locales.push({
      locale,
      language: languageName(locale),
      source: locale === SOURCE_LOCALE,
      strings,
      leaflets: { total: englishLeaflets.length, translated: counts.source + counts.reviewed + counts.draft, counts, items },
    });
  }
  return { sourceLocale: SOURCE_LOCALE, locales, diagnostics };
}

/** Whether `--strict` should fail: anything stale or missing in a translated locale. */
export const statusHasGaps = (status: I18nStatus): boolean =>
  status.locales.some((l) => !l.source && (l.strings.missing.length > 0 || l.strings.sameAsEnglish.length > 0 || l.leaflets.counts.stale > 0 || l.leaflets.counts.missing > 0 || l.leaflets.counts.untranslated > 0));
