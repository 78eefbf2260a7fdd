import { languageName } from '../../load/locales.ts';
import type { EditionId } from '../../render/editions.ts';
import { escapeHtml } from './escapeHtml.ts';
import { listStatusWords } from './listStatus.mjs';
import type { PreviewUnit } from './previewState.ts';

/** The preview's own look: plain, high contrast, the pages large; nothing here is printed. */
const STYLES = `
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #eceae6; }
body { margin: 0; }
header { background: #fff; border-bottom: 1px solid #bbb; padding: 0.5rem 1rem; display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
header h1 { font-size: 1.15rem; margin: 0; }
a { color: #0b4f8a; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 1rem; padding: 1rem; align-items: start; }
@media (max-width: 60rem) { .layout { grid-template-columns: minmax(0, 1fr); } aside { position: static; max-height: none; } }
aside { position: sticky; top: 1rem; background: #fff; border: 1px solid #bbb; padding: 0.75rem 1rem; max-height: calc(100vh - 2rem); overflow: auto; }
aside h2 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
.broken { background: #fff0f0; border: 2px solid #b00020; padding: 0.5rem 1rem; margin: 0 0 1rem; }
.broken h2 { margin: 0; font-size: 1.05rem; color: #8a0018; }
.problems { list-style: none; padding: 0; margin: 0; font-size: 0.9rem; }
.problems li { border-left: 4px solid #b26b00; padding: 0.25rem 0.5rem; margin: 0.25rem 0; background: #fffaf0; }
.problems li.error { border-color: #b00020; background: #fff0f0; }
.problems code { font-size: 0.85rem; }
.pages { display: flex; flex-direction: column; align-items: center; gap: 1rem; }
figure.page { margin: 0; max-width: 100%; }
figure.page canvas { display: block; width: 100%; height: auto; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
figure.page figcaption { font-size: 0.85rem; padding: 0 0 0.2rem; }
figure.page.changed canvas { outline: 4px solid #086b2b; outline-offset: 2px; }
figure.page.changed figcaption { color: #086b2b; font-weight: bold; }
/* The rebuild status stays in view above the pages while the reader scrolls. The words say
   the state; the edge colour and the icon repeat it. Only the spinner moves, and not for
   readers who asked for reduced motion. */
.status { position: sticky; top: 0; z-index: 1; display: flex; gap: 0.6rem; align-items: center; margin: 0 0 1rem; padding: 0.4rem 0.75rem; background: #fff; border: 1px solid #bbb; border-left: 6px solid #767676; box-shadow: 0 1px 3px rgba(0,0,0,0.15); }
.status p { margin: 0; }
.status-text { font-weight: bold; }
.status-detail { font-size: 0.85rem; color: #555; }
.status-icon { flex: none; width: 1.25rem; height: 1.25rem; display: inline-flex; align-items: center; justify-content: center; font-weight: bold; line-height: 1; }
.status[data-state="rebuilding"] { background: #eef5fc; border-color: #0b4f8a; border-width: 2px 2px 2px 8px; }
.status[data-state="rebuilding"] .status-icon { box-sizing: border-box; border: 3px solid #0b4f8a; border-right-color: transparent; border-radius: 50%; }
@media (prefers-reduced-motion: no-preference) {
  .status[data-state="rebuilding"] .status-icon { animation: status-spin 1s linear infinite; }
}
@keyframes status-spin { to { transform: rotate(360deg); } }
.status[data-state="updated"] { border-left-color: #086b2b; }
.status[data-state="updated"] .status-icon::before { content: "✓"; color: #086b2b; font-size: 1.2rem; }
.status[data-state="unchanged"] { border-left-color: #555; }
.status[data-state="unchanged"] .status-icon::before { content: "="; color: #333; font-size: 1.2rem; }
.status[data-state="failed"], .status[data-state="removed"] { border-left-color: #b00020; }
.status[data-state="failed"] .status-icon::before, .status[data-state="removed"] .status-icon::before { content: "!"; color: #fff; background: #b00020; border-radius: 50%; width: 1.2rem; height: 1.2rem; display: inline-flex; align-items: center; justify-content: center; }
.muted { color: #555; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.6rem; text-align: left; }
`;

