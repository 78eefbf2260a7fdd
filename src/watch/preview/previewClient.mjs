// The live preview page's script (runs in the browser; served by previewRoutes.ts). It draws
// each page of the leaflet's PDF with pdf.js onto a canvas, and redraws as soon as the watch
// session says the PDF was written: same elements, so the reader stays on the page they were
// reading; pages whose pixels changed are marked; a save that broke the leaflet shows its errors.
// From the moment a save's rebuild is planned until its PDF is done, the status line says so.
import * as pdfjs from '/preview/assets/pdf.min.mjs';
import { clock } from '/preview/assets/list-status.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/preview/assets/pdf.worker.min.mjs';

const layout = document.querySelector('[data-preview-unit]');
const unit = layout.dataset.previewUnit;
const base = `/preview/${unit.split('/').map(encodeURIComponent).join('/')}`;
const pagesBox = document.getElementById('pages');
const brokenBox = document.getElementById('broken');
const problemsBox = document.getElementById('problems');
const translationBox = document.getElementById('translation');
const statusBox = document.getElementById('status');
const statusText = document.getElementById('status-text');
const statusDetail = document.getElementById('status-detail');

/**
 * What tests and the bench read: the PDF version drawn, how many times the pages were drawn,
 * and the rebuild status shown (`statuses`: every one shown, in order; `rebuildingAt`: when
 * "Rebuilding" last appeared).
 */
const preview = { version: 0, draws: 0, drawnAt: 0, failed: false, events: null, status: 'loading', statuses: [], rebuildingAt: 0 };
window.leafletsPreview = preview;

/** Page width on screen in CSS pixels; drawn at the screen's pixel density. */
const PAGE_WIDTH = 560;

const element = (tag, attributes = {}, text) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
};

const place = (d) => `${d.file}${d.line ? `:${d.line}` : ''}${d.line && d.column ? `:${d.column}` : ''}`;

function problemList(diagnostics) {
  const list = element('ul', { class: 'problems' });
  for (const d of diagnostics) {
    const item = element('li', { class: d.severity });
    item.append(element('code', {}, place(d)), ` ${d.severity}: ${d.message}`);
    if (d.note) item.append(element('br'), element('span', { class: 'muted' }, d.note));
    list.append(item);
  }
  return list;
}

function showProblems(state) {
  const errors = state.diagnostics.filter((d) => d.severity === 'error');
  brokenBox.replaceChildren();
  brokenBox.hidden = !state.failed;
  if (state.failed) {
    brokenBox.append(
      element('h2', {}, 'This save broke the leaflet'),
      element('p', {}, state.version > 0 ? 'The pages below are from the last good build; fix the problem and save again.' : 'There is no good build of it yet; fix the problem and save again.'),
      problemList(errors.length > 0 ? errors : state.diagnostics),
    );
  }
  problemsBox.replaceChildren(state.diagnostics.length === 0 ? element('p', {}, 'None.') : problemList(state.diagnostics));
}

function showTranslation(state) {
  const t = state.translation;
  if (!t) return translationBox.replaceChildren(element('p', {}, 'Not known (see leaflets i18n status).'));
  if (t.source) return translationBox.replaceChildren(element('p', {}, `${t.language} is the source language.`));
  const parts = [
    element('p', {}, `${t.language}: strings ${t.strings.percent}% translated (${t.strings.translated} of ${t.strings.total}); ${t.strings.missing} missing, ${t.strings.sameAsEnglish} still the English.`),
  ];
  if (t.leaflet) {
    parts.push(element('p', {}, `This leaflet: ${t.leaflet.state}.`));
    if (t.leaflet.reasons.length > 0) parts.push(problemList(t.leaflet.reasons.map((reason) => ({ file: state.sourceFile, severity: 'warning', message: reason }))));
  }
  translationBox.replaceChildren(...parts);
}

/** The page nearest the top of the window and how far down it starts, to come back to after a redraw. */
function scrollAnchor() {
  const figures = [...pagesBox.querySelectorAll('figure.page')];
  const anchor = figures.find((figure) => figure.getBoundingClientRect().bottom > 0);
  return anchor ? { index: figures.indexOf(anchor), top: anchor.getBoundingClientRect().top } : undefined;
}

function restoreScroll(anchor) {
  if (!anchor) return;
  const figures = pagesBox.querySelectorAll('figure.page');
  const figure = figures[Math.min(anchor.index, figures.length - 1)];
  if (figure) window.scrollBy(0, figure.getBoundingClientRect().top - anchor.top);
}

