import { identityOf, memoKey } from './memoKey.ts';
import { OwnedMemo } from './ownedMemo.ts';
import { appendContentText, contentText, type ContentStream } from './pdfkitFastPaths.ts';

/**
 * Pages drawn once: a page drawn again is written from what drawing it wrote, without
 * react-pdf's drawing code and without writing its operators one by one.
 *
 * The tagging pass (tagging/taggedRender.ts) draws a page node by node through a content
 * marker. While a page is drawn the first time, the whole of its content stream is kept, and
 * each node's drawing is recorded as a tape of the steps with effects beyond that stream: the
 * marker opening and closing marked content (which makes structure content and MCIDs), a new
 * page, a font, an opacity state, a link annotation, a named destination, each with the
 * transformation matrix it was made under. Drawing the same page again walks it as before (so
 * the structure tree, links and bookmarks are made by the same code) but replays each node's
 * tape with the content stream shut, then writes the kept stream once. MCIDs count from 0 on
 * every page, so the stream's marked content matches the structure made again.
 *
 * A page is the same when its nodes are (types, boxes, styles, props, children by value; text
 * lines by identity: they come from the paragraph layout memo, which already relies on nobody
 * changing a laid-out line) and when the document's fonts are numbered the same (the fonts open,
 * their ids and each subset's glyphs: operators name fonts and glyph numbers). A page is drawn
 * and not remembered when a tape could not replay it: any other pdfkit method called while a
 * node draws, a node type outside those below, a bookmark, an image (react-pdf embeds it into
 * the document itself), a font or glyph added while drawing, a save the node did not
 * restore, or marked content left open between nodes.
 */

type ReplayedCall = 'addPage' | 'font' | 'fillOpacity' | 'strokeOpacity' | 'opacity' | 'link' | 'goTo' | 'addNamedDestination' | 'fillColor' | 'strokeColor';
export type ContentKind = 'text' | 'path' | 'xobject';
type Step =
  | { call: ReplayedCall; args: unknown[]; ctm: number[] }
  | { pageFont: string }
  | { open: ContentKind }
  | { close: true };
/** A node's steps, and the transformation matrix it left (a page node's is the new page's). */
export interface NodeTape {
  steps: readonly Step[];
  ctmAfter: readonly number[];
}

/** What drawing a page again needs: each node's tape, in walk order, and the page's content stream. */
export interface PageDraw {
  tapes: NodeTape[];
  content: string;
}

/** Calls replayed as calls: their arguments are plain values or objects of the process (fontkit fonts), not of one document. */
const REPLAYED: readonly ReplayedCall[] = ['addPage', 'font', 'fillOpacity', 'strokeOpacity', 'opacity', 'link', 'goTo', 'addNamedDestination'];
/** pdfkit methods whose only effects are content (through addContent) and the graphics state pdfkit keeps. */
const CONTENT_ONLY = [
  'save', 'restore', 'translate', 'scale', 'rotate', 'moveTo', 'lineTo', 'bezierCurveTo', 'quadraticCurveTo',
  'closePath', 'rect', 'roundedRect', 'ellipse', 'circle', 'polygon', 'path', 'clip', 'fill', 'stroke', 'fillAndStroke',
  'lineWidth', 'lineCap', 'lineJoin', 'miterLimit', 'dash', 'undash', 'fontSize',
] as const;
/** Colour setters: content only, unless given an opacity (then an ExtGState too). */
const COLOUR = ['fillColor', 'strokeColor'] as const;
/** Node types whose drawing is only the calls above (react-pdf 4.x primitives and SVG elements). */
const DRAWABLE = new Set(['PAGE', 'VIEW', 'TEXT', 'TEXT_INSTANCE', 'LINK', 'SVG', 'G', 'PATH', 'RECT', 'LINE', 'POLYLINE', 'POLYGON', 'CIRCLE', 'ELLIPSE', 'TSPAN']);

interface EmbeddedFont {
  id: string;
  subset?: { glyphs: number[] };
  ref(): unknown;
}
export interface DrawnDocument {
  _ctm: number[];
  _ctmStack: unknown[];
  _font: EmbeddedFont | null;
  _fontFamilies: Record<string, EmbeddedFont>;
  page: { fonts: Record<string, unknown>; content: ContentStream; resources: { data: { Font?: Record<string, unknown> } } } | null;
  addContent(data: string): unknown;
}
type Method = (this: DrawnDocument, ...args: unknown[]) => unknown;