function shell(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLES}</style></head>
<body>${body}${script}</body>
</html>
`;
}

export const previewUrl = (unit: Pick<PreviewUnit, 'locale' | 'leafletId'>): string =>
  `/preview/${encodeURIComponent(unit.locale)}/${encodeURIComponent(unit.leafletId)}`;

/** Every leaflet in every language, linking to its preview. */
export function previewListPage(units: readonly PreviewUnit[], edition: EditionId, notice?: string): string {
  const locales = [...new Set(units.map((unit) => unit.locale))].sort();
  const ids = [...new Set(units.map((unit) => unit.leafletId))].sort();
  const cell = (locale: string, id: string) => {
    const unit = units.find((each) => each.locale === locale && each.leafletId === id);
    if (!unit) return '<td class="muted">none</td>';
    const words = listStatusWords(unit.status, unit.failed, unit.pages);
    return `<td data-unit="${escapeHtml(`${locale}/${id}`)}"${unit.pages ? ` data-pages="${unit.pages}"` : ''}><a href="${previewUrl(unit)}">${escapeHtml(id)} in ${escapeHtml(languageName(locale))}</a> <span class="unit-status" data-state="${escapeHtml(unit.status.state)}">(${escapeHtml(words)})</span></td>`;
  };
  const rows = ids.map((id) => `<tr><th scope="row">${escapeHtml(id)}</th>${locales.map((locale) => cell(locale, id)).join('')}</tr>`).join('\n');
  const body = `<header><h1>Leaflet previews</h1><a href="/">Downloads page</a></header>
<main class="layout" style="display:block">
${notice ? `<p class="broken" role="alert">${escapeHtml(notice)}</p>` : ''}
<p>Each preview shows the ${escapeHtml(edition)} pages of one leaflet in one language, and updates as soon as a save is rebuilt. Beside each, this list says when a save is being rebuilt and how it ended.</p>
<p id="list-status" class="muted" role="status"></p>
${units.length === 0 ? '<p>The first build is still running: this list fills in when it is done. Reload in a moment.</p>' : ''}
<table><thead><tr><th scope="col">Leaflet</th>${locales.map((locale) => `<th scope="col">${escapeHtml(languageName(locale))} (${escapeHtml(locale)})</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody></table>
</main>`;
  return shell('Leaflet previews', body, '<script type="module" src="/preview/assets/list.mjs"></script>');
}

/**
 * One leaflet in one language: its pages (drawn in the browser by pdf.js from the PDF watch
 * mode writes), its translation status and its problems, filled in and kept current by the
 * page's script (previewClient.mjs).
 */
export function leafletPreviewPage(unit: PreviewUnit, edition: EditionId): string {
  const title = `${unit.leafletId} in ${languageName(unit.locale)} (${edition})`;
  const body = `<header><h1>${escapeHtml(title)}</h1><a href="/preview/">All previews</a><a href="/">Downloads page</a>
<span class="muted">Source: <code>${escapeHtml(unit.sourceFile)}</code></span></header>
<div class="layout" data-preview-unit="${escapeHtml(`${unit.locale}/${unit.leafletId}`)}">
<main>
<div id="status" class="status" data-state="loading"><span class="status-icon" aria-hidden="true"></span>
<div><p id="status-text" class="status-text" role="status">Loading the pages…</p><p id="status-detail" class="status-detail"></p></div></div>
<div id="broken" class="broken" role="alert" hidden></div>
<div id="pages" class="pages" aria-label="Pages of the ${escapeHtml(edition)} PDF"><p class="muted">Loading the pages…</p></div>
</main>
<aside>
<h2>Translation</h2><div id="translation" class="muted">…</div>
<h2>Problems</h2><div id="problems" class="muted">…</div>
<h2>Files</h2><p><a id="pdf-link" href="${previewUrl(unit)}/pdf">The ${escapeHtml(edition)} PDF</a></p>
</aside>
</div>`;
  return shell(title, body, '<script type="module" src="/preview/assets/preview.mjs"></script>');
}
