import { describe, expect, it } from 'vitest';
import { checkLocaleFolders, localeArgumentProblem } from '../../src/load/localeNames.ts';
import { isCalendarDate } from '../../src/load/calendarDate.ts';
import { isAllowedLink, linkProblem } from '../../src/load/linkPolicy.ts';
import { renderDownloadsPage } from '../../src/site/downloadsPage.ts';

describe('locale folder names', () => {
  it('keeps canonical BCP 47 tags and reports invalid names, non-canonical spelling and names differing only in case', () => {
    const { usable, diagnostics } = checkLocaleFolders('content', ['CY', 'cy', 'en-GB', 'en-gb', 'xx_YY', '../x']);
    expect(usable).toEqual(['cy', 'en-GB']);
    expect(diagnostics.map((d) => [d.file, d.rule])).toEqual([
      ['content/CY', 'locale-case'],
      ['content/en-gb', 'locale-case'],
      ['content/xx_YY', 'bad-locale'],
      ['content/../x', 'bad-locale'],
    ]);
    expect(diagnostics[0]?.message).toContain('differs from content/cy only in case');
    expect(diagnostics[0]?.note).toBe('Move its files into content/cy and delete content/CY.');
  });

  it('accepts a locale argument only as a canonical tag, so never as a path', () => {
    expect(localeArgumentProblem('cy')).toBeUndefined();
    expect(localeArgumentProblem('../../tmp/x')?.message).toMatch(/not a locale/);
    expect(localeArgumentProblem('EN-gb')?.message).toBe('Locale "EN-gb" is written "en-GB"');
  });
});

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(['2026-02-28', '2028-02-29', '2026-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2026-02-29', '2026-02-30', '2027-13-45', '2026-00-10', '2026-1-1', '26-01-01'].some(isCalendarDate)).toBe(false);
  });
});

describe('the link scheme allowlist', () => {
  it('allows https, http, mailto, tel and #anchors only', () => {
    for (const url of ['https://example.org/x', 'http://example.org', 'mailto:a@example.org', 'tel:+441234567890', '#section']) expect(isAllowedLink(url), url).toBe(true);
    const refused = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' java\tscript:alert(1)', 'vbscript:x', 'file:///etc/passwd', 'data:text/html;base64,AAAA', 'launch:calc.exe', '\\\\evil\\share\\x.exe', '//evil.example/x', 'smb://evil/share', 'other.pdf', '', 'https://'];
    for (const url of refused) expect(linkProblem(url), JSON.stringify(url)).toBeDefined();
    expect(isAllowedLink('mailto:a@example.org', { web: true })).toBe(false);
  });

  it('is applied to the downloads page: a javascript: website is never an href', () => {
    const html = renderDownloadsPage({
      manifest: { generator: 'leaflets', leaflets: [] } as never,
      brand: { charityName: 'Example', website: 'javascript:alert(1)', colours: { text: '#000000', background: '#ffffff', primary: '#5b2a86', onPrimary: '#ffffff', accent: '#1d4f91', calloutBackground: '#f3eef8', calloutBorder: '#5b2a86', muted: '#6b6b6b' }, logo: { path: 'x', alt: 'Logo' } },
      translatorFor: () => (key: string) => key,
      pageLocale: 'en-GB',
      sourceLocale: 'en-GB',
      assets: { logo: 'assets/logo.png' },
    });
    expect(html).not.toContain('javascript:');
    expect(html).toContain('downloads.websiteLink');
  });
});
