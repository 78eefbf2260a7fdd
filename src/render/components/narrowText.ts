import { createContext, useContext } from 'react';

/**
 * Text elements (by structure key) that get a narrower measure: a right padding, in points.
 * Pagination sets it for the rare line react-pdf sets wider than its box even after its word
 * spaces are tightened (see pagination/tightenLines.ts), and lays the leaflet out again.
 */
export const NarrowText = createContext<ReadonlyMap<string, number>>(new Map());

/** Style to spread into a Text's style: its extra right padding, if pagination asked for one. */
export function useNarrowing(): (key: string) => { paddingRight?: number } {
  const narrow = useContext(NarrowText);
  return (key) => {
    const padding = narrow.get(key);
    return padding === undefined ? {} : { paddingRight: padding };
  };
}

/**
 * Props for body text: no line ever breaks inside a word. The hyphenation callback already
 * keeps words whole (fonts.ts), but react-pdf's line breaker also offers a hyphenated break
 * where one style run meets another inside a word ("**placebo**," can break as "placebo-" /
 * ","); a penalty of 10000 is textkit's "never".
 */
export const UNBROKEN_WORDS = { hyphenationPenalty: 10_000 } as const;
