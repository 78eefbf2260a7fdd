import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { EditionId } from '../render/editions.ts';
import { LAYOUT_WARNING_RULES } from '../render/layoutCheck/checkLayout.ts';

export interface BuildSelection {
  /** Only these locales (all when empty). */
  locales?: string[];
  /** Only these leaflet ids (all when empty). */
  leaflets?: string[];
  /** Only these exact (leaflet, locale) pairs (all when absent); watch mode rebuilds just what changed. */
  outputs?: Array<{ leafletId: string; locale: string }>;
  editions: EditionId[];
}

export function selectionFilter(selection: BuildSelection): (id: string, locale: string) => boolean {
  const locales = new Set(selection.locales ?? []);
  const leaflets = new Set(selection.leaflets ?? []);
  const pairs = selection.outputs && new Set(selection.outputs.map((pair) => `${pair.locale}/${pair.leafletId}`));
  return (id, locale) =>
    (locales.size === 0 || locales.has(locale)) && (leaflets.size === 0 || leaflets.has(id)) && (!pairs || pairs.has(`${locale}/${id}`));
}

/** Rules that are warnings by default and errors under `--strict`. */
const STRICT_RULES = new Set<string>(['missing-key', 'stale-translation', 'link-text', 'uncited-clinical-text', ...LAYOUT_WARNING_RULES]);

export function promoteStrict(diagnostics: Diagnostic[], strict: boolean): Diagnostic[] {
  if (!strict) return diagnostics;
  return diagnostics.map((d) => (d.severity === 'warning' && STRICT_RULES.has(d.rule) ? { ...d, severity: 'error' } : d));
}
