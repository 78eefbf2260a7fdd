/**
 * The pseudo-locale's tag, apart from its generator (pseudoLocale.ts, which loads the Markdown
 * tooling), so code that only needs to recognise it stays light.
 */
export const PSEUDO_LOCALE = 'en-XA';
export const isPseudoLocale = (locale: string): boolean => locale === PSEUDO_LOCALE;
