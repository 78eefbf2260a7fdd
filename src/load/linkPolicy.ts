/**
 * Which link targets may become clickable in a PDF or on the website: web addresses, e-mail
 * addresses, phone numbers and anchors in the same document. A PDF reader acts on any URI it
 * is given, so `javascript:`, `file:`, `data:`, `launch:`, `smb:` or a Windows share path
 * (`\\server\share`) in a leaflet would be a way to attack the people reading it.
 * One function for every output (PDF link annotations, the downloads page).
 */
export const LINK_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const;
const WEB_SCHEMES = ['https:', 'http:'];

/** What a reader's software would see: browsers drop ASCII tabs and newlines inside URLs and trim spaces and controls. */
const normalise = (url: string): string => url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');

const shown = (url: string): string => (url.length > 60 ? `${url.slice(0, 57)}...` : url);

/**
 * Why a link target is not allowed, or undefined when it is. `web: true` allows only http(s)
 * addresses (source lists, the charity's website); otherwise mailto:, tel: and `#anchors` too.
 */
export function linkProblem(url: string, options: { web?: boolean } = {}): string | undefined {
  const target = normalise(url);
  const allowed = options.web ? WEB_SCHEMES : LINK_SCHEMES;
  const listed = options.web ? 'https or http' : 'https, http, mailto and tel';
  if (target === '') return 'The link has no address';
  if (!options.web && target.startsWith('#') && target.length > 1) return undefined;
  if (target.startsWith('\\\\') || target.startsWith('//') || target.startsWith('\\/') || target.startsWith('/\\')) {
    return `"${shown(target)}" is a network path, not a web address: only ${listed} links are allowed`;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1];
  if (scheme === undefined) {
    return `"${shown(target)}" is not a full address: write it with https:// (only ${listed} links are allowed)`;
  }
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return `"${shown(target)}" is not a valid address`;
  }
  if (!(allowed as readonly string[]).includes(parsed.protocol)) {
    return `Links to "${scheme.toLowerCase()}:" addresses are not allowed: only ${listed} links are`;
  }
  if (WEB_SCHEMES.includes(parsed.protocol) && parsed.hostname === '') return `"${shown(target)}" has no website name`;
  return undefined;
}

/** Whether a URL may be a link (see linkProblem). */
export const isAllowedLink = (url: string, options: { web?: boolean } = {}): boolean => linkProblem(url, options) === undefined;
