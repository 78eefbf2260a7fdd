import { languageName } from '../../load/locales.ts';
import type { EditionId } from '../../render/editions.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { PreviewUnit } from './previewState.ts';

/** The preview's own look: plain, high contrast, the pages large; nothing here is printed. */
const STYLES = `
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #eceae6; }
body { margin: 0; }
header { background: #fff; border-bottom: 1px solid #bbb; padding: 0.5rem 1rem; display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
header h1 { font-size: 1.15rem; margin: 0; }
a { color: #0b4f8a; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 1rem; padding: 1rem; align-items: start; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
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
figure.page.changed canvas { outline: 4px solid #0a7d32; outline-offset: 2px; }
figure.page.changed figcaption { color: #0a7d32; font-weight: bold; }
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
    const state = unit.failed ? ' (broken: last good pages)' : unit.pages ? ` (${unit.pages} pages)` : '';
    return `<td><a href="${previewUrl(unit)}">${escapeHtml(id)} in ${escapeHtml(languageName(locale))}</a>${escapeHtml(state)}</td>`;
  };
  const rows = ids.map((id) => `<tr><th scope="row">${escapeHtml(id)}</th>${locales.map((locale) => cell(locale, id)).join('')}</tr>`).join('\n');
  const body = `<header><h1>Leaflet previews</h1><a href="/">Downloads page</a></header>
<main class="layout" style="display:block">
${notice ? `<p class="broken" role="alert">${escapeHtml(notice)}</p>` : ''}
<p>Each preview shows the ${escapeHtml(edition)} pages of one leaflet in one language, and updates as soon as a save is rebuilt.</p>
${units.length === 0 ? '<p>The first build is still running: this list fills in when it is done. Reload in a moment.</p>' : ''}
<table><thead><tr><th scope="col">Leaflet</th>${locales.map((locale) => `<th scope="col">${escapeHtml(languageName(locale))} (${escapeHtml(locale)})</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody></table>
</main>`;
  return shell('Leaflet previews', body);
}

/**
 * One leaflet in one language: its pages (drawn in the browser by pdf.js from the PDF watch
 * mode writes), its translation status and its problems, filled in and kept current by the
 * page's script (previewClient.mjs).
 */
export function leafletPreviewPage(unit: PreviewUnit, edition: EditionId): string {
  const title = `${unit.leafletId} in ${languageName(unit.locale)} (${edition})`;
  const body = `<header><h1>${escapeHtml(title)}</h1><a href="/preview/">All previews</a><a href="/">Downloads page</a>
<span class="muted">Source: <code>${escapeHtml(unit.sourceFile)}</code></span><span id="updated" class="muted" aria-live="polite"></span></header>
<div class="layout" data-preview-unit="${escapeHtml(`${unit.locale}/${unit.leafletId}`)}">
<main>
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
