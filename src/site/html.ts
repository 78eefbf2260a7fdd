const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A relative URL for a path inside the output folder, each segment percent-encoded. */
export const fileHref = (relativePath: string): string => relativePath.split('/').map(encodeURIComponent).join('/');
