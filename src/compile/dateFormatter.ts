/**
 * Long dates in a locale. Making an Intl.DateTimeFormat costs far more than using one (it
 * loads the locale's data), so there is one per locale for the life of the process, and one
 * format function per locale too (the leaflet model carries it).
 */
const formatters = new Map<string, (isoDate: string) => string>();

/** Formats YYYY-MM-DD as a long date in the locale; UTC so the day never shifts. */
export function dateFormatter(locale: string): (isoDate: string) => string {
  const known = formatters.get(locale);
  if (known) return known;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const formatDate = (isoDate: string): string => format.format(new Date(`${isoDate}T00:00:00Z`));
  formatters.set(locale, formatDate);
  return formatDate;
}
