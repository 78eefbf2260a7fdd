// A quicker form of textkit 7.0.1's `linebreaker` engine, giving the same lines (the same
// attributed strings, key for key: tests/render/textkitLinebreaker.test.ts compares them on
// every paragraph of the shipped leaflets at every text width they are laid out at, and on
// tricky text). textkit's engine spends most of its time outside the Knuth-Plass search itself:
// it measures each syllable through generic attributed-string helpers, and cuts every line out
// with a slice that rebuilds each run's arrays through `flat()` and `map()` several times over.
// This one runs the same search (same arithmetic in the same order, so the same breaks) and cuts
// lines with plain array slices. A paragraph it is not sure to cut the same way (a break inside
// a ligature, runs that do not cover the text, a break the search cannot find) goes to textkit's
// own engine whole.
// Plain JavaScript: the textkit shim loads it natively (see textkitShim.mjs).

const INFINITY = 10000;
const HYPHEN = 0x2d;
const HYPHEN_WIDTH = 5;
const TOLERANCE_STEP = 5;
const TOLERANCE_LIMIT = 50;
// Glue from a space's width, as textkit sets it.
const SPACE_WIDTH_FACTOR = 3;
const SPACE_STRETCH = 6;
const SPACE_SHRINK = 9;
const DEMERITS_LINE = 10;
const DEMERITS_FLAGGED = 100;
const DEMERITS_FITNESS = 3000;

const BOX = 0;
const GLUE = 1;
const PENALTY = 2;

/** This paragraph cannot be cut here exactly as textkit would: textkit's own engine takes it. */
class NotHere extends Error {}
const notHere = new NotHere();