/** The content marker (tagging/contentMarker.ts), as a tape drives it. */
export interface MarkedContent {
  /** Opens marked content for the next text object, path or XObject, where the tagging pass says it belongs. */
  openFor(kind: ContentKind): void;
  close(): void;
  /** No marked content or path open: a node's drawing can end here. */
  readonly idle: boolean;
}

export interface DrawNode {
  type: string;
  props?: Record<string, unknown> | null;
  lines?: object[];
  children?: DrawNode[];
  [field: string]: unknown;
}

/** Styles and props written once per object: laid-out nodes are not changed once drawn (as lines). */
const written = new WeakMap<object, string>();
const writeShared = (value: unknown): string => {
  if (typeof value !== 'object' || value === null) return memoKey(value);
  let out = written.get(value);
  if (out === undefined) {
    out = memoKey(value);
    written.set(value, out);
  }
  return out;
};

/** Each node's writing, once per node object: nodes (galley blocks, remembered pages) are shared between renders unchanged. */
const writtenNodes = new WeakMap<DrawNode, string>();

/** The page as drawing reads it: every field by value, but text lines by identity and yoga's leftovers not at all. */
function writeNode(node: DrawNode): string {
  const known = writtenNodes.get(node);
  if (known !== undefined) return known;
  let out = '{';
  for (const field in node) {
    const value = node[field];
    switch (field) {
      case 'yoga':
        continue;
      case 'children':
        out += `children:[${(value as DrawNode[]).map(writeNode).join(',')}]`;
        break;
      case 'lines':
        out += `lines:[${(value as object[]).map(identityOf).join(',')}]`;
        break;
      case 'style':
      case 'props':
        out += `${field}:${writeShared(value)}`;
        break;
      default:
        out += `${field}:${memoKey(value)}`;
    }
    out += ';';
  }
  out += '}';
  writtenNodes.set(node, out);
  return out;
}

/** Whether every node of the page is one whose drawing a tape can replay. */
const replayable = (node: DrawNode): boolean =>
  DRAWABLE.has(node.type) && !(node.props && 'bookmark' in node.props) && (node.children ?? []).every(replayable);

/** Font ids and each subset's glyph numbering: what the operators of a text run name. */
function fontNumbering(doc: DrawnDocument): string {
  let out = '';
  for (const [name, font] of Object.entries(doc._fontFamilies)) out += `|${name}=${font.id}:${font.subset?.glyphs.join(',') ?? ''}`;
  return out;
}

/**
 * The ids of the fonts on the current page, read without making its Font dictionary (pdfkit
 * makes a resource dictionary on first use, and the order they are made in is written out).
 */
const pageFontIds = (doc: DrawnDocument): string[] => Object.keys(doc.page?.resources.data.Font ?? {});

/** Pages per generation (two are kept): every page of every edition of a few leaflets, 5-30 KB of content each. */
const MAX_PAGES = 200;

/** The process's memo, owned per render like the layout memos (perf/caches.ts). */
export const pageDrawMemo = new OwnedMemo<PageDraw>(MAX_PAGES);

/**
 * Records and replays page drawings for one document. Installed for one tagging pass, as own
 * properties of the document over whatever it has (pdfkit's methods, the fast paths, the
 * tagging pass's own), and removed again by `uninstall`. Only with the draw fast paths
 * (pdfkitFastPaths.ts): pdfkit's own glyph drawing puts fonts on the page unseen.
 */
export class PageDraws {
  private readonly active: boolean;
  private tape: Step[] | null = null;
  private valid = true;
  /** Inside a replayed call: it does again whatever it does inside. */
  private replayedDepth = 0;
  /** Inside any pdfkit method: calls it makes are its own business. */
  private callDepth = 0;
  /** Replaying a page: its content is written whole at the end. */
  private contentShut = false;
  private readonly installed: Array<[string, PropertyDescriptor | undefined]> = [];
  private numbering: { lengths: string; key: string } | null = null;
  private numberingAtPageStart = '';

