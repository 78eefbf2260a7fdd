const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether text is a real calendar date written YYYY-MM-DD. JavaScript's Date quietly rolls
 * 2026-02-30 over to 2 March and throws on 2027-13-45 when formatted; neither may reach a leaflet.
 */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
