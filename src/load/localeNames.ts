import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * Language names written in `locale` ("Welsh" in en-GB, "Cymraeg" in cy). Making an
 * Intl.DisplayNames loads the locale's data, so there is one per locale for the process.
 */
export function languageNamesIn(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language' });
    displayNames.set(locale, names);
  }
  return names;
}

/** The canonical spelling of a BCP 47 language tag (`cy`, `en-GB`), or undefined when it is not one. */
export function canonicalLocale(name: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(name)[0];
  } catch {
    return undefined;
  }
}

/**
 * Which locale folders (under `content/` or `locales/`) can be used. A folder name must be a
 * BCP 47 tag written in its canonical form: `CY` beside `cy` would be one folder on macOS and
 * Windows, and the two would overwrite each other's PDFs. Names that differ only in case are
 * reported together; the canonical one is kept.
 */
export function checkLocaleFolders(dir: string, names: readonly string[]): { usable: string[]; diagnostics: Diagnostic[] } {
  const usable: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const byCase = new Map<string, string[]>();
  for (const name of names) byCase.set(name.toLowerCase(), [...(byCase.get(name.toLowerCase()) ?? []), name]);
  for (const name of names) {
    const file = `${dir}/${name}`;
    const canonical = canonicalLocale(name);
    const twins = byCase.get(name.toLowerCase())!.filter((other) => other !== name);
    if (canonical === undefined) {
      diagnostics.push(
        diagnostic({
          file,
          rule: 'bad-locale',
          source: 'load',
          message: `"${name}" is not a valid BCP 47 language tag, so ${file} is skipped`,
          note: 'Name each language folder with its tag, such as cy, pl or en-GB.',
        }),
      );
    } else if (canonical !== name) {
      const clash = twins.length > 0 ? ` and differs from ${twins.map((twin) => `${dir}/${twin}`).join(', ')} only in case (one folder on macOS and Windows)` : '';
      diagnostics.push(
        diagnostic({
          file,
          rule: 'locale-case',
          source: 'load',
          message: `Locale folder "${name}" is not written as its tag "${canonical}"${clash}, so it is skipped`,
          note: twins.includes(canonical) ? `Move its files into ${dir}/${canonical} and delete ${file}.` : `Rename it to ${dir}/${canonical}.`,
        }),
      );
    } else {
      usable.push(name);
    }
  }
  return { usable, diagnostics };
}

/**
 * A locale named on the command line (`--locale`, `i18n mark-translated <locale>`): a valid
 * BCP 47 tag in canonical form, which also means it can never be a path (`../x`).
 */
export function localeArgumentProblem(locale: string): Diagnostic | undefined {
  const canonical = canonicalLocale(locale);
  if (canonical === locale) return undefined;
  return diagnostic({
    file: 'command line',
    rule: 'bad-locale',
    source: 'load',
    message:
      canonical === undefined
        ? `"${locale}" is not a locale: give a BCP 47 language tag such as cy or en-GB`
        : `Locale "${locale}" is written "${canonical}"`,
  });
}