/** Last glyph index whose string index is at most `index` (textkit's glyphIndexAt). */
function glyphIndexAt(index, glyphIndices) {
  if (!glyphIndices) return index;
  const count = glyphIndices.length;
  if (count > 0 && index > glyphIndices[count - 1]) return count;
  let low = 0;
  let high = count - 1;
  let result = index;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (glyphIndices[mid] <= index) {
      result = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return result;
}

/** Index of the run holding string index `index`, or -1. */
function runIndexAt(index, runs) {
  for (let i = 0; i < runs.length; i += 1) if (runs[i].start <= index && index < runs[i].end) return i;
  return -1;
}

/** Run indices from string index start to end, as textkit picks the runs a slice keeps and the runs a width sums. */
function runsCovering(start, end, runs) {
  const first = runIndexAt(start, runs);
  const last = Math.max(runIndexAt(end - 1, runs), first);
  if (first < 0) throw notHere;
  return [first, last];
}

/**
 * Width of the text between two string indices, summed as textkit sums it: glyph advances
 * run by run from zero, then the runs' widths from zero.
 */
function widthBetween(start, end, runs) {
  const [first, last] = runsCovering(start, end, runs);
  let width = 0;
  for (let r = first; r <= last; r += 1) {
    const run = runs[r];
    const runStart = run.start || 0;
    const positions = run.positions || [];
    const from = Math.max(0, glyphIndexAt(start - runStart, run.glyphIndices));
    const to = Math.min(positions.length, Math.max(0, glyphIndexAt(end - runStart, run.glyphIndices)));
    let runWidth = 0;
    for (let g = from; g < to; g += 1) runWidth += positions[g].xAdvance || 0;
    width += runWidth;
  }
  return width;
}

/** Knuth-Plass items: each syllable a box or, if blank, glue; a hyphenation point between syllables of one word. */
function itemsOf(attributedString, align, options) {
  const { syllables, runs } = attributedString;
  const hyphenPenalty = options.hyphenationPenalty || (align === 'justify' ? 100 : 600);
  const items = [];
  let start = 0;
  for (let i = 0; i < syllables.length; i += 1) {
    const syllable = syllables[i];
    const end = start + syllable.length;
    const width = widthBetween(start, end, runs);
    if (syllable.trim() === '') {
      items.push({ type: GLUE, start, end, width, stretch: (width * SPACE_WIDTH_FACTOR) / SPACE_STRETCH, shrink: (width * SPACE_WIDTH_FACTOR) / SPACE_SHRINK, penalty: 0, flagged: 0 });
    } else {
      const hyphenated = syllables[i + 1] !== ' ';
      items.push({ type: BOX, start, end, width, stretch: 0, shrink: 0, penalty: 0, flagged: 0 });
      if (syllables[i + 1] && hyphenated) items.push({ type: PENALTY, start: 0, end: 0, width: HYPHEN_WIDTH, stretch: 0, shrink: 0, penalty: hyphenPenalty, flagged: 1 });
    }
    start = end;
  }
  items.push({ type: GLUE, start, end: start, width: 0, stretch: INFINITY, shrink: 0, penalty: 0, flagged: 0 });
  items.push({ type: PENALTY, start: 0, end: 0, width: 0, stretch: 0, shrink: 0, penalty: -INFINITY, flagged: 1 });
  return items;
}

/** The best breaks for `items` at `tolerance` (Knuth and Plass), as item indices from 0; [] if there are none. */
function bestBreaks(items, lineLengths, tolerance) {
  const sum = { width: 0, stretch: 0, shrink: 0 };
  // Active breakpoints in a doubly linked list kept in line order. A node taken out keeps its
  // own links, so a walk standing on it goes on to the next one.
  const list = { head: null, tail: null, size: 0 };
  const unlink = (node) => {
    if (node.prev === null) list.head = node.next;
    else node.prev.next = node.next;
    if (node.next === null) list.tail = node.prev;
    else node.next.prev = node.prev;
    list.size -= 1;
  };
  const linkBefore = (node, added) => {
    added.prev = node.prev;
    added.next = node;
    if (node.prev === null) list.head = added;
    else node.prev.next = added;
    node.prev = added;
    list.size += 1;
  };
  const linkLast = (added) => {
    added.next = null;
    added.prev = list.tail;
    if (list.tail === null) list.head = added;
    else list.tail.next = added;
    list.tail = added;
    list.size += 1;
  };
  const breakpoint = (position, demerits, line, fitnessClass, totals, previous) => ({ position, demerits, line, fitnessClass, totals, previous, prev: null, next: null });
  linkLast(breakpoint(0, 0, 0, 0, { width: 0, stretch: 0, shrink: 0 }, null));

  const candidateActive = [null, null, null, null];
  const candidateDemerits = [Infinity, Infinity, Infinity, Infinity];

  const ratioOf = (end, active, currentLine) => {
    let width = sum.width - active.totals.width;
    const lineLength = currentLine < lineLengths.length ? lineLengths[currentLine - 1] : lineLengths[lineLengths.length - 1];
    if (items[end].type === PENALTY) width += items[end].width;
    if (width < lineLength) {
      const stretch = sum.stretch - active.totals.stretch;
      return stretch > 0 ? (lineLength - width) / stretch : INFINITY;
    }
    if (width > lineLength) {
      const shrink = sum.shrink - active.totals.shrink;
      return shrink > 0 ? (lineLength - width) / shrink : INFINITY;
    }
    return 0;
  };

  // Width, stretch and shrink from a break up to the next box or forced break.
  const totalsAfter = (index) => {
    const totals = { width: sum.width, stretch: sum.stretch, shrink: sum.shrink };
    for (let i = index; i < items.length; i += 1) {
      const item = items[i];
      if (item.type === GLUE) {
        totals.width += item.width;
        totals.stretch += item.stretch;
        totals.shrink += item.shrink;
      } else if (item.type === BOX || (item.type === PENALTY && item.penalty === -INFINITY && i > index)) {
        break;
      }
    }
    return totals;
  };

  const tryBreakAt = (item, index) => {
    const forced = item.type === PENALTY && item.penalty === -INFINITY;
    let active = list.head;
    while (active !== null) {
      let currentLine = 0;
      for (let c = 0; c < 4; c += 1) {
        candidateActive[c] = null;
        candidateDemerits[c] = Infinity;
      }
      while (active !== null) {
        currentLine = active.line + 1;
        const ratio = ratioOf(index, active, currentLine);
        if (ratio < -1 || forced) unlink(active);
        if (ratio >= -1 && ratio <= tolerance) {
          const absRatio = Math.abs(ratio);
          const badness = 100 * absRatio * absRatio * absRatio;
          const lineDemerits = DEMERITS_LINE + badness;
          let demerits = lineDemerits * lineDemerits;
          if (item.type === PENALTY && item.penalty >= 0) demerits += item.penalty * item.penalty;
          else if (item.type === PENALTY && item.penalty !== -INFINITY) demerits -= item.penalty * item.penalty;
          if (item.type === PENALTY && items[active.position].type === PENALTY) demerits += DEMERITS_FLAGGED * item.flagged * items[active.position].flagged;
          const fitnessClass = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
          if (Math.abs(fitnessClass - active.fitnessClass) > 1) demerits += DEMERITS_FITNESS;
          demerits += active.demerits;
          if (demerits < candidateDemerits[fitnessClass]) {
            candidateActive[fitnessClass] = active;
            candidateDemerits[fitnessClass] = demerits;
          }
        }
        active = active.next;
        // Candidates for one line are added before the active nodes of the next line are looked at.
        if (active !== null && active.line >= currentLine && currentLine < lineLengths.length) break;
      }
      const totals = totalsAfter(index);
      for (let c = 0; c < 4; c += 1) {
        if (candidateDemerits[c] === Infinity) continue;
        const from = candidateActive[c];
        const added = breakpoint(index, candidateDemerits[c], from.line + 1, c, totals, from);
        if (active !== null) linkBefore(active, added);
        else linkLast(added);
      }
    }
  };

  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    if (item.type === BOX) {
      sum.width += item.width;
    } else if (item.type === GLUE) {
      if (index > 0 && items[index - 1].type === BOX) tryBreakAt(item, index);
      sum.width += item.width;
      sum.stretch += item.stretch;
      sum.shrink += item.shrink;
    } else if (item.penalty !== INFINITY) {
      tryBreakAt(item, index);
    }
  }

  if (list.size === 0) return [];
  let best = null;
  let bestDemerits = Infinity;
  for (let node = list.head; node !== null; node = node.next) {
    if (node.demerits < bestDemerits) {
      best = node;
      bestDemerits = node.demerits;
    }
  }
  // Never so for a paragraph laid out at all (its first breakpoint has none); textkit fails then.
  if (best === null) throw notHere;
  const breaks = [];
  for (let node = best; node !== null; node = node.previous) breaks.push(node.position);
  return breaks.reverse();
}