  /** `noEffect`: methods the caller has made do nothing for this pass (the tagging pass's `end`). */
  constructor(
    private readonly doc: DrawnDocument,
    private readonly marker: MarkedContent,
    noEffect: readonly string[] = [],
  ) {
    this.active = pageDrawMemo.enabled && Object.prototype.hasOwnProperty.call(doc, 'glyphs');
    if (!this.active) return;
    const target = doc as unknown as Record<string, Method | undefined>;
    const wrap = (name: string, make: (inner: Method) => Method) => {
      const inner = target[name];
      if (typeof inner !== 'function') return;
      this.installed.push([name, Object.getOwnPropertyDescriptor(doc, name)]);
      Object.defineProperty(doc, name, { value: make(inner), writable: true, configurable: true, enumerable: false });
    };
    const draws = this;
    const recording = () => draws.tape !== null && draws.replayedDepth === 0;
    /** Content-only methods and pdfkit's helpers: what they call is their own business. */
    const opaque = (inner: Method): Method =>
      function opaqueCall(this: DrawnDocument, ...args) {
        draws.callDepth += 1;
        try {
          return inner.apply(this, args);
        } finally {
          draws.callDepth -= 1;
        }
      };
    const replayed = (name: ReplayedCall) => (inner: Method): Method =>
      function replayedCall(this: DrawnDocument, ...args) {
        if (recording()) {
          if (draws.callDepth === 0) draws.tape!.push({ call: name, args, ctm: this._ctm.slice() });
          // Called from a content-only method with something to do: not a step a tape can hold.
          else if (args.some((arg) => arg != null)) draws.valid = false;
        }
        draws.replayedDepth += 1;
        draws.callDepth += 1;
        try {
          return inner.apply(this, args);
        } finally {
          draws.replayedDepth -= 1;
          draws.callDepth -= 1;
        }
      };

    wrap('addContent', (inner) =>
      function content(this: DrawnDocument, data) {
        if (draws.contentShut) return this;
        draws.callDepth += 1;
        try {
          return inner.call(this, data);
        } finally {
          draws.callDepth -= 1;
        }
      },
    );
    for (const name of REPLAYED) wrap(name, replayed(name));
    // With the content shut, a transformation only moves the matrix (link rectangles are placed by it):
    // pdfkit's arithmetic, without writing the operator.
    wrap('transform', (inner) => {
      const call = opaque(inner);
      return function transform(this: DrawnDocument, ...args) {
        if (!draws.contentShut) return call.apply(this, args);
        const [m11, m12, m21, m22, dx, dy] = args as number[];
        if (m11 === 1 && m12 === 0 && m21 === 0 && m22 === 1 && dx === 0 && dy === 0) return this;
        const m = this._ctm;
        const [m0, m1, m2, m3, m4, m5] = m as [number, number, number, number, number, number];
        m[0] = m0 * m11! + m2 * m12!;
        m[1] = m1 * m11! + m3 * m12!;
        m[2] = m0 * m21! + m2 * m22!;
        m[3] = m1 * m21! + m3 * m22!;
        m[4] = m0 * dx! + m2 * dy! + m4;
        m[5] = m1 * dx! + m3 * dy! + m5;
        return this;
      };
    });
    for (const name of [...CONTENT_ONLY, ...noEffect]) wrap(name, opaque);
    for (const name of COLOUR) {
      wrap(name, (inner) => {
        const withOpacity = replayed(name)(inner);
        const contentOnly = opaque(inner);
        return function colour(this: DrawnDocument, ...args) {
          return (args[1] == null ? contentOnly : withOpacity).apply(this, args);
        };
      });
    }
    // The glyph-run fast path (glyphRuns.ts) puts its font on the page: a step of its own,
    // taken before the run so the run finds the font there.
    wrap('glyphs', (inner) =>
      function glyphRun(this: DrawnDocument, ...args) {
        if (recording() && draws.callDepth === 0 && this._font) {
          // By id: the font object is this document's; the same id names the same font in any document this key matches.
          draws.tape!.push({ pageFont: this._font.id });
          draws.putFontOnPage(this._font.id);
        }
        return inner.apply(this, args);
      },
    );
    // Any other method of the document called while a node is recorded: the page is drawn, not remembered.
    const handled = new Set<string>(['addContent', 'glyphs', 'transform', ...REPLAYED, ...CONTENT_ONLY, ...COLOUR, ...noEffect, 'constructor']);
    for (const name of methodNames(doc)) {
      if (handled.has(name)) continue;
      wrap(name, (inner) => {
        const call = opaque(inner);
        return function watched(this: DrawnDocument, ...args) {
          if (recording() && draws.callDepth === 0) draws.valid = false;
          return call.apply(this, args);
        };
      });
    }
  }

  uninstall(): void {
    for (const [name, descriptor] of this.installed.reverse()) {
      if (descriptor) Object.defineProperty(this.doc, name, descriptor);
      else delete (this.doc as unknown as Record<string, unknown>)[name];
    }
    this.installed.length = 0;
  }

