import { describe, expect, it } from 'vitest';
import { checkLocaleFolders, localeArgumentProblem } from '../../src/load/localeNames.ts';
import { isCalendarDate } from '../../src/load/calendarDate.ts';
import { isAllowedLink, linkProblem } from '../../src/load/linkPolicy.ts';
import { renderDownloadsPage } from '../../src/site/downloadsPage.ts';
import { siteLayout } from '../../src/site/siteLayout.ts';

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
    const found = siteLayout({ website: 'https://example.org', leafletUrlPattern: '/leaflets/{locale}/{id}' });
    if (!('layout' in found)) throw new Error(found.problem);
    const html = renderDownloadsPage(
      {
        brand: { charityName: 'Example', website: 'javascript:alert(1)', logo: { path: 'x', alt: 'Logo' } },
        layout: found.layout,
        manifest: { manifestVersion: 1, leaflets: [] },
        assets: { stylesheet: 'assets/site.css', logo: { path: 'assets/logo.png', width: 10, height: 10 } },
        translatorFor: () => (key: string) => key,
        sourceLocale: 'en-GB',
        locales: ['en-GB'],
      },
      'en-GB',
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('downloads.websiteLink');
  });
});
