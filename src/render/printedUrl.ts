/** How a URL is printed, so a printed leaflet still tells the reader where to go. */
export const printableUrl = (url: string) =>
  url.replace(/^mailto:/, '').replace(/^https?:\/\//, '').replace(/\/$/, '');

/**
 * Breaks a long printed address into lines at `/` (or after `-` inside a very long part).
 * Line breaking never splits words, and an address has no spaces, so without this a long
 * address runs off the page. Explicit breaks also avoid a hyphen being added mid-address.
 */
export function wrapUrl(printed: string, maxChars: number): string {
  if (printed.length <= maxChars) return printed;
  const parts = printed.split(/(?<=\/)/).flatMap((part) => (part.length <= maxChars ? [part] : part.split(/(?<=-)/)));
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line && line.length + part.length > maxChars) {
      lines.push(line);
      line = '';
    }
    line += part;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
