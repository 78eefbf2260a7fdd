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
