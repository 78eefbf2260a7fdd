/** One leaflet in one locale: the unit that is compiled once per build and rendered once per output. */
export interface Unit {
  leafletId: string;
  locale: string;
}

export const unitKey = (unit: Unit): string => `${unit.locale}/${unit.leafletId}`;
export const sourceFileOf = (unit: Unit): string => `content/${unit.locale}/${unit.leafletId}.md`;
