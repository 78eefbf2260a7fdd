import path from 'node:path';
import { leafletUrl } from '../build/leafletUrl.ts';
import type { Brand } from '../load/brandSchema.ts';

/**
 * Where every page of the website lives, as paths inside the output folder, and the public
 * address of each. The output folder is published at `baseUrl`; a leaflet's page sits at the
 * path its QR code prints (`leafletUrlPattern`), so the printed code and the page always agree.
 */
export interface SiteLayout {
  /** Where the output folder is published; always ends with `/`. */
  baseUrl: string;
  /** The root page with the language picker. */
  root: string;
  /** The home page of one language: every leaflet in it. */
  home(locale: string): string;
  /** The downloads page of one language (PDFs grouped by leaflet, and printing help). */
  downloads(locale: string): string;
  /** The HTML edition of one leaflet: the page its QR code opens. */
  leafletPage(locale: string, id: string): string;
  /** The public address of a path inside the output folder (`index.html` left off). */
  url(outputPath: string): string;
}

export type SiteBrand = Pick<Brand, 'website' | 'leafletUrlPattern'> & { baseUrl?: string };

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/**
 * Without a `baseUrl`, the output folder is published where the pattern's fixed part ends:
 * `/leaflets/{locale}/{id}` on the website gives `https://<website>/leaflets/`.
 */
export function defaultBaseUrl(brand: SiteBrand): string {
  const pattern = brand.leafletUrlPattern;
  const firstPlaceholder = Math.min(...['{locale}', '{id}'].map((p) => pattern.indexOf(p)).filter((i) => i >= 0));
  const fixed = pattern.slice(0, firstPlaceholder);
  return new URL(fixed.slice(0, fixed.lastIndexOf('/') + 1) || '/', withSlash(brand.website)).href;
}

/** A path inside the output folder for a URL under `baseUrl`, or undefined when it is not under it. */
function outputPathOf(url: URL, base: URL): string | undefined {
  if (url.origin !== base.origin || url.search || url.hash || !url.pathname.startsWith(base.pathname)) return undefined;
  const relative = url.pathname.slice(base.pathname.length);
  let segments: string[];
  try {
    segments = relative.split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
  if (segments.some((s) => s === '.' || s === '..' || s.includes('\\') || s.startsWith('.'))) return undefined;
  const joined = segments.join('/');
  return joined === '' || joined.endsWith('/') ? `${joined}index.html` : `${joined}/index.html`;
}

/**
 * The site's layout from the brand file, or a message saying why the leaflet pages cannot be
 * published where the QR codes point (the pattern names a place outside `baseUrl`).
 */
export function siteLayout(brand: SiteBrand): { layout: SiteLayout } | { problem: string } {
  const baseUrl = withSlash(brand.baseUrl ?? defaultBaseUrl(brand));
  const base = new URL(baseUrl);
  const pageOf = (locale: string, id: string) => outputPathOf(new URL(leafletUrl(brand, locale, id)), base);
  const probe = pageOf('en-GB', 'leaflet-id');
  if (probe === undefined) {
    return {
      problem:
        `leafletUrlPattern "${brand.leafletUrlPattern}" gives ${leafletUrl(brand, 'en-GB', 'leaflet-id')}, which is not under ` +
        `baseUrl ${baseUrl}: the HTML page a QR code opens could not be published there. Set baseUrl to the address ` +
        'the output folder is uploaded to, above the leaflet pages.',
    };
  }
  // The language's home is the folder above its leaflets, when the pattern gives one.
  const idAt = brand.leafletUrlPattern.indexOf('{id}');
  const homeOf = (locale: string): string => {
    const prefix = brand.leafletUrlPattern.slice(0, idAt);
    if (!prefix.endsWith('/') || brand.leafletUrlPattern.indexOf('{locale}') > idAt) return `${locale}/index.html`;
    const url = new URL(prefix.replaceAll('{locale}', encodeURIComponent(locale)), withSlash(brand.website));
    return outputPathOf(url, base) ?? `${locale}/index.html`;
  };
  return {
    layout: {
      baseUrl,
      root: 'index.html',
      home: homeOf,
      downloads: (locale) => `${path.posix.dirname(homeOf(locale))}/downloads.html`.replace(/^\.\//, ''),
      leafletPage: (locale, id) => pageOf(locale, id)!,
      url: (outputPath) => new URL(outputPath.replace(/(^|\/)index\.html$/, '$1').split('/').map(encodeURIComponent).join('/'), baseUrl).href,
    },
  };
}

/**
 * A link from one page of the output folder to another path in it, relative so the folder
 * works wherever it is served. Pages are linked as their folder (`../support/`), as published.
 */
export function hrefBetween(fromPage: string, to: string): string {
  const target = to.endsWith('index.html') ? to.slice(0, -'index.html'.length) : to;
  let relative = path.posix.relative(path.posix.dirname(fromPage), target || '.');
  if (relative === '') relative = '.';
  if (target.endsWith('/') || target === '') relative = `${relative}/`;
  return relative.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

/** Length of the content hash in asset URLs: enough that two versions never share one. */
export const HASH_CHARS = 12;

/** A file's URL with its content hash, so a cache never serves an old copy under the same address. */
export const versioned = (href: string, sha256: string): string => `${href}?v=${sha256.slice(0, HASH_CHARS)}`;
