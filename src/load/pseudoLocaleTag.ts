/** Pseudo-locales (en-XA, ar-XB) exist to test layouts; they are never published. */
export function isPseudoLocale(locale: string): boolean {
  try {
    const region = new Intl.Locale(locale).region;
    return region === 'XA' || region === 'XB';
  } catch {
    return false;
  }
}
