import { join } from 'node:path';
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import type { Translate } from '../compile/leaflet.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { internalErrorDiagnostic } from '../diagnostics/guard.ts';
import { projectLimits, type Limits } from './limits.ts';
import { missingKeyDiagnostics, textWhereSourceHasText } from './localeCoverage.ts';
import { parseLocaleJson, type LocaleNamespace } from './localeJson.ts';
import { checkLocaleFolders, languageNamesIn } from './localeNames.ts';
import { diskFiles, readProjectText, type ProjectFiles } from './projectFiles.ts';

export type { I18n };
export const LOCALES_DIR = 'locales';
export const SOURCE_LOCALE = 'en-GB';
export const DEFAULT_NAMESPACE = 'common';

const localeFile = (locale: string, namespace: string): string => `${LOCALES_DIR}/${locale}/${namespace}.json`;

/**
 * Reads and parses one `locales/<locale>/<namespace>.json` (project-relative `file`): inside the
 * project, within the size limit, UTF-8, nested within the depth limit, every value a string.
 * An unexpected exception is an internal-error diagnostic on the file (the build's guard).
 */
export function readLocaleNamespace(
  root: string,
  file: string,
  limits: Limits = projectLimits(root),
  files: ProjectFiles = diskFiles,
): { namespace?: LocaleNamespace; diagnostics: Diagnostic[] } {
  const read = readProjectText({ root, absolute: join(root, file), maxBytes: limits.localeFileSize, limit: 'localeFileSize', what: 'locale file', source: 'load', files });
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  try {
    return parseLocaleJson(read.text, file, limits);
  } catch (error) {
    return { diagnostics: [internalErrorDiagnostic(error, { file }, 'reading this strings file', 'load')] };
  }
}

/** The usable locale folders under `locales/` (see checkLocaleFolders), with problems for the rest. */
export async function localeFolderNames(root: string, files: ProjectFiles = diskFiles): Promise<{ locales: string[]; diagnostics: Diagnostic[] }> {
  const names = (await files.list(join(root, LOCALES_DIR), 'dir')).filter((name) => !name.startsWith('.'));
  const { usable, diagnostics } = checkLocaleFolders(LOCALES_DIR, names);
  return { locales: usable, diagnostics };
}

/** Reads every `locales/<lng>/<ns>.json` into locale -> namespace -> strings with key lines. */
async function readLocaleFiles(root: string, files: ProjectFiles): Promise<{ files: Map<string, Map<string, LocaleNamespace>>; diagnostics: Diagnostic[] }> {
  const byLocale = new Map<string, Map<string, LocaleNamespace>>();
  const limits = projectLimits(root, files);
  const { locales, diagnostics } = await localeFolderNames(root, files);
  for (const locale of locales) {
    const namespaces = new Map<string, LocaleNamespace>();
    for (const name of (await files.list(join(root, LOCALES_DIR, locale), 'file')).filter((n) => n.endsWith('.json'))) {
      const namespace = name.slice(0, -'.json'.length);
      const parsed = readLocaleNamespace(root, localeFile(locale, namespace), limits, files);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.namespace) namespaces.set(namespace, parsed.namespace);
    }
    byLocale.set(locale, namespaces);
  }
  return { files: byLocale, diagnostics };
}

/** Key lines of each loaded namespace file, by i18next instance, so later checks need not parse the files again. */
const loadedKeyLines = new WeakMap<I18n, Map<string, ReadonlyMap<string, number>>>();

/** The line of every key of `locales/<locale>/<namespace>.json` as loaded into this instance, if it was. */
export const keyLinesOf = (i18n: I18n, locale: string, namespace: string): ReadonlyMap<string, number> | undefined =>
  loadedKeyLines.get(i18n)?.get(localeFile(locale, namespace));

/**
 * Loads all locale strings into one i18next instance (synchronous init, no backend;
 * values are not HTML-escaped because the output is Markdown and PDF, not HTML).
 */
