import type { LeafletSource } from './content.ts';

/**
 * The date a leaflet was withdrawn (`status: withdrawn`) in a locale: its own front matter's,
 * else that of the leaflet it was translated from (the file of the same id that is no
 * translation), so withdrawing the English withdraws every language.
 */
export function withdrawnDate(source: LeafletSource, sources: readonly LeafletSource[]): string | undefined {
  const own = source.frontMatter?.status === 'withdrawn' ? source.frontMatter.withdrawn : undefined;
  if (own) return own;
  const original = sources.find((other) => other.id === source.id && other !== source && other.frontMatter && !other.frontMatter.translation);
  return original?.frontMatter?.status === 'withdrawn' ? original.frontMatter.withdrawn : undefined;
}
