import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { keyFamilies, pluralCategoriesOf } from '../load/localeCoverage.ts';
import { valueAt, type LocaleFile } from './localeFiles.ts';

/** i18next interpolation `{{name}}`, `{{- name}}` (unescaped) or `{{name, format}}`: the variable name. */
const INTERPOLATION = /\{\{-?\s*([^\s,}]+)[^}]*\}\}/g;
/** i18next nesting `$t(key)` or `$t(key, {"count": 2})`: the nested key. */
const NESTING = /\$t\(\s*([^,)\s]+)/g;

/** Whether a value has words (letters outside placeholders and `$t()`): only then can it be left untranslated. */
export const hasWordsToTranslate = (value: string): boolean => /\p{L}/u.test(value.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, ''));

const namesIn = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1]!);

/** Multiset difference: items of `a` not matched one-for-one in `b`. */
function lacking(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  return a.filter((item) => {
    const index = rest.indexOf(item);
    if (index === -1) return true;
    rest.splice(index, 1);
    return false;
  });
}

const CATEGORY = /_(zero|one|two|few|many|other)$/;

interface Pair {
  key: string;
  line?: number;
  source: string;
  target: string;
}

/** The English value a translated key stands for: the same key, or for a plural form the same category, else `_other`. */
export function englishCounterpart(sourceResources: Record<string, unknown>, key: string): unknown {
  const value = valueAt(sourceResources, key);
  return value === undefined && CATEGORY.test(key) ? valueAt(sourceResources, key.replace(CATEGORY, '_other')) : value;
}

/**
 * The English value each translated value is checked against: the same key, or for a plural
 * form the English form of the same category, else `_other`.
 */
function pairs(source: LocaleFile, target: LocaleFile): Pair[] {
  const result: Pair[] = [];
  for (const [key, line] of target.parsed?.keyLines ?? []) {
    const targetValue = valueAt(target.parsed!.resources, key);
    if (typeof targetValue !== 'string') continue;
    const sourceValue = englishCounterpart(source.parsed!.resources, key);
    if (typeof sourceValue === 'string') result.push({ key, line, source: sourceValue, target: targetValue });
  }
  return result;
}

/** `{{var}}` and `$t()` references in each translated string match the English string's. */
export function placeholderDiagnostics(source: LocaleFile, target: LocaleFile): Diagnostic[] {
  if (!source.parsed || !target.parsed) return [];
  const problems: Diagnostic[] = [];
  for (const pair of pairs(source, target)) {
    const where = { file: target.file, ...(pair.line === undefined ? {} : { line: pair.line }), source: 'i18n' };
    const label = `${target.namespace}:${pair.key}`;
    // A plural form may leave the number out ("un dudalen"), but not any other value.
    const optional = CATEGORY.test(pair.key) ? ['count'] : [];
    const sourceVars = namesIn(pair.source, INTERPOLATION);
    const targetVars = namesIn(pair.target, INTERPOLATION);
    const missing = [...new Set(lacking(sourceVars, targetVars))].filter((name) => !optional.includes(name) && !targetVars.includes(name));
    const extra = [...new Set(targetVars.filter((name) => !sourceVars.includes(name)))];
    for (const name of missing) {
      problems.push(diagnostic({ ...where, rule: 'placeholder-mismatch', message: `"${label}" lacks the placeholder {{${name}}} that the English has`, note: `English: ${JSON.stringify(pair.source)}` }));
    }
    for (const name of extra) {
      problems.push(diagnostic({ ...where, rule: 'placeholder-mismatch', message: `"${label}" has a placeholder {{${name}}} that the English does not (it would print nothing)`, note: `English: ${JSON.stringify(pair.source)}` }));
    }
    const sourceNested = namesIn(pair.source, NESTING);
    const targetNested = namesIn(pair.target, NESTING);
    for (const key of [...new Set([...lacking(sourceNested, targetNested), ...lacking(targetNested, sourceNested)])]) {
      const has = targetNested.includes(key) && !sourceNested.includes(key);
      problems.push(diagnostic({
        ...where,
        rule: 'nesting-mismatch',
        message: has ? `"${label}" nests $t(${key}), which the English does not` : `"${label}" lacks the nested $t(${key}) that the English has`,
        note: `English: ${JSON.stringify(pair.source)}`,
      }));
    }
  }
  return problems;
}

/**
 * Every plural family present in a locale has exactly the forms its language needs, per CLDR
 * via Intl.PluralRules (Welsh: zero, one, two, few, many, other). A missing form is an error;
 * a form the language never uses is a warning (dead text).
 */
export function pluralDiagnostics(file: LocaleFile): Diagnostic[] {
  if (!file.parsed) return [];
  const needed = pluralCategoriesOf(file.locale);
  const problems: Diagnostic[] = [];
  for (const [name, family] of keyFamilies(file.parsed.keyLines)) {
    if (!family.plural) continue;
    const where = { file: file.file, ...(family.line === undefined ? {} : { line: family.line }), source: 'i18n' };
    const missing = needed.filter((category) => !family.categories.has(category));
    const unused = [...family.categories].filter((category) => !needed.includes(category));
    if (missing.length > 0) {
      problems.push(diagnostic({
        ...where,
        rule: 'plural-forms',
        message: `"${file.namespace}:${name}" lacks plural form${missing.length > 1 ? 's' : ''} ${missing.map((c) => `${name}_${c}`).join(', ')} (${file.locale} needs ${needed.join(', ')})`,
      }));
    }
    if (unused.length > 0) {
      problems.push(diagnostic({
        ...where,
        severity: 'warning',
        rule: 'plural-forms',
        message: `"${file.namespace}:${name}" has plural form${unused.length > 1 ? 's' : ''} ${unused.map((c) => `${name}_${c}`).join(', ')} that ${file.locale} never uses`,
      }));
    }
  }
  return problems;
}
