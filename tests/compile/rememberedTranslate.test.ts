import { describe, expect, it } from 'vitest';
import { rememberedTranslate } from '../../src/compile/rememberedTranslate.ts';
import { loadLocales, makeTranslate } from '../../src/load/locales.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

describe('remembered translations', () => {
  it("give i18next's own strings, with and without options, in every locale, the first time and again", async () => {
    const { i18n, locales } = await loadLocales(PROJECT_ROOT);
    const calls: Array<[string, Record<string, unknown>?]> = [
      ['page.ofTotal', { page: 2, total: 8 }],
      ['page.ofTotal', { page: 3, total: 8 }],
      ['back.qrAlt', { url: 'https://www.alopecia.org.uk/a' }],
      ['edition.booklet'],
      ['no.such.key'],
    ];
    for (const locale of locales) {
      const plain = makeTranslate(i18n, locale);
      const remembered = rememberedTranslate(i18n, locale);
      expect(rememberedTranslate(i18n, locale)).toBe(remembered);
      for (let round = 0; round < 2; round += 1) {
        for (const [key, options] of calls) expect(remembered(key, options), `${locale} ${key}`).toBe(plain(key, options));
      }
    }
    // A locale file read again is a new instance, with its own results.
    const reloaded = await loadLocales(PROJECT_ROOT);
    expect(rememberedTranslate(reloaded.i18n, 'en-GB')).not.toBe(rememberedTranslate(i18n, 'en-GB'));
  });

  it('passes calls whose options are not plain values straight to i18next', async () => {
    const { i18n } = await loadLocales(PROJECT_ROOT);
    const remembered = rememberedTranslate(i18n, 'en-GB');
    const plain = makeTranslate(i18n, 'en-GB');
    const options = { page: 1, total: 4, extra: { nested: true } };
    expect(remembered('page.ofTotal', options)).toBe(plain('page.ofTotal', options));
  });
});
