// The preview list page's script (runs in the browser; served by previewRoutes.ts). The watch
// session's events say when a leaflet's rebuild is planned and how it ended; the words beside
// that leaflet and language follow, and a polite status line says what changed last.
import { listStatusWords } from '/preview/assets/list-status.mjs';

const announcer = document.getElementById('list-status');

/** What tests read: every status shown per unit ("cy/support"), in order. */
const list = { events: null, statuses: {} };
window.leafletsPreviewList = list;

/** The newest change shown per unit, by the server's sequence number: an older one never replaces it. */
const shownSeq = new Map();

const events = new EventSource('/preview/events');
list.events = events;
events.addEventListener('unit', (event) => {
  const change = JSON.parse(event.data);
  const cell = [...document.querySelectorAll('td[data-unit]')].find((each) => each.dataset.unit === change.unit);
  // A leaflet or language added since the page loaded: reloading lists it.
  if (!cell || change.seq < (shownSeq.get(change.unit) ?? -1)) return;
  shownSeq.set(change.unit, change.seq);
  const words = listStatusWords(change.status, change.failed, Number(cell.dataset.pages) || undefined);
  const status = cell.querySelector('.unit-status');
  status.textContent = `(${words})`;
  status.dataset.state = change.status.state;
  (list.statuses[change.unit] ??= []).push(change.status.state);
  announcer.textContent = `${cell.querySelector('a').textContent}: ${words}`;
});
