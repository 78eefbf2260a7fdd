import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { leafletArticle } from '../../src/html/leafletArticle.ts';
import { compileBody, FRONT_MATTER } from '../compile/compileHelper.ts';

/** The fixture's front matter with two keyed sources, so the body can cite them. */
const CITED = FRONT_MATTER.replace(
  'sources:\n  - title: Example source\n    url: https://example.org/source\n',
  'sources:\n  - key: example\n    title: Example source\n    url: https://example.org/source\n  - key: other\n    title: Other source\n    url: https://example.org/other\n',
);

const BODY = `## What are they?

Some *plain* text with [a link](https://example.org/page).

A sourced sentence [@example; @other].

> **Key message.** Not a cure.

> **Key message.** Said twice.

3. third
4. fourth

![A diagram of a hair follicle](../../images/diagram.png "How hair grows")

### The medicines

| Medicine | Dose |
| :-- | --: |
| Ritlecitinib | 50 mg |

---

## Second section

Last words.
`;

describe('the HTML edition of a leaflet (the article, from the compiled model)', () => {
  it('renders every block type as semantic HTML', async () => {
    expect(CITED).toContain('key: other');
    const { leaflet, diagnostics } = await compileBody(BODY, {}, 'en-GB', CITED);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const images: string[] = [];
    const html = toHtml(leafletArticle({ leaflet: leaflet!, imageHref: (src) => (images.push(src), 'assets/images/x.png') }));
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<h1 id="title">An example leaflet</h1>');
    // A section per level-2 heading, h3 inside it.
    expect(html).toContain('<section><h2 id="what-are-they">What are they?</h2>');
    expect(html).toContain('<section><h2 id="second-section">Second section</h2><p>Last words.</p></section>');
    expect(html).toContain('<h3 id="the-medicines">The medicines</h3>');
    expect(html).toContain('<p>Some <em>plain</em> text with <a href="https://example.org/page">a link</a>.</p>');
    // Callouts are labelled asides; two with the same lead are told apart.
    expect(html).toContain('<aside class="callout" aria-label="Key message"><p><strong>Key message.</strong> Not a cure.</p></aside>');
    expect(html).toContain('<aside class="callout" aria-label="Key message (2)">');
    expect(html).toContain('<ol start="3"><li>third</li><li>fourth</li></ol>');
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/images\/diagram\.png$/);
    expect(html).toContain('<figure><img src="assets/images/x.png" alt="A diagram of a hair follicle"><figcaption>How hair grows</figcaption></figure>');
    // Tables have column headers and keep their alignment; the scroll box is named by the heading above.
    expect(html).toContain('<div class="table" role="group" tabindex="0" aria-labelledby="the-medicines"><table><thead><tr><th scope="col" class="align-left">Medicine</th><th scope="col" class="align-right">Dose</th></tr></thead>');
    expect(html).toContain('<td class="align-right">50 mg</td>');
    expect(html).toContain('<hr>');
    // Citations print as the PDF's "[1, 2]", each number a link to its numbered source.
    expect(html).toContain('A sourced sentence [<a href="#source-1" class="citation">1</a>, <a href="#source-2" class="citation">2</a>].');
    expect(html).toContain(
      '<ol><li id="source-1"><a href="https://example.org/source">Example source</a></li><li id="source-2"><a href="https://example.org/other">Other source</a></li></ol>',
    );
    // Then what the back page says: approval line, author and reviewer, feedback, other formats.
    const { governance } = leaflet!;
    for (const status of governance.status) expect(html).toContain(`<p class="meta">${status.text}</p>`);
    expect(html).toContain(governance.author);
    expect(html).toContain(governance.clinicalReview);
    expect(html).toContain(`<a href="${governance.feedback.url}">`);
    expect(html).toContain(governance.alsoAvailable.standardPrint);
  });

  it('marks a source in another language with its lang, and a draft translation with its notice', async () => {
    const { leaflet } = await compileBody('## Section\n\nText.\n');
    // The same model as a Welsh draft citing an English document.
    const notice = [{ text: 'Cyfieithiad drafft.' }, { text: 'Draft translation.', lang: 'en-GB' }];
    const welsh = {
      ...leaflet!,
      locale: 'cy',
      translationState: 'draft' as const,
      languageName: 'Cymraeg',
      sources: [...leaflet!.sources, { number: 2, title: 'Ffynhonnell', url: 'https://example.org/cy', lang: 'cy', targetId: 'source-2', citations: 0 }],
      governance: { ...leaflet!.governance, notice },
    };
    const html = toHtml(leafletArticle({ leaflet: welsh, imageHref: () => '' }));
    expect(html).toContain('<li id="source-1" lang="en-GB"><a href="https://example.org/source">Example source</a></li>');
    expect(html).toContain('<li id="source-2"><a href="https://example.org/cy">Ffynhonnell</a></li>');
    // The notice in the leaflet's language and in English, each half in its own language.
    expect(html).toContain('<div class="notice"><p>Cyfieithiad drafft.</p><p lang="en-GB">Draft translation.</p></div>');
    expect(html).toContain(welsh.t('cover.language', { language: 'Cymraeg' }));
    // The source language has no notice.
    expect(toHtml(leafletArticle({ leaflet: leaflet!, imageHref: () => '' }))).not.toContain('class="notice"');
  });
});
