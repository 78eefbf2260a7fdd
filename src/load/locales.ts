import { join } from 'node:path';
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import type { Translate } from '../compile/leaflet.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { internalErrorDiagnostic } from '../diagnostics/guard.ts';
import { missingKeyDiagnostics } from './localeCoverage.ts';
import { parseLocaleJson, type LocaleNamespace } from './localeJson.ts';
import { diskFiles, type ProjectFiles } from './projectFiles.ts';

export type { I18n };
export const LOCALES_DIR = 'locales';
export const SOURCE_LOCALE = 'en-GB';
export const DEFAULT_NAMESPACE = 'common';

const localeFile = (locale: string, namespace: string): string => `${LOCALES_DIR}/${locale}/${namespace}.json`;

/** parseLocaleJson behind the build's guard: an unexpected exception is an internal-error diagnostic on the file. */
function guardedParseLocaleJson(text: string, file: string): ReturnType<typeof parseLocaleJson> {
  try {
    return parseLocaleJson(text, file);
  } catch (error) {
    return { diagnostics: [internalErrorDiagnostic(error, { file }, 'reading this strings file', 'load')] };
  }
}

/** Reads every `locales/<lng>/<ns>.json` into locale -> namespace -> strings with key lines. */
async function readLocaleFiles(root: string, files: ProjectFiles): Promise<{ files: Map<string, Map<string, LocaleNamespace>>; diagnostics: Diagnostic[] }> {
  const byLocale = new Map<string, Map<string, LocaleNamespace>>();
  const diagnostics: Diagnostic[] = [];
  for (const locale of await files.list(join(root, LOCALES_DIR), 'dir')) {
    try {
      Intl.getCanonicalLocales(locale);
    } catch {
      diagnostics.push(diagnostic({ file: `${LOCALES_DIR}/${locale}`, rule: 'bad-locale', source: 'load', message: `"${locale}" is not a valid BCP 47 locale tag` }));
      continue;
    }
    const namespaces = new Map<string, LocaleNamespace>();
    for (const name of (await files.list(join(root, LOCALES_DIR, locale), 'file')).filter((n) => n.endsWith('.json'))) {
      const namespace = name.slice(0, -'.json'.length);
      const text = await files.readText(join(root, LOCALES_DIR, locale, name));
      const parsed = guardedParseLocaleJson(text, localeFile(locale, namespace));
      diagnostics.push(...parsed.diagnostics);
      if (parsed.namespace) namespaces.set(namespace, parsed.namespace);
    }
    byLocale.set(locale, namespaces);
  }
  return { files: byLocale, diagnostics };
}

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
        diagnostics.push(
          ...missingKeyDiagnostics({
            sourceLocale: SOURCE_LOCALE,
            locale,
            namespace,
            sourceFile: localeFile(SOURCE_LOCALE, namespace),
            targetFile: localeFile(locale, namespace),
            source: sourceNamespace,
            target: namespaces.get(namespace),
          }),
        );
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
  return { i18n, locales: [...files.keys()], diagnostics };
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

/** The language's own name for itself, e.g. "Cymraeg" for cy; capitalised for use as a label. */
export function languageName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
