import { i18nStatus, type LeafletState } from '../../i18n/status.ts';

/** The translation status a preview page shows beside a leaflet's pages. */
export interface TranslationSummary {
  language: string;
  source: boolean;
  strings: { translated: number; total: number; percent: number; missing: number; sameAsEnglish: number };
  leaflet?: { state: LeafletState; reasons: string[] };
}

/**
 * `i18n status` for the preview, worked out once per locale and again only after something
 * was rebuilt (`invalidate`), so opening pages costs nothing while no file changes.
 */
export class TranslationSummaries {
  private readonly byLocale = new Map<string, Promise<Awaited<ReturnType<typeof i18nStatus>>['locales'][number] | undefined>>();

  constructor(private readonly root: string) {}

  invalidate(): void {
    this.byLocale.clear();
  }

  async of(locale: string, leafletId: string): Promise<TranslationSummary | undefined> {
    let status = this.byLocale.get(locale);
    if (!status) {
      status = i18nStatus(this.root, { locales: [locale], diff: false }).then(
        (report) => report.locales[0],
        () => undefined,
      );
      this.byLocale.set(locale, status);
    }
    const found = await status;
    if (!found) return undefined;
    const leaflet = found.leaflets.items.find((item) => item.id === leafletId);
    return {
      language: found.language,
      source: found.source,
      strings: {
        translated: found.strings.translated,
        total: found.strings.total,
        percent: found.strings.percent,
        missing: found.strings.missing.length,
        sameAsEnglish: found.strings.sameAsEnglish.length,
      },
      ...(leaflet ? { leaflet: { state: leaflet.state, reasons: leaflet.reasons ?? [] } } : {}),
    };
  }
}
