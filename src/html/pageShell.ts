import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';

export interface PageLink {
  href: string;
  text: string;
  /** BCP 47 tag of the text and the target, when not the page's language. */
  lang?: string;
  current?: boolean;
}

export interface PageShellInput {
  lang: string;
  /** The `<title>`: what the page is, then the charity. */
  title: string;
  description?: string;
  /** Keep the page out of search results (a withdrawn leaflet's notice). */
  noindex?: boolean;
  /** Absolute URL of this page. */
  canonical: string;
  /** The same page in other languages (absolute URLs), for `hreflang` alternates. */
  alternates?: Array<{ hreflang: string; href: string }>;
  stylesheet: string;
  logo: { src: string; alt: string; width: number; height: number };
  /** Where the logo links to (the language's home page). */
  homeHref: string;
  strapline: string;
  skipLink: string;
  /** Site navigation in the header. */
  nav: { label: string; links: PageLink[] };
  /** Links to the same page in other languages, shown in the header. */
  languages?: { label: string; links: PageLink[] };
  main: ElementContent[];
  footer: ElementContent[];
}

/** A link, marked as the current page or in another language where it is. */
export function pageLink(link: PageLink): ElementContent {
  return h(
    'a',
    {
      href: link.href,
      ...(link.lang ? { lang: link.lang, hrefLang: link.lang } : {}),
      ...(link.current ? { ariaCurrent: 'page' } : {}),
    },
    link.text,
  );
}

const linkList = (links: PageLink[]) => h('ul', links.map((link) => h('li', [pageLink(link)])));

/**
 * Every page of the site in the same frame: skip link, header with logo and navigation, the
 * page's `main`, and a footer. No JavaScript; one stylesheet. Returns the serialised HTML.
 */
export function renderPage(input: PageShellInput): string {
  const head = h('head', [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', input.title),
    ...(input.description ? [h('meta', { name: 'description', content: input.description })] : []),
    ...(input.noindex ? [h('meta', { name: 'robots', content: 'noindex' })] : []),
    h('link', { rel: 'canonical', href: input.canonical }),
    ...(input.alternates ?? []).map((alternate) => h('link', { rel: 'alternate', hrefLang: alternate.hreflang, href: alternate.href })),
    h('link', { rel: 'stylesheet', href: input.stylesheet }),
  ]);
  const header = h('header', { className: ['site-header'] }, [
    h('div', { className: ['wrap', 'site-header-inner'] }, [
      h('a', { className: ['home-link'], href: input.homeHref }, [
        h('img', { src: input.logo.src, alt: input.logo.alt, width: input.logo.width, height: input.logo.height }),
      ]),
      h('p', { className: ['strapline'] }, input.strapline),
      h('div', { className: ['nav-row'] }, [
        h('nav', { className: ['site-nav'], ariaLabel: input.nav.label }, [linkList(input.nav.links)]),
        ...(input.languages && input.languages.links.length > 0
          ? [h('nav', { className: ['language-nav'], ariaLabel: input.languages.label }, [linkList(input.languages.links)])]
          : []),
      ]),
    ]),
  ]);
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: input.lang }, [
        head,
        h('body', [
          h('a', { className: ['skip-link'], href: '#main' }, input.skipLink),
          header,
          h('main', { id: 'main', className: ['wrap'] }, input.main),
          h('footer', { className: ['site-footer'] }, [h('div', { className: ['wrap'] }, input.footer)]),
        ]),
      ]),
    ],
  };
  return `${toHtml(tree)}\n`;
}
