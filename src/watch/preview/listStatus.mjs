// The words the preview's list page shows beside each leaflet and language: written by the
// server into the page (previewPages.ts) and by the page's script as saves are rebuilt
// (previewListClient.mjs), so both say the same. The preview page's script takes its clock from
// here too. Plain JavaScript: the browser loads it as well.

/** A clock time as the translator's watch shows it: 14:03:27. */
export const clock = (epochMs) => new Date(epochMs).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/**
 * `status`: the unit's rebuild status (previewState.ts); `failed`: its last rebuild failed and
 * the PDF is the last good one; `pages`: pages of that PDF, when known.
 */
export function listStatusWords(status, failed, pages) {
  switch (status.state) {
    case 'rebuilding':
      return 'rebuilding after a save…';
    case 'updated':
      return `updated ${clock(status.at)}`;
    case 'unchanged':
      return `rebuilt ${clock(status.at)}, no change`;
    case 'failed':
      return `not updated ${clock(status.at)}: the save has errors, last good pages shown`;
    case 'removed':
      return 'removed';
    default:
      if (failed) return 'broken: last good pages';
      return pages ? `${pages} pages` : 'not built yet';
  }
}