export async function loadLocales(
  root: string,
  projectFiles: ProjectFiles = diskFiles,
): Promise<{ i18n: I18n; locales: string[]; diagnostics: Diagnostic[] }> {
  const { files, diagnostics } = await readLocaleFiles(root, projectFiles);
  const resources: Resource = {};
  const namespaceNames = new Set<string>([DEFAULT_NAMESPACE]);
  for (const [locale, namespaces] of files) {
    resources[locale] = Object.fromEntries([...namespaces].map(([ns, data]) => [ns, data.resources]));
    for (const ns of namespaces.keys()) namespaceNames.add(ns);
  }

  const source = files.get(SOURCE_LOCALE);
  if (source === undefined) {
    diagnostics.push(diagnostic({ file: `${LOCALES_DIR}/${SOURCE_LOCALE}`, rule: 'missing-file', source: 'load', message: `The source locale ${SOURCE_LOCALE} has no strings` }));
  } else {
    for (const [locale, namespaces] of files) {
      if (locale === SOURCE_LOCALE) continue;
      for (const [namespace, sourceNamespace] of source) {
        const coverage = {
          sourceLocale: SOURCE_LOCALE,
          locale,
          namespace,
          sourceFile: localeFile(SOURCE_LOCALE, namespace),
          targetFile: localeFile(locale, namespace),
          source: sourceNamespace,
          target: namespaces.get(namespace),
        };
        diagnostics.push(...missingKeyDiagnostics(coverage), ...textWhereSourceHasText(coverage));
      }
    }
  }

  const i18n = i18next.createInstance();
  void i18n.init({
    lng: SOURCE_LOCALE,
    fallbackLng: SOURCE_LOCALE,
    supportedLngs: false,
    resources,
    ns: [...namespaceNames],
    defaultNS: DEFAULT_NAMESPACE,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  loadedKeyLines.set(
    i18n,
    new Map([...files].flatMap(([locale, namespaces]) => [...namespaces].map(([namespace, data]) => [localeFile(locale, namespace), data.keyLines] as const))),
  );
  return { i18n, locales: [...files.keys()], diagnostics };
}

/**
 * One value per set of strings and locale, made on first ask. A loaded i18n instance's strings
 * never change (a changed locale file is a new instance), so what is made from them can be kept
 * as long as the instance is.
 */
export function oncePerStringsAndLocale<T>(made: WeakMap<I18n, Map<string, T>>, i18n: I18n, locale: string, make: () => T): T {
  let byLocale = made.get(i18n);
  if (!byLocale) {
    byLocale = new Map();
    made.set(i18n, byLocale);
  }
  let value = byLocale.get(locale);
  if (value === undefined) {
    value = make();
    byLocale.set(locale, value);
  }
  return value;
}

/** A translate function fixed to one locale; keys are `key` (common namespace) or `ns:key`. */
export function makeTranslate(i18n: I18n, locale: string): Translate {
  const t = i18n.getFixedT(locale, DEFAULT_NAMESPACE);
  return (key, options) => String(t(key, options ?? {}));
}

/** Whether a key resolves in this locale or the source locale (with plural options such as count). */
export function hasTranslation(i18n: I18n, locale: string, key: string, options: Record<string, unknown> = {}): boolean {
  return i18n.exists(key, { ...options, lng: locale, ns: DEFAULT_NAMESPACE });
}

/** Whether a key names a group of strings (an object) rather than one string. */
export function isTranslationGroup(i18n: I18n, locale: string, key: string, options: Record<string, unknown> = {}): boolean {
  const value: unknown = i18n.t(key, { ...options, lng: locale, ns: DEFAULT_NAMESPACE, returnObjects: true });
  return value !== null && typeof value === 'object';
}

/** Each language's own name, asked for on every compile: looked up once per locale. */
const languageLabels = new Map<string, string>();

/** The language's own name for itself, e.g. "Cymraeg" for cy; capitalised for use as a label. */
export function languageName(locale: string): string {
  let label = languageLabels.get(locale);
  if (label === undefined) {
    const name = languageNamesIn(locale).of(locale) ?? locale;
    label = name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
    languageLabels.set(locale, label);
  }
  return label;
}
