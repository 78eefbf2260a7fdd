// color-string as @react-pdf/render sees it: the same functions, with `get` and `to.hex`
// remembered per input. react-pdf parses the colour string of every text run, background and
// border it draws (parseColor) and prints it back as hex, and a leaflet uses a handful of
// colours. Results are shared between calls: react-pdf 4.7 only reads them (parseColor).
// Plain JavaScript, loaded natively in place of the package (see reactPdfResolveHook.mjs).
import colorString from 'color-string';

/** Distinct inputs kept; a full map starts again (a leaflet uses a few dozen). */
const MAX_ENTRIES = 1_000;

const parsed = new Map();
const hexes = new Map();

const remember = (map, key, make) => {
  let value = map.get(key);
  if (value === undefined && !map.has(key)) {
    value = make();
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, value);
  }
  return value;
};

globalThis[Symbol.for('leaflets.colorStringShim')] = true;

/** color-string's `get`, remembered per string. */
function get(string) {
  return typeof string === 'string' ? remember(parsed, string, () => colorString.get(string)) : colorString.get(string);
}
get.rgb = colorString.get.rgb;
get.hsl = colorString.get.hsl;
get.hwb = colorString.get.hwb;

/** color-string's `to.hex`, remembered per list of numbers. */
function hex(...rgba) {
  return rgba.every((part) => typeof part === 'number') ? remember(hexes, rgba.join(','), () => colorString.to.hex(...rgba)) : colorString.to.hex(...rgba);
}

export default { ...colorString, get, to: { ...colorString.to, hex } };