/** Whether string index `index` of the run falls inside a ligature (textkit would reshape it). */
function insideLigature(index, stringIndices) {
  if (!stringIndices) return false;
  const value = stringIndices[index];
  return value !== undefined && index > 0 && stringIndices[index - 1] === value;
}

/** The part of `run` between its string indices `start` and `end`, placed at `shift` (textkit's run slice, then subtract). */
function sliceRun(start, end, run, shift) {
  if (insideLigature(start, run.stringIndices) || insideLigature(end, run.stringIndices)) throw notHere;
  const glyphIndices = run.glyphIndices;
  const startIndex = glyphIndexAt(start, glyphIndices);
  const endIndex = glyphIndexAt(end - 1, glyphIndices);
  const startGlyphCovers = (glyphIndices?.[startIndex] ?? startIndex) >= start;
  const sliceStart = startIndex + (startGlyphCovers ? 0 : 1);
  const sliceEnd = endIndex + 1;
  const stringIndices = (run.stringIndices || []).slice(start, end);
  if (stringIndices.length > 0) {
    const first = stringIndices[0];
    for (let i = 0; i < stringIndices.length; i += 1) stringIndices[i] -= first;
  }
  const slicedGlyphIndices = (glyphIndices || []).slice(sliceStart, sliceEnd);
  for (let i = 0; i < slicedGlyphIndices.length; i += 1) slicedGlyphIndices[i] -= start;
  const glyphs = (run.glyphs || []).slice(sliceStart, sliceEnd);
  const positions = (run.positions || []).slice(sliceStart, sliceEnd);
  // Holes are dropped, as textkit's flat() drops them.
  if (!dense(glyphs) || !dense(positions) || !dense(slicedGlyphIndices)) throw notHere;
  const sliced = Object.assign({}, run, {
    start: Math.max(run.start + start, 0),
    end: Math.max(Math.min(run.end, run.start + end), 0),
    stringIndices,
    glyphIndices: slicedGlyphIndices,
    glyphs,
    positions,
  });
  sliced.start -= shift;
  sliced.end -= shift;
  return sliced;
}

