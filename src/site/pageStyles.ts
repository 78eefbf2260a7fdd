import type { Brand } from '../load/brandSchema.ts';

export interface FontUrls {
  regular: string;
  bold: string;
}

/**
 * The downloads page's CSS, coloured from the brand file. Sizes are in rem so text zooms;
 * focus outlines and link targets meet WCAG 2.2 (2.4.7, 2.4.11, 2.5.8).
 */
export function pageStyles(colours: Brand['colours'], fonts?: FontUrls): string {
  const fontFaces = fonts
    ? `@font-face{font-family:"Leaflet Sans";src:url("${fonts.regular}") format("truetype");font-weight:400;font-display:swap}
@font-face{font-family:"Leaflet Sans";src:url("${fonts.bold}") format("truetype");font-weight:700;font-display:swap}
`
    : '';
  return `${fontFaces}:root{--text:${colours.text};--background:${colours.background};--primary:${colours.primary};--on-primary:${colours.onPrimary};--accent:${colours.accent};--callout-background:${colours.calloutBackground};--callout-border:${colours.calloutBorder};--muted:${colours.muted}}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:"Leaflet Sans",system-ui,sans-serif;font-size:1.125rem;line-height:1.5;color:var(--text);background:var(--background)}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.skip-link{position:absolute;left:1rem;top:-10rem;padding:.75rem 1rem;background:var(--primary);color:var(--on-primary);z-index:1}
.skip-link:focus{top:1rem}
.site-header{border-bottom:.5rem solid var(--primary);padding:1rem 0}
.site-header img{display:block;height:3.5rem;width:auto}
.strapline{margin:.5rem 0 0;font-weight:700;color:var(--primary)}
h1,h2,h3,h4{line-height:1.2;margin:1.5rem 0 .5rem}
h1{font-size:2.25rem;color:var(--primary)}
h2{font-size:1.75rem}
h3{font-size:1.375rem;margin-top:0}
h4{font-size:1.125rem}
a{color:var(--accent);text-underline-offset:.15em}
a:hover{text-decoration-thickness:.15em}
a:focus-visible{outline:.1875rem solid var(--primary);outline-offset:.125rem}
.contents ul,.downloads{padding-left:1.25rem}
.contents li,.downloads li{margin:.5rem 0}
.leaflet{border-top:1px solid var(--muted);padding:.5rem 0 1.5rem}
.languages{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,26rem),1fr));gap:2rem;margin:1rem 0 0;padding:0;list-style:none}
.language-body{display:grid;grid-template-columns:150px 1fr;gap:1rem;align-items:start}
.cover{display:block;width:150px;height:auto;border:1px solid var(--muted)}
.title{font-weight:700;margin:0 0 .25rem}
.summary{margin:0 0 .5rem}
.meta{margin:0 0 .5rem;padding:0;list-style:none;color:var(--muted);font-size:1rem}
.status{margin:.5rem 0;padding:.5rem .75rem;background:var(--callout-background);border-left:.375rem solid var(--callout-border)}
.printers-note{font-size:1rem;margin:0}
.site-footer{border-top:.5rem solid var(--primary);margin-top:2rem;padding:1rem 0 2rem}
@media (max-width:32rem){.language-body{grid-template-columns:1fr}}
`;
}
