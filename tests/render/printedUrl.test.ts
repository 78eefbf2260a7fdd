import { describe, expect, it } from 'vitest';
import { printableUrl, wrapUrl } from '../../src/render/printedUrl.ts';

describe('printed addresses', () => {
  it('drops the scheme and trailing slash', () => {
    expect(printableUrl('https://www.alopecia.org.uk/')).toBe('www.alopecia.org.uk');
    expect(printableUrl('mailto:someone@example.org')).toBe('someone@example.org');
  });

  it('breaks long addresses after a slash, or after a hyphen inside a long part, never losing a character', () => {
    const printed = 'www.alopecia.org.uk/News/nice-recommends-ritlecitinib-litfulo-for-routine-commissioning-on-the-nhs';
    const wrapped = wrapUrl(printed, 30);
    const lines = wrapped.split('\n');
    expect(lines.every((line) => line.length <= 30)).toBe(true);
    expect(lines.join('')).toBe(printed);
    expect(lines[0]).toBe('www.alopecia.org.uk/News/nice-');
    expect(lines.slice(0, -1).every((line) => line.endsWith('/') || line.endsWith('-'))).toBe(true);
  });

  it('leaves short addresses alone', () => {
    expect(wrapUrl('www.alopecia.org.uk', 30)).toBe('www.alopecia.org.uk');
  });
});
