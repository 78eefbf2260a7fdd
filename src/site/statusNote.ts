import { h } from 'hastscript';
import type { Translate } from '../compile/leaflet.ts';
import type { ManifestEntry } from '../emit/manifest.ts';

/** "Draft translation. This text is waiting for a check…": a label, then what it means, said once. */
export function statusNote(entry: Pick<ManifestEntry, 'translationStatus'>, t: Translate) {
  if (entry.translationStatus === 'draft') {
    return [h('p', { className: ['status'] }, [h('strong', `${t('downloads.status.draft')}.`), ' ', t('site:status.draftNote')])];
  }
  if (entry.translationStatus === 'stale') {
    return [h('p', { className: ['status'] }, [h('strong', `${t('downloads.status.stale')}.`), ' ', t('site:status.staleNote')])];
  }
  return [];
}