/** A quick digest of a drawn page's pixels (FNV-1a over every pixel): equal digests, same picture. */
function pixelDigest(canvas) {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const pixels = new Uint32Array(data.buffer, data.byteOffset, data.byteLength / 4);
  let hash = 0x811c9dc5;
  for (let index = 0; index < pixels.length; index += 1) hash = Math.imul(hash ^ pixels[index], 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

async function drawPage(pdf, number, count) {
  const page = await pdf.getPage(number);
  const scale = (PAGE_WIDTH / page.getViewport({ scale: 1 }).width) * (window.devicePixelRatio || 1);
  const viewport = page.getViewport({ scale });
  const canvas = element('canvas', { width: String(Math.ceil(viewport.width)), height: String(Math.ceil(viewport.height)) });
  await page.render({ canvasContext: canvas.getContext('2d'), viewport, canvas }).promise;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `Page ${number} of ${count}, as printed (the text is in the PDF)`);
  canvas.dataset.digest = pixelDigest(canvas);
  return canvas;
}

/** Draws every page off screen, then swaps in the ones whose pixels changed, keeping the reader's place. */
async function drawPages(version) {
  const response = await fetch(`${base}/pdf?v=${version}`, { cache: 'no-store' });
  if (!response.ok) return false;
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(await response.arrayBuffer()), isEvalSupported: false }).promise;
  try {
    const canvases = [];
    for (let number = 1; number <= pdf.numPages; number += 1) canvases.push(await drawPage(pdf, number, pdf.numPages));
    const anchor = scrollAnchor();
    if (!pagesBox.querySelector('figure.page')) pagesBox.replaceChildren();
    const figures = [...pagesBox.querySelectorAll('figure.page')];
    canvases.forEach((canvas, index) => {
      let figure = figures[index];
      if (!figure) {
        figure = element('figure', { class: 'page', 'data-page': String(index + 1) });
        figure.append(element('figcaption'), canvas);
        pagesBox.append(figure);
      }
      const shown = figure.querySelector('canvas');
      const changed = preview.draws > 0 && shown.dataset.digest !== canvas.dataset.digest;
      if (shown !== canvas && (shown.dataset.digest !== canvas.dataset.digest || shown.getAttribute('aria-label') !== canvas.getAttribute('aria-label'))) shown.replaceWith(canvas);
      figure.querySelector('figcaption').textContent = `Page ${index + 1} of ${canvases.length}${changed ? ' (changed)' : ''}`;
      figure.style.width = `${PAGE_WIDTH}px`;
      figure.classList.toggle('changed', changed);
    });
    for (const extra of figures.slice(canvases.length)) extra.remove();
    restoreScroll(anchor);
    return true;
  } finally {
    await pdf.destroy();
  }
}


/** The files a save changed, named (a checkout can change hundreds: the first few, and how many more). */
const savedFiles = (files) => (files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`);

/** What the status line says in each state (the words carry it; colour and the icon only repeat it). */
function statusWords(status, writtenAt) {
  switch (status.state) {
    case 'rebuilding':
      return ['Rebuilding after your save…', `Saved ${savedFiles(status.files)} at ${clock(status.at)}; the pages below are from before it.`];
    case 'updated':
      return [`Updated ${clock(status.at)}`, 'The pages below include your last save.'];
    case 'unchanged':
      return [`Rebuilt ${clock(status.at)}: your save did not change these pages`, 'The PDF came out the same as before, so nothing here is redrawn.'];
    case 'failed':
      return [`Not updated ${clock(status.at)}: your save has errors`, 'The errors are listed below; the pages are from the last good build.'];
    case 'removed':
      return ['This leaflet was removed', 'Its Markdown file is gone, so there is nothing to preview.'];
    default:
      return [writtenAt ? `Pages from ${clock(writtenAt)}` : 'Waiting for the first build…', 'Save the file to see your changes here.'];
  }
}

/** The newest status shown, by the server's sequence number: an older answer never replaces a newer one. */
let shownSeq = -1;

function showStatus({ status, seq, writtenAt }) {
  if (seq < shownSeq) return;
  shownSeq = seq;
  const [text, detail] = statusWords(status, writtenAt);
  // Re-announced only when the words change (a polite live region speaks each change).
  if (statusText.textContent !== text) statusText.textContent = text;
  statusDetail.textContent = detail;
  statusBox.dataset.state = status.state;
  const rebuilding = status.state === 'rebuilding';
  pagesBox.setAttribute('aria-busy', String(rebuilding));
  const prefix = rebuilding ? 'Rebuilding: ' : preview.failed ? 'Broken: ' : '';
  document.title = `${prefix}${document.title.replace(/^(Broken|Rebuilding): /, '')}`;
  if (preview.status !== status.state) {
    preview.statuses.push(status.state);
    if (rebuilding) preview.rebuildingAt = performance.timeOrigin + performance.now();
  }
  preview.status = status.state;
}

let running = false;
let again = false;

/** Reads the leaflet's state and redraws what changed; calls that arrive meanwhile fold into one more pass. */
async function refresh() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      const response = await fetch(`${base}/state.json`, { cache: 'no-store' });
      if (!response.ok) continue;
      const state = await response.json();
      showProblems(state);
      preview.failed = state.failed;
      if (state.version > 0 && state.version !== preview.version && (await drawPages(state.version))) {
        preview.version = state.version;
        preview.draws += 1;
        preview.drawnAt = performance.timeOrigin + performance.now();
      }
      // After the pages: "Updated" appears with the new pages on screen.
      showStatus(state);
      // The translation status takes longer to work out: it follows the pages.
      const translation = await fetch(`${base}/translation.json`, { cache: 'no-store' });
      if (translation.ok) showTranslation({ ...state, translation: await translation.json() });
    } while (again);
  } catch (error) {
    problemsBox.replaceChildren(element('p', {}, `The preview could not update: ${error.message}`));
  } finally {
    running = false;
  }
}

const events = new EventSource('/preview/events');
preview.events = events;
events.addEventListener('unit', (event) => {
  const change = JSON.parse(event.data);
  if (change.unit !== unit) return;
  if (change.status.state === 'removed') return showStatus(change);
  // Planned, not built yet: say so at once, and ask for nothing while the PDF renders.
  if (change.status.state === 'rebuilding') return showStatus(change);
  void refresh();
});
// After a reconnect (the watcher restarted), changes may have been missed.
events.addEventListener('open', () => void refresh());
void refresh();
