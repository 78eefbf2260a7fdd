import type { Brand } from '../load/brandSchema.ts';

export interface WebFont {
  /** URL relative to the stylesheet. */
  url: string;
  format: 'truetype' | 'opentype' | 'woff2';
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

/**
 * The site's one stylesheet, coloured from the brand file and set in the brand's own font.
 * Sizes are in rem so text zooms; one column from 320 px; focus outlines and target sizes meet
 * WCAG 2.2 (2.4.7, 2.4.11, 2.5.8). Print hides the site's chrome and shows link addresses.
 */
export function siteStyles(colours: Brand['colours'], fonts: WebFont[]): string {
  const fontFaces = fonts
    .map(
      (font) =>
        `@font-face{font-family:"Leaflet Sans";src:url("${font.url}") format("${font.format}");font-weight:${font.weight};font-style:${font.style};font-display:swap}`,
    )
    .join('\n');
  return `${fontFaces}
:root{--text:${colours.text};--background:${colours.background};--primary:${colours.primary};--on-primary:${colours.onPrimary};--accent:${colours.accent};--callout-background:${colours.calloutBackground};--callout-border:${colours.calloutBorder};--muted:${colours.muted}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:"Leaflet Sans",system-ui,sans-serif;font-size:1.125rem;line-height:1.5;color:var(--text);background:var(--background);overflow-wrap:break-word}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
main.wrap{padding-bottom:1rem}
.skip-link{position:absolute;left:1rem;top:-10rem;padding:.75rem 1rem;background:var(--primary);color:var(--on-primary);z-index:1}
.skip-link:focus{top:1rem}
.site-header{border-bottom:.5rem solid var(--primary);padding:1rem 0}
.site-header-inner{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem}
.home-link{display:inline-block}
.home-link img{display:block;height:3.5rem;width:auto;max-width:100%}
.strapline{margin:0;font-weight:700;color:var(--primary);flex:1 1 16rem}
.site-nav ul,.language-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;padding:0;list-style:none}
.site-nav a,.language-nav a{display:inline-block;padding:.5rem 0}
.nav-row{flex:1 1 100%;display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 1.5rem}
.language-filter ul{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none;margin:0 0 1rem}
.language-filter a{display:inline-block;padding:.25rem 0;font-size:1.25rem}
.language-filter p{margin:0}
dt{font-weight:700;margin-top:.75rem}dd{margin:0 0 0 1.25rem}
a[aria-current="page"]{font-weight:700;text-decoration-thickness:.2em}
h1,h2,h3,h4{line-height:1.2;margin:1.5rem 0 .5rem}
h1{font-size:2.25rem;color:var(--primary)}
h2{font-size:1.75rem}
h3{font-size:1.375rem}
h4{font-size:1.125rem}
p,ul,ol{margin:0 0 1rem}
li{margin:.375rem 0}
a{color:var(--accent);text-underline-offset:.15em}
a:hover{text-decoration-thickness:.15em}
a:focus-visible{outline:.1875rem solid var(--primary);outline-offset:.125rem}
img{max-width:100%;height:auto}
.leaflet{max-width:42rem}
.leaflet-header .summary{font-size:1.25rem}
.notice,.status{margin:1rem 0;padding:.75rem 1rem;background:var(--callout-background);border-left:.375rem solid var(--callout-border)}
.callout{margin:1.25rem 0;padding:1rem 1.25rem;background:var(--callout-background);border-left:.375rem solid var(--callout-border)}
.callout>:last-child{margin-bottom:0}
figure{margin:1.5rem 0}
figcaption{color:var(--muted);font-size:1rem}
.table{max-width:100%;overflow-x:auto;margin:0 0 1rem}
.table:focus-visible{outline:.1875rem solid var(--primary);outline-offset:.125rem}
.table table{margin:0}
table{border-collapse:collapse;width:100%;margin:0 0 1rem}
th,td{border:1px solid var(--muted);padding:.5rem;text-align:left;vertical-align:top}
th{background:var(--callout-background)}
.align-right{text-align:right}.align-center{text-align:center}
hr{border:0;border-top:1px solid var(--muted);margin:1.5rem 0}
.leaflet-footer{border-top:1px solid var(--muted);margin-top:2rem}
.meta{list-style:none;padding:0}
.disclaimer{font-weight:700}
.panel{border-top:.25rem solid var(--primary);margin-top:2rem;padding-top:.5rem}
.downloads{padding-left:1.25rem}
.help{color:var(--text);font-size:1rem;margin:.125rem 0 .75rem}
.leaflet-list{list-style:none;padding:0}
.leaflet-list>li{border-top:1px solid var(--muted);padding:1rem 0}
.leaflet-list h2,.leaflet-list h3{margin-top:0}
.card{display:grid;grid-template-columns:150px 1fr;gap:1rem;align-items:start}
.cover{display:block;width:150px;height:auto;border:1px solid var(--muted)}
.languages-picker{list-style:none;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,18rem),1fr))}
.languages-picker a{display:block;padding:1rem;border:.125rem solid var(--primary);font-size:1.375rem;font-weight:700}
.languages-picker p{margin:.25rem 0 0}
.site-footer{border-top:.5rem solid var(--primary);margin-top:2rem;padding:1rem 0 2rem}
@media (max-width:32rem){h1{font-size:1.875rem}h2{font-size:1.5rem}.card{grid-template-columns:1fr}table{font-size:1rem}th,td{padding:.375rem}}
@media print{
body{font-size:12pt;color:#000;background:#fff}
.skip-link,.site-nav,.language-nav,.panel,.site-footer{display:none}
.site-header{border-bottom-width:2pt}
.wrap,.leaflet{max-width:none;padding:0}
a{color:#000}
.leaflet a[href^="http"]::after{content:" (" attr(href) ")";font-size:.9em;word-break:break-all}
.callout,.notice,figure,table,tr{break-inside:avoid}
h2,h3{break-after:avoid}
}
`;
}
