import type { Brand } from '../load/brandSchema.ts';

/** Where a leaflet lives on the charity's website, from the brand file's URL pattern. */
export function leafletUrl(brand: Pick<Brand, 'website' | 'leafletUrlPattern'>, locale: string, id: string): string {
  const filled = brand.leafletUrlPattern.replaceAll('{locale}', encodeURIComponent(locale)).replaceAll('{id}', encodeURIComponent(id));
  return new URL(filled, brand.website.endsWith('/') ? brand.website : `${brand.website}/`).href;
}
