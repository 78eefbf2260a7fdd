/**
 * Remembers what drawing a Text node wrote, so a node drawn again alike (the next render in
 * watch mode, an unchanged paragraph after an edit) is written from the recording instead of
 * through react-pdf's text drawing. Only the tagged editions' pass uses it.
 *
 * A node's content is a function of the node and of a few things of the document, all checked
 * before a recording is used:
 * - the node: its laid-out lines (the text layout memo's, the same object whenever the
 *   paragraph is laid out alike), box, style and props;
 * - positions: react-pdf draws a node inside its parent's translation, and glyph runs against
 *   the page height, so the same node draws the same operators on any page of that height;
 * - glyphs: written as subset numbers and font names, which depend only on the document's glyph
 *   set and fonts (glyphNumbering.ts), compared as one signature (a node keeps a recording
 *   for each numbering it was drawn with);
 * - resources: fonts and graphics states the node named on its page are named on the page again,
 *   from this document's objects; if this document has none under that name yet, the node is
 *   drawn afresh;
 * - marked content: recorded as where marks open and close, and opened afresh (ContentMarker),
 *   so structure elements and marked-content ids are this document's.
 * - link annotations: recorded as calls of the tagging pass's link and goTo with the matrix in
 *   force, and made again the same way, so they are tagged and numbered as drawing would; a node
 *   with links is written again only where it was drawn (the matrix is in its key).
 * Nodes with named destinations, attachments or standard-font text are always drawn. Lines are
 * recorded the second time they are drawn, and written from the recording from the third.
 * tests/render/layoutMemo.test.tsx renders every shipped leaflet in every edition with and
 * without the memos, warm and after an edit, and compares the bytes.
 */
import { glyphNumberingOf, type GlyphNumbering } from '../perf/glyphNumbering.ts';
import { identityOf } from '../perf/memoKey.ts';
import { memosStartOn } from '../perf/shimHooks.ts';
import type { ContentMarker, ForeignStep, MarkedSteps } from './contentMarker.ts';
import type { LayoutNode } from './taggedRender.ts';

/** The parts of pdfkit's document and page the memo reads and sets. */
interface PdfKitState {
  /** The current transformation matrix: link annotations are placed by it. */
  _ctm: number[];
  /** The tagging pass's own link and goTo (taggedRender.ts), which tag each annotation. */
  link?: (...args: unknown[]) => unknown;
  goTo?: (...args: unknown[]) => unknown;
  page: { height: number; resources: { data: Record<string, Record<string, unknown> | undefined> } } | null;
  _fontCount: number;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontSize: number;
  _fillColor?: unknown;
  _strokeColor?: unknown;
  _opacityRegistry: Record<string, [unknown, string]>;
}

/** Page resources a text node may name, and those it must not (drawn afresh if it does). */
const RESOURCE_KINDS = ['Font', 'ExtGState'] as const;
type ResourceKind = (typeof RESOURCE_KINDS)[number];
const OTHER_RESOURCES = ['XObject', 'Pattern', 'ColorSpace', 'Shading'];

interface Recording {
  steps: MarkedSteps;
  pageHeight: number;
  /** The glyph numbering it was written with (glyphNumbering.ts). */
  glyphNumbering: number;
  /** Resources the node named first on its page, in the order it named them. */
  resources: Array<{ kind: ResourceKind; name: string; opacityKey?: string }>;
  /** pdfkit state the drawing left behind (the next node's drawing sets its own, but stay exact). */
  fontCountAdded: number;
  after: { fontId: string | undefined; fontSource: unknown; fontFamily: unknown; fontSize: number; fillColor: unknown; strokeColor: unknown };
}

/** A link annotation made while the node was drawn: the call, and the matrix it was placed by. */
interface AnnotationStep extends ForeignStep {
  readonly foreign: { method: 'link' | 'goTo'; args: unknown[]; ctm: number[] };
}

/** Recordings by the node's lines, then by the rest of what drawing reads of the node. */
let recordings = new WeakMap<object, Map<string, Recording>>();
/**
 * Lines drawn once and not recorded. A node is recorded the second time its lines are drawn:
 * recording is paid back only by lines drawn again (the next render in watch mode), while most
 * lines of a one-off render, or of a paragraph being typed, are drawn once. Recording every
 * first draw cost a fresh A5 render 3 ms of 64 (the memo on and off in turns, one process).
 */
let drawnOnce = new WeakSet<object>();
/** On unless the process started with LEAFLETS_LAYOUT_MEMO=off, as the other memos. */
let enabled = memosStartOn;

/** Text nodes written from a recording, and drawn, in this process. */
export const textDrawMemoStats = { replayed: 0, drawn: 0 };

