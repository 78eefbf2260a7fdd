import type { LeafletSourceEntry } from '../load/frontMatterSchema.ts';
import type { CitedSource } from './model.ts';

/** One entry of a leaflet's numbered source list, as every output prints it. */
export interface NumberedSource {
  /** 1-based, in front-matter order: the number citations print. */
  number: number;
  key?: string;
  title: string;
  /** Full page address; absent for a document that is not online. */
  url?: string;
  /** Language of the title (tagged when it differs from the leaflet's). */
  lang: string;
  /** Id of the list entry: citations link here (PDF named destination, HTML fragment). */
  targetId: string;
  /** How many citations in the body point here; 0 means no sentence relies on it. */
  citations: number;
}

export const sourceTargetId = (number: number): string => `source-${number}`;

/**
 * The front matter's sources, numbered, and a lookup for citations. Citations are counted as
 * they resolve, so after compiling the body each entry says how often it is cited.
 */
export class SourceIndex {
  readonly sources: NumberedSource[];
  private readonly byKey = new Map<string, NumberedSource>();

  constructor(entries: readonly LeafletSourceEntry[]) {
    this.sources = entries.map((entry, index) => ({
      number: index + 1,
      ...(entry.key === undefined ? {} : { key: entry.key }),
      title: entry.title,
      ...(entry.url === undefined ? {} : { url: entry.url }),
      lang: entry.lang,
      targetId: sourceTargetId(index + 1),
      citations: 0,
    }));
    for (const source of this.sources) if (source.key !== undefined) this.byKey.set(source.key, source);
  }

  /** The cited source for `key`, counting the citation; undefined when no source has that key. */
  cite(key: string): CitedSource | undefined {
    const source = this.byKey.get(key);
    if (!source) return undefined;
    source.citations += 1;
    return { key, number: source.number, targetId: source.targetId };
  }

  get keys(): string[] {
    return [...this.byKey.keys()];
  }
}
