/**
 * The translation checks of one locale, as plain data in and diagnostics out, so `i18n check`,
 * the build (for the locales it builds) and watch mode all run the same checks. An error in a
 * locale's strings stops all its PDFs; one in a leaflet file stops that leaflet's (the build's
 * `blockingErrors`).
 */
import { braceMessage, braceProblems, COPY_EXACTLY, CURLY_QUOTES } from '../compile/braces.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LeafletSource } from '../load/content.ts';
import { keyFamilies } from '../load/localeCoverage.ts';
import { SOURCE_LOCALE } from '../load/locales.ts';
import { valueAt, type LocaleFile } from './localeFiles.ts';
import type { SameAsEnglish } from './sameAsEnglish.ts';
import { stalenessOf } from './staleness.ts';
import { placeholderDiagnostics, pluralDiagnostics } from './stringChecks.ts';
import { templateExpressionDiagnostics } from './templateChecks.ts';

export interface LocaleCheckInput {
  locale: string;
  /** The English (`en-GB`) namespace files. */
  sourceFiles: readonly LocaleFile[];
  /** This locale's namespace files (the same objects as sourceFiles for en-GB). */
  files: readonly LocaleFile[];
  /** Every leaflet source of the project (the English ones and this locale's are used). */
  sources: readonly LeafletSource[];
  sameAsEnglish?: SameAsEnglish;
}

/** `{{name}` or `{name}}` in a string: i18next would print it as it is. */
function brokenBraceDiagnostics(file: LocaleFile): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [key, line] of file.parsed?.keyLines ?? []) {
    const value = valueAt(file.parsed!.resources, key);
    if (typeof value !== 'string') continue;
    for (const problem of braceProblems(value)) {
      problems.push(diagnostic({ file: file.file, line, rule: 'broken-placeholder', source: 'i18n', message: `"${file.namespace}:${key}": ${braceMessage(problem)}` }));
    }
  }
  return problems;
}

/** Keys a translation has and the English does not: nothing prints them (often a translated key name). */
function extraKeyDiagnostics(source: LocaleFile | undefined, file: LocaleFile): Diagnostic[] {
  if (!file.parsed) return [];
  const sourceFamilies = keyFamilies(source?.parsed?.keyLines ?? new Map());
  const families = keyFamilies(file.parsed.keyLines);
  const lacking = [...sourceFamilies.keys()].filter((name) => !families.has(name));
  const problems: Diagnostic[] = [];
  for (const [name, family] of families) {
    if (sourceFamilies.has(name)) continue;
    const parent = name.includes('.') ? name.slice(0, name.lastIndexOf('.') + 1) : '';
    const candidates = lacking.filter((english) => (english.includes('.') ? english.slice(0, english.lastIndexOf('.') + 1) : '') === parent);
    problems.push(diagnostic({
      file: file.file,
      ...(family.line === undefined ? {} : { line: family.line }),
      severity: 'warning',
      rule: 'extra-key',
      source: 'i18n',
      message: source
        ? `"${file.namespace}:${name}" is not a key in the English (${source.file}), so nothing prints it`
        : `The English has no ${file.namespace} namespace, so nothing prints "${file.namespace}:${name}"`,
      note: candidates.length > 0
        ? `Key names are never translated: did you mean ${candidates.map((c) => `"${c}"`).join(' or ')}, which this file lacks?`
        : 'Remove it, or check the spelling of the key against the English file.',
    }));
  }
  return problems;
}

function sameAsEnglishDiagnostics(list: SameAsEnglish, sourceFiles: readonly LocaleFile[]): Diagnostic[] {
  const problems = [...list.diagnostics];
  for (const [entry, line] of list.keys) {
    const [namespace, key] = [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)];
    const source = sourceFiles.find((f) => f.namespace === namespace);
    if (source?.parsed && keyFamilies(source.parsed.keyLines).has(key)) continue;
    problems.push(diagnostic({ file: list.file, line, column: 1, severity: 'warning', rule: 'same-as-english', source: 'i18n', message: `"${entry}" is not a key of the English strings` }));
  }
  return problems;
}

/** `{{t “key”}}`: a word processor's curly quotes inside an expression. */
function curlyQuoteDiagnostics(leaflet: LeafletSource): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const lines = leaflet.body.split('\n');
  lines.forEach((text, index) => {
    for (const match of text.matchAll(/\{\{[^{}]*\}\}/g)) {
      if (!CURLY_QUOTES.test(match[0])) continue;
      problems.push(diagnostic({
        file: leaflet.file,
        line: leaflet.bodyStartLine + index,
        column: match.index + 1,
        rule: 'template-quotes',
        source: 'i18n',
        message: `Curly quotes in "${match[0]}" — ${COPY_EXACTLY}`,
        note: 'Inside {{ }} use straight quotes ("), as in the English; word processors often change them.',
      }));
    }
  });
  return problems;
}

const asStaleWarning = (d: Diagnostic): Diagnostic =>
  d.rule === 'template-mismatch'
    ? { ...d, severity: 'warning', note: `${d.note ?? ''} The English has changed since this was translated (stale translation).`.trim() }
    : d;

/** Handlebars in each translated leaflet: the English expressions, one for one, written correctly. */
function leafletDiagnostics(locale: string, sources: readonly LeafletSource[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const translated of sources.filter((s) => s.locale === locale)) {
    problems.push(...curlyQuoteDiagnostics(translated));
    const english = sources.find((s) => s.locale === SOURCE_LOCALE && s.id === translated.id);
    if (english === undefined) continue;
    const found = templateExpressionDiagnostics(translated, english);
    // Against an English text that changed since, a mismatch is expected: the translation is stale.
    const translation = translated.frontMatter?.translation;
    const stale = translation !== undefined && english.frontMatter !== undefined && stalenessOf(translation, english).stale;
    problems.push(...(stale ? found.map(asStaleWarning) : found));
  }
  return problems;
}

/**
 * Placeholders, `$t()` nesting, plural forms, broken braces and extra keys in a locale's
 * strings; Handlebars expressions in its leaflets. JSON syntax and front matter are the
 * loader's (they are not repeated here).
 */
export function checkLocaleTranslations(input: LocaleCheckInput): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const file of input.files) {
    problems.push(...pluralDiagnostics(file));
    if (input.locale === SOURCE_LOCALE) continue;
    const source = input.sourceFiles.find((s) => s.namespace === file.namespace);
    const braces = brokenBraceDiagnostics(file);
    const brokenLines = new Set(braces.map((d) => d.line));
    problems.push(...braces, ...extraKeyDiagnostics(source, file));
    // A broken brace already explains the placeholder the string then lacks.
    if (source) problems.push(...placeholderDiagnostics(source, file).filter((d) => !(d.rule === 'placeholder-mismatch' && brokenLines.has(d.line))));
  }
  if (input.locale === SOURCE_LOCALE) return problems;
  if (input.sameAsEnglish) problems.push(...sameAsEnglishDiagnostics(input.sameAsEnglish, input.sourceFiles));
  problems.push(...leafletDiagnostics(input.locale, input.sources));
  return problems;
}