function dense(array) {
  for (let i = 0; i < array.length; i += 1) if (!(i in array)) return false;
  return true;
}

/** The text between two string indices, as textkit's attributed-string slice cuts it. */
function sliceText(start, end, attributedString) {
  if (attributedString.string.length === 0) return attributedString;
  const { runs } = attributedString;
  const [first, last] = runsCovering(start, end, runs);
  const sliced = [];
  for (let r = first; r <= last; r += 1) {
    const run = runs[r];
    if (r === first) sliced.push(sliceRun(start - run.start, end - run.start, run, start));
    else if (r === last) sliced.push(sliceRun(0, end - run.start, run, start));
    else sliced.push(Object.assign({}, run, { start: run.start - start, end: run.end - start }));
  }
  return Object.assign({}, attributedString, { string: attributedString.string.slice(start, end), runs: sliced });
}

/** The line with a hyphen glyph at its end, from its last run's font (textkit's append). */
function withHyphen(line) {
  const { runs } = line;
  if (runs.length === 0 || runIndexAt(line.string.length, runs) !== -1) throw notHere;
  const run = runs[runs.length - 1];
  const font = run.attributes?.font?.[0];
  if (!font || typeof font === 'string' || !run.glyphs || !run.stringIndices || !run.glyphIndices) throw notHere;
  const glyph = font.glyphForCodePoint(HYPHEN);
  const glyphLength = glyph.codePoints?.length || 0;
  const lastIndex = run.stringIndices[run.stringIndices.length - 1];
  const indexValue = lastIndex === undefined || lastIndex === null ? 0 : lastIndex + 1;
  const appended = {
    end: run.end + glyphLength,
    glyphs: run.glyphs.concat(glyph),
    stringIndices: run.stringIndices.concat(Array(glyphLength).fill(indexValue)),
    glyphIndices: run.glyphIndices.concat([run.stringIndices.length]),
  };
  if (run.positions) {
    const scale = run.attributes?.scale || scaleOf(run);
    appended.positions = run.positions.concat({ xAdvance: glyph.advanceWidth * scale, yAdvance: 0, xOffset: 0, yOffset: 0 });
  }
  return Object.assign({}, line, { string: line.string + '-', runs: runs.slice(0, -1).concat(Object.assign({}, run, appended)) });
}

function scaleOf(run) {
  const attributes = run.attributes || {};
  const font = attributes.font;
  const unitsPerEm = typeof font === 'string' ? null : font?.[0]?.unitsPerEm;
  return unitsPerEm ? (attributes.fontSize || 12) / unitsPerEm : 0;
}

/** The paragraph cut into lines after the given break items (the start of the paragraph not included). */
function cutLines(attributedString, items, breaks) {
  let start = 0;
  const lines = [];
  for (const at of breaks) {
    if (at === items.length - 1) continue;
    const item = items[at];
    let line;
    if (item.type === PENALTY) {
      const end = items[at - 1].end;
      line = withHyphen(sliceText(start, end, attributedString));
      start = end;
    } else {
      line = sliceText(start, item.end, attributedString);
      start = item.end;
    }
    lines.push(line);
  }
  lines.push(sliceText(start, attributedString.string.length, attributedString));
  return lines;
}

/** Wraps textkit's `linebreaker` engine factory. */
export function quickLinebreaker(linebreaker) {
  return (options) => {
    const full = linebreaker(options);
    return (attributedString, availableWidths) => {
      if (!Array.isArray(attributedString.syllables)) return full(attributedString, availableWidths);
      try {
        const align = (attributedString.runs?.[0]?.attributes || {}).align;
        const items = itemsOf(attributedString, align, options);
        let tolerance = options.tolerance || 4;
        let breaks = bestBreaks(items, availableWidths, tolerance);
        while (breaks.length === 0 && tolerance < TOLERANCE_LIMIT) {
          tolerance += TOLERANCE_STEP;
          breaks = bestBreaks(items, availableWidths, tolerance);
        }
        // textkit then falls back to a first-fit search: left to textkit.
        if (breaks.length === 0 || (breaks.length === 1 && breaks[0] === 0)) return full(attributedString, availableWidths);
        return cutLines(attributedString, items, breaks.slice(1));
      } catch (error) {
        if (error === notHere) return full(attributedString, availableWidths);
        throw error;
      }
    };
  };
}
