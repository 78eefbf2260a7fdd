// @react-pdf/fns as @react-pdf/layout, textkit and stylesheet see it: the same module, with
// three of its helpers in quicker forms that return the same values. They run for every node
// and every text run of every layout: `compose` builds each node's yoga settings (37 steps a
// node) and each paragraph's textkit pipeline; `matchPercent` and `upperFirst` run for every
// yoga value set. Plain JavaScript, loaded natively in place of the package (see
// reactPdfResolveHook.mjs); tests/render/fnsShim.test.ts checks each against the package's own.
import { matchPercent as upstreamMatchPercent, upperFirst as upstreamUpperFirst } from '@react-pdf/fns';

export * from '@react-pdf/fns';

globalThis[Symbol.for('leaflets.fnsShim')] = true;

/**
 * compose(f, g, h)(x, ...args) is f(g(h(x, ...args), ...args), ...args), as upstream; without
 * extra arguments (most of react-pdf's calls) the steps are called without collecting and
 * spreading an empty rest array.
 */
export const compose = (...fns) =>
  function composed(value) {
    let result = value;
    if (arguments.length <= 1) {
      for (let i = fns.length - 1; i >= 0; i -= 1) result = fns[i](result);
      return result;
    }
    const args = Array.prototype.slice.call(arguments, 1);
    for (let i = fns.length - 1; i >= 0; i -= 1) result = fns[i](result, ...args);
    return result;
  };

/** A number never prints with a percent sign, so it is never a percentage: no string or regular expression needed. */
export const matchPercent = (value) => (typeof value === 'number' ? null : upstreamMatchPercent(value));

/** Layout asks for the same few method names ('margin' -> 'Margin') for every node. */
const upperFirsts = new Map();
export const upperFirst = (value) => {
  if (typeof value !== 'string') return upstreamUpperFirst(value);
  let upper = upperFirsts.get(value);
  if (upper === undefined) {
    upper = upstreamUpperFirst(value);
    if (upperFirsts.size < 1_000) upperFirsts.set(value, upper);
  }
  return upper;
};