/** Forgets every recording (the render bench's fresh scenario, tests). */
export const clearTextDrawMemo = (): void => {
  recordings = new WeakMap();
  drawnOnce = new WeakSet();
};

/** Turns the memo on or off for this process (tests compare output both ways). */
export const setTextDrawMemo = (on: boolean): void => {
  enabled = on;
  if (!on) clearTextDrawMemo();
};

/** What the memo needs to know of a node, from the node alone. */
interface NodeFacts {
  /** Everything drawing reads of the node besides its lines. */
  key: string;
  /** Drawing it makes nothing but content, fonts, graphics states and link annotations. */
  replayable: boolean;
  /** It has link annotations, placed by the matrix in force. */
  linked: boolean;
}

/** Laid-out nodes are not changed once made (pagination copies a node to move it), and most are the same objects render after render: each is looked at once. */
const nodeFacts = new WeakMap<LayoutNode, NodeFacts>();

function factsOf(node: LayoutNode): NodeFacts {
  let facts = nodeFacts.get(node);
  if (!facts) {
    facts = { key: nodeKey(node), replayable: replayable(node), linked: hasLinks(node) };
    nodeFacts.set(node, facts);
  }
  return facts;
}

/**
 * The box (pagination places a block on its page as a copy of the node with a new box), the
 * alignment offset, style and props by identity.
 */
function nodeKey(node: LayoutNode): string {
  let key = `${node.type}|${node.style ? identityOf(node.style) : '-'}|${node.props ? identityOf(node.props) : '-'}|${(node as { alignOffset?: number }).alignOffset}|`;
  const box = node.box as Record<string, unknown> | undefined;
  if (box) for (const field in box) key += `${field}:${String(box[field])},`;
  return key;
}

const hasLinks = (node: LayoutNode): boolean => (node.lines ?? []).some((line) => line.runs.some((run) => run.attributes.link));

function replayable(node: LayoutNode): boolean {
  const props = node.props;
  if (props && ('id' in props || 'destinationOf' in props || props.bookmark || props.debug)) return false;
  for (const line of node.lines ?? []) {
    for (const run of line.runs as Array<{ attributes: { link?: string; attachment?: unknown; font?: Array<{ type?: string }> } }>) {
      const { attributes } = run;
      if (attributes.attachment || attributes.font?.[0]?.type === 'STANDARD') return false;
    }
  }
  return true;
}

const namesIn = (dictionary: Record<string, unknown> | undefined): string[] => (dictionary ? Object.keys(dictionary) : []);

/**
 * Draws a Text node with `draw`, or writes it from the recording of an earlier draw when this
 * document allows; records it when drawn. Returns whether it was written from a recording.
 */
export function drawTextNode(doc: PdfKitState, marker: ContentMarker, node: LayoutNode, draw: () => void): boolean {
  const numbering = glyphNumberingOf(doc);
  // Lines with recordings were drawn once before (both are forgotten together).
  const firstDraw = enabled && node.lines !== undefined && !drawnOnce.has(node.lines);
  if (firstDraw) drawnOnce.add(node.lines!);
  const facts = enabled && node.lines && !firstDraw ? factsOf(node) : undefined;
  if (!facts?.replayable || !doc.page || !node.lines || !numbering || !marker.atRest) {
    textDrawMemoStats.drawn += 1;
    draw();
    return false;
  }
  // Link annotations are placed on the page by the matrix in force: a node with links is
  // written again only where it was drawn.
  const { linked } = facts;
  // Recordings are kept per glyph numbering too: an edit that adds a glyph and the next that
  // drops it again both find text written with their numbering.
  const key = `${facts.key}|${numbering.id}${linked ? `|${doc._ctm.join(',')}` : ''}`;
  let byKey = recordings.get(node.lines);
  const known = byKey?.get(key);
  if (known && replayFrom(known, doc, marker, numbering)) {
    textDrawMemoStats.replayed += 1;
    return true;
  }
  textDrawMemoStats.drawn += 1;
  const page = doc.page;
  const before = RESOURCE_KINDS.map((kind) => new Set(namesIn(page.resources.data[kind])));
  const othersBefore = OTHER_RESOURCES.map((kind) => namesIn(page.resources.data[kind]).length);
  const fontCount = doc._fontCount;
  const steps = linked ? recordWithAnnotations(doc, marker, draw) : marker.record(draw);
  if (!steps || doc.page !== page || OTHER_RESOURCES.some((kind, i) => namesIn(page.resources.data[kind]).length !== othersBefore[i])) return false;
  const resources: Recording['resources'] = [];
  // In the order the page's dictionaries were made, so replaying makes them in that order too.
  const kindsInOrder = Object.keys(page.resources.data).filter((kind): kind is ResourceKind => (RESOURCE_KINDS as readonly string[]).includes(kind));
  for (const kind of kindsInOrder) {
    const earlier = before[RESOURCE_KINDS.indexOf(kind)]!;
    for (const name of namesIn(page.resources.data[kind])) {
      if (earlier.has(name)) continue;
      if (kind === 'Font') {
        resources.push({ kind, name });
        continue;
      }
      const opacityKey = Object.keys(doc._opacityRegistry).find((candidate) => doc._opacityRegistry[candidate]![1] === name);
      // A graphics state pdfkit did not make for an opacity: no way to name it again.
      if (opacityKey === undefined) return false;
      resources.push({ kind, name, opacityKey });
    }
  }
  const font = doc._font as { id?: string } | null;
  if (!byKey) recordings.set(node.lines, (byKey = new Map()));
  // A paragraph is met at a few positions (editions, moved by edits) and glyph numberings at
  // most: the oldest recording goes first.
  byKey.delete(key);
  if (byKey.size >= 8) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, {
    steps,
    pageHeight: page.height,
    glyphNumbering: numbering.id,
    resources,
    fontCountAdded: doc._fontCount - fontCount,
    after: { fontId: font?.id, fontSource: doc._fontSource, fontFamily: doc._fontFamily, fontSize: doc._fontSize, fillColor: doc._fillColor, strokeColor: doc._strokeColor },
  });
  return false;
}

