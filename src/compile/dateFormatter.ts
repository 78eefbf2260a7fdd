/**
 * Long dates in a locale. Making an Intl.DateTimeFormat costs far more than using one (it
 * loads the locale's data), so there is one per locale for the life of the process, and one
 * format function per locale too (the leaflet model carries it). A leaflet prints the same few
 * dates on every compile and render, so each formatted date is remembered as well.
 */
const formatters = new Map<string, (isoDate: string) => string>();
/** Dates remembered per locale: every review and publication date of a project, many times over. */
const MAX_DATES = 1_000;

/** Formats YYYY-MM-DD as a long date in the locale; UTC so the day never shifts. */
export function dateFormatter(locale: string): (isoDate: string) => string {
  const known = formatters.get(locale);
  if (known) return known;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const formatted = new Map<string, string>();
  const formatDate = (isoDate: string): string => {
    let text = formatted.get(isoDate);
    if (text === undefined) {
      text = format.format(new Date(`${isoDate}T00:00:00Z`));
      if (formatted.size >= MAX_DATES) formatted.clear();
      formatted.set(isoDate, text);
    }
    return text;
  };
  formatters.set(locale, formatDate);
  return formatDate;
}
