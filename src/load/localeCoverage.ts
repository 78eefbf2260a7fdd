import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LocaleNamespace } from './localeJson.ts';

const PLURAL_SUFFIX = /^(.*)_(zero|one|two|few|many|other)$/;

/** Keys grouped into families: `x_one`/`x_other` are the plural family `x`; other keys stand alone. */
interface KeyFamily {
  plural: boolean;
  /** Plural categories present (empty for a plain key). */
  categories: Set<string>;
  /** Line of the family's first key in its file. */
  line?: number;
}

export function keyFamilies(keyLines: ReadonlyMap<string, number>): Map<string, KeyFamily> {
  const families = new Map<string, KeyFamily>();
  for (const [key, line] of keyLines) {
    const match = PLURAL_SUFFIX.exec(key);
    const name = match?.[1] ?? key;
    const family = families.get(name) ?? { plural: match !== null, categories: new Set<string>(), line };
    if (match?.[2] !== undefined) family.categories.add(match[2]);
    families.set(name, family);
  }
  return families;
}

const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The plural categories a language's grammar needs, from CLDR via Intl (e.g. six for Welsh), in CLDR order. */
export const pluralCategoriesOf = (locale: string): string[] =>
  new Intl.PluralRules(locale)
    .resolvedOptions()
    .pluralCategories.map(String)
    .sort((a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b));

export interface CoverageInput {
  sourceLocale: string;
  locale: string;
  namespace: string;
  sourceFile: string;
  targetFile: string;
  source: LocaleNamespace;
  /** Undefined when the locale has no file for this namespace. */
  target?: LocaleNamespace;
}

/**
 * Keys the source locale has and a translation lacks, as `missing-key` warnings
 * (the CLI makes them errors with --strict). Placed at the key's line in the source file,
 * which shows the text to translate.
 */
export function missingKeyDiagnostics(input: CoverageInput): Diagnostic[] {
  const report = (message: string, line?: number): Diagnostic =>
    diagnostic({
      file: input.sourceFile,
      ...(line === undefined ? {} : { line }),
      severity: 'warning',
      rule: 'missing-key',
      source: 'i18n',
      message,
      note: `Add it to ${input.targetFile}.`,
    });
  if (input.target === undefined) {
    return [report(`Locale ${input.locale} has no ${input.namespace} namespace (${input.targetFile} is missing)`)];
  }
  const targetFamilies = keyFamilies(input.target.keyLines);
  const needed = pluralCategoriesOf(input.locale);
  const problems: Diagnostic[] = [];
  for (const [name, family] of keyFamilies(input.source.keyLines)) {
    const translated = targetFamilies.get(name);
    const label = `${input.namespace}:${name}`;
    if (translated === undefined) {
      problems.push(report(`Key "${label}" is missing in ${input.locale}`, family.line));
    } else if (family.plural) {
      const missing = needed.filter((category) => !translated.categories.has(category));
      if (missing.length > 0) {
        const forms = missing.map((category) => `${name}_${category}`).join(', ');
        problems.push(report(`Key "${label}" lacks plural form${missing.length > 1 ? 's' : ''} ${forms} needed in ${input.locale}`, family.line));
      }
    }
  }
  return problems;
}

/**
 * A translation that turns a string of the source into a group of keys: i18next would print
 * its "returned an object instead of string" message in the leaflet instead of falling back.
 */
export function textWhereSourceHasText(input: CoverageInput): Diagnostic[] {
  if (input.target === undefined) return [];
  const problems: Diagnostic[] = [];
  for (const key of input.source.keyLines.keys()) {
    const line = input.target.groupLines.get(key);
    if (line === undefined) continue;
    problems.push(
      diagnostic({
        file: input.targetFile,
        line,
        rule: 'locale-value',
        source: 'load',
        message: `"${input.namespace}:${key}" is a group of keys here, but one string in ${input.sourceLocale}`,
        note: `Make it one string, as in ${input.sourceFile}.`,
      }),
    );
  }
  return problems;
}