/** Writes the recording if everything it depends on is the same in this document; false (nothing written) if not. */
function replayFrom(recording: Recording, doc: PdfKitState, marker: ContentMarker, numbering: GlyphNumbering): boolean {
  const page = doc.page!;
  if (recording.pageHeight !== page.height || recording.glyphNumbering !== numbering.id) return false;
  const afterFont = recording.after.fontId === undefined ? null : numbering.fonts.get(recording.after.fontId);
  if (afterFont === undefined) return false;
  // Every resource the node names must be this document's, under the same name.
  const named: Array<[ResourceKind, string, unknown]> = [];
  for (const { kind, name, opacityKey } of recording.resources) {
    if (page.resources.data[kind]?.[name] !== undefined) continue;
    if (kind === 'Font') {
      const font = numbering.fonts.get(name) as { ref(): unknown } | undefined;
      if (!font) return false;
      named.push([kind, name, font]);
    } else {
      const registered = opacityKey === undefined ? undefined : doc._opacityRegistry[opacityKey];
      if (!registered || registered[1] !== name) return false;
      named.push([kind, name, registered[0]]);
    }
  }
  for (const [kind, name, object] of named) {
    const dictionary = (page.resources.data[kind] ??= {});
    dictionary[name] = kind === 'Font' ? (object as { ref(): unknown }).ref() : object;
  }
  marker.replay(recording.steps, (step) => {
    const { method, args, ctm } = (step as AnnotationStep).foreign;
    const current = doc._ctm;
    doc._ctm = [...ctm];
    try {
      doc[method]!(...args.map((arg) => (isPlainObject(arg) ? { ...arg } : arg)));
    } finally {
      doc._ctm = current;
    }
  });
  doc._fontCount += recording.fontCountAdded;
  doc._font = afterFont;
  doc._fontSource = recording.after.fontSource;
  doc._fontFamily = recording.after.fontFamily;
  doc._fontSize = recording.after.fontSize;
  doc._fillColor = recording.after.fillColor;
  doc._strokeColor = recording.after.strokeColor;
  return true;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Records the node's drawing with each link annotation it makes kept in its place among the steps. */
function recordWithAnnotations(doc: PdfKitState, marker: ContentMarker, draw: () => void): MarkedSteps | undefined {
  const own = { link: doc.link, goTo: doc.goTo };
  let unrecordable = false;
  for (const method of ['link', 'goTo'] as const) {
    const call = own[method];
    if (!call) continue;
    doc[method] = (...args: unknown[]) => {
      // Plain data only (numbers, the URL or name, an options object): replayed as given.
      if (args.every((arg) => arg === undefined || typeof arg !== 'object' || isPlainObject(arg))) {
        const step: AnnotationStep = { foreign: { method, args: args.map((arg) => (isPlainObject(arg) ? { ...arg } : arg)), ctm: [...doc._ctm] } };
        marker.note(step);
      } else {
        unrecordable = true;
      }
      return call.apply(doc, args);
    };
  }
  try {
    const steps = marker.record(draw);
    // An annotation that could not be written down: this node is always drawn.
    return unrecordable ? undefined : steps;
  } finally {
    doc.link = own.link;
    doc.goTo = own.goTo;
  }
}