  /** The marker opened or closed marked content (called by the marker while a node draws). */
  noteMark(step: { open: ContentKind } | { close: true }): void {
    if (!this.tape) return;
    // Inside a replayed call, the call's content would not reach the marker on replay.
    if (this.replayedDepth > 0) this.valid = false;
    else this.tape.push(step);
  }

  /** The memo key of a page about to be drawn, or undefined when a tape could not replay it. */
  pageKey(page: DrawNode): string | undefined {
    if (!this.active || !replayable(page)) return undefined;
    this.numberingAtPageStart = this.fontNumbering();
    return `${this.numberingAtPageStart}\u0000${writeNode(page)}`;
  }

  recall(key: string): PageDraw | undefined {
    return pageDrawMemo.get(key);
  }

  /**
   * Remembers a page just drawn: its tapes (null where a node could not be recorded) and the
   * content stream it wrote. Not if drawing it opened a font or numbered a glyph: its key no
   * longer describes it.
   */
  remember(key: string, tapes: Array<NodeTape | null>): void {
    const page = this.doc.page;
    const content = page ? contentText(page.content) : undefined;
    if (content === undefined || tapes.some((tape) => tape === null) || this.fontNumbering() !== this.numberingAtPageStart) return;
    pageDrawMemo.set(key, { tapes: tapes as NodeTape[], content });
  }

  /** Draws one node while recording its steps; null if a tape could not replay it. */
  record(draw: () => void): NodeTape | null {
    const doc = this.doc;
    const depth = doc._ctmStack.length;
    const fontsBefore = pageFontIds(doc).length;
    this.tape = [];
    this.valid = true;
    try {
      draw();
    } catch (error) {
      this.tape = null;
      throw error;
    }
    const tape = this.tape;
    this.tape = null;
    const balanced = doc._ctmStack.length === depth;
    // A font put on the page other than by a glyph-run step is an effect the tape does not hold.
    const fontSteps = new Set(tape.flatMap((step) => ('pageFont' in step ? [step.pageFont] : [])));
    const fontsUnseen = pageFontIds(doc).slice(fontsBefore).some((id) => !fontSteps.has(id));
    return this.valid && balanced && !fontsUnseen && this.marker.idle ? { steps: tape, ctmAfter: doc._ctm.slice() } : null;
  }

  /** Shuts the page's content stream: a remembered page's nodes are about to be replayed. */
  beginReplay(): void {
    this.contentShut = true;
  }

  /** Draws a node again from its tape, with the content stream shut. */
  replay(tape: NodeTape): void {
    const doc = this.doc;
    const target = doc as unknown as Record<string, Method>;
    for (const step of tape.steps) {
      if ('open' in step) {
        this.marker.openFor(step.open);
      } else if ('close' in step) {
        this.marker.close();
      } else if ('pageFont' in step) {
        this.putFontOnPage(step.pageFont);
      } else {
        doc._ctm = step.ctm.slice();
        target[step.call]!.apply(doc, step.args);
      }
    }
    doc._ctm = tape.ctmAfter.slice();
  }

  /** Opens the content stream again and writes the remembered page's content into it, whole. */
  endReplay(draw: PageDraw): void {
    this.contentShut = false;
    appendContentText(this.doc.page!.content, draw.content);
  }

  private putFontOnPage(id: string): void {
    const page = this.doc.page!;
    if (page.fonts[id] != null) return;
    const font = Object.values(this.doc._fontFamilies).find((candidate) => candidate.id === id);
    if (!font) throw new Error(`A remembered page uses font ${id}, which this document has not opened`);
    this.callDepth += 1;
    try {
      page.fonts[id] = font.ref();
    } finally {
      this.callDepth -= 1;
    }
  }

  /** fontNumbering, computed again only when a font or a glyph was added. */
  private fontNumbering(): string {
    const fonts = Object.values(this.doc._fontFamilies);
    const lengths = fonts.map((font) => font.subset?.glyphs.length ?? -1).join(',');
    if (this.numbering?.lengths !== lengths) this.numbering = { lengths, key: fontNumbering(this.doc) };
    return this.numbering.key;
  }
}

/** pdfkit's document methods (its class and mixins), not the stream's underneath. */
function methodNames(doc: object): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(doc) as object | null; proto && proto.constructor.name !== 'Readable'; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function') names.add(name);
    }
  }
  return [...names];
}
