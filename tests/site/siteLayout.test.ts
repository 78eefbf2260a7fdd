import { describe, expect, it } from 'vitest';
import { defaultBaseUrl, hrefBetween, siteLayout, versioned, type SiteLayout } from '../../src/site/siteLayout.ts';

const layoutOf = (brand: Parameters<typeof siteLayout>[0]): SiteLayout => {
  const found = siteLayout(brand);
  if (!('layout' in found)) throw new Error(found.problem);
  return found.layout;
};

describe('site layout from the brand file', () => {
  const website = 'https://www.alopecia.org.uk';

  it('publishes the output folder where the pattern fixes it, each page at the path its QR code prints', () => {
    const layout = layoutOf({ website, leafletUrlPattern: '/leaflets/{locale}/{id}' });
    expect(layout.baseUrl).toBe('https://www.alopecia.org.uk/leaflets/');
    expect(layout.leafletPage('cy', 'support')).toBe('cy/support/index.html');
    expect(layout.home('cy')).toBe('cy/index.html');
    expect(layout.downloads('cy')).toBe('cy/downloads.html');
    expect(layout.root).toBe('index.html');
    expect(layout.url('cy/support/index.html')).toBe('https://www.alopecia.org.uk/leaflets/cy/support/');
    expect(layout.url('index.html')).toBe('https://www.alopecia.org.uk/leaflets/');
    expect(layout.url('cy/support.pdf')).toBe('https://www.alopecia.org.uk/leaflets/cy/support.pdf');
  });

  it('with baseUrl at the site root, pages go under output/leaflets/', () => {
    const layout = layoutOf({ website, leafletUrlPattern: '/leaflets/{locale}/{id}', baseUrl: 'https://www.alopecia.org.uk' });
    expect(layout.baseUrl).toBe('https://www.alopecia.org.uk/');
    expect(layout.leafletPage('en-GB', 'jak-inhibitors')).toBe('leaflets/en-GB/jak-inhibitors/index.html');
    expect(layout.home('en-GB')).toBe('leaflets/en-GB/index.html');
    expect(layout.downloads('en-GB')).toBe('leaflets/en-GB/downloads.html');
  });

  it('follows other patterns: an id before the locale, a trailing slash, an absolute address', () => {
    expect(layoutOf({ website, leafletUrlPattern: '/info/{id}/{locale}/' }).leafletPage('cy', 'support')).toBe('support/cy/index.html');
    expect(layoutOf({ website, leafletUrlPattern: '/info/{id}/{locale}/' }).home('cy')).toBe('cy/index.html');
    const absolute = layoutOf({ website, leafletUrlPattern: 'https://leaflets.example.org/{locale}/{id}' });
    expect(absolute.baseUrl).toBe('https://leaflets.example.org/');
    expect(absolute.leafletPage('cy', 'support')).toBe('cy/support/index.html');
    expect(defaultBaseUrl({ website, leafletUrlPattern: '/{locale}/{id}' })).toBe('https://www.alopecia.org.uk/');
  });

  it('says why when the QR codes would open a page outside baseUrl', () => {
    const found = siteLayout({ website, leafletUrlPattern: '/leaflets/{locale}/{id}', baseUrl: 'https://www.alopecia.org.uk/downloads/' });
    expect('problem' in found && found.problem).toMatch(/not under baseUrl https:\/\/www\.alopecia\.org\.uk\/downloads\//);
    expect('problem' in siteLayout({ website, leafletUrlPattern: '/leaflet?id={id}' })).toBe(true);
  });

  it('links pages relatively, folders with a trailing slash, and files with their content hash', () => {
    expect(hrefBetween('cy/support/index.html', 'cy/support.pdf')).toBe('../support.pdf');
    expect(hrefBetween('cy/support/index.html', 'en-GB/support/index.html')).toBe('../../en-GB/support/');
    expect(hrefBetween('cy/support/index.html', 'index.html')).toBe('../../');
    expect(hrefBetween('index.html', 'cy/index.html')).toBe('cy/');
    expect(hrefBetween('cy/index.html', 'cy/index.html')).toBe('./');
    expect(hrefBetween('cy/downloads.html', 'cy/a b.pdf')).toBe('a%20b.pdf');
    expect(versioned('../support.pdf', 'ab'.repeat(32))).toBe('../support.pdf?v=abababababab');
  });
});
