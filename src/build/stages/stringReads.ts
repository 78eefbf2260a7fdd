import { LOCALES_DIR, SOURCE_LOCALE } from '../../load/locales.ts';
import type { ProjectStore } from '../store/projectStore.ts';
import { listingKey, type ReadLog } from '../store/readLog.ts';

/** The strings a leaflet can print: its own locale's files and the source locale's (the fallback). */
export function noteStringReads(store: ProjectStore, localeReads: ReadLog, locale: string): void {
  for (const each of new Set([locale, SOURCE_LOCALE])) {
    store.noteRead(listingKey(`${LOCALES_DIR}/${each}`, 'file'));
    const prefix = `${LOCALES_DIR}/${each}/`;
    for (const [key, digest] of localeReads) if (key.startsWith(prefix)) store.noteReads([[key, digest]]);
  }
}

