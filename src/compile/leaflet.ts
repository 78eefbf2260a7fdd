import type { FrontMatter } from '../load/frontMatterSchema.ts';
import type { Governance } from './governance.ts';
import type { LeafletBody } from './model.ts';
import type { NumberedSource } from './sources.ts';

/** Translate a key of the `common` namespace (or `ns:key`) in the leaflet's locale. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Translation state shown on covers, in the manifest and in `i18n status`. */
export type TranslationState = 'source' | 'draft' | 'reviewed' | 'stale';

/** One leaflet in one locale, compiled and ready to render. Plain data plus two locale-bound functions. */
export interface CompiledLeaflet {
  id: string;
  locale: string;
  /** Project-relative path of the Markdown file. */
  sourceFile: string;
  frontMatter: FrontMatter;
  body: LeafletBody;
  /** The numbered source list; body citations link to each entry's `targetId`. */
  sources: NumberedSource[];
  /** Author, clinical review, feedback, other formats and approval lines, ready to print. */
  governance: Governance;
  translationState: TranslationState;
  t: Translate;
  /** Formats a YYYY-MM-DD date for the leaflet's locale via Intl. */
  formatDate: (isoDate: string) => string;
  /** The language's name in that language (Intl.DisplayNames), e.g. "Cymraeg". */
  languageName: string;
}
