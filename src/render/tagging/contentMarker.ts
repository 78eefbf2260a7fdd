import type { ArtifactKind } from '../semantics.ts';
import type { PdfKitDocument, PdfStructElement } from './pdfkitTypes.ts';

/** Where the next piece of drawn content belongs. */
export type MarkTarget =
  | { kind: 'artifact'; type: ArtifactKind }
  | { kind: 'struct'; element: PdfStructElement; tag: string };

export type ContentKind = 'text' | 'path' | 'xobject';

export interface MarkerHooks {
  /** Called when a text object, painted path or XObject starts: where does it belong? */
  targetFor(kind: ContentKind): MarkTarget;
}

/** What an operator does, as far as marking content goes. */
type Operator = 'other' | 'begin-text' | 'end-text' | 'path-construction' | 'path-paint' | 'xobject';

/**
 * The kind of the operator that ends `data` (its last word, trailing whitespace ignored), read
 * from its character codes: react-pdf writes about 1,500 operators per A5 page, and slicing
 * each one's name out cost more than the rest of the marking.
 */
function operatorOf(data: string): Operator {
  let end = data.length;
  while (end > 0 && data.charCodeAt(end - 1) <= 32) end -= 1;
  const start = data.lastIndexOf(' ', end - 1) + 1;
  const first = data.charCodeAt(start);
  switch (end - start) {
    case 1:
      switch (first) {
        case 109 /* m */:
        case 108 /* l */:
        case 99 /* c */:
        case 118 /* v */:
        case 121 /* y */:
        case 104 /* h */:
          return 'path-construction';
        case 83 /* S */:
        case 115 /* s */:
        case 102 /* f */:
        case 70 /* F */:
        case 66 /* B */:
        case 98 /* b */:
        case 110 /* n */:
          return 'path-paint';
        default:
          return 'other';
      }
    case 2: {
      const second = data.charCodeAt(start + 1);
      if (second === 42 /* * */ && (first === 102 /* f */ || first === 66 /* B */ || first === 98 /* b */)) return 'path-paint';
      if (first === 114 /* r */ && second === 101 /* e */) return 'path-construction';
      if (first === 66 /* B */ && second === 84 /* T */) return 'begin-text';
      if (first === 69 /* E */ && second === 84 /* T */) return 'end-text';
      if ((first === 68 /* D */ && second === 111) /* o */ || (first === 115 /* s */ && second === 104) /* h */) return 'xobject';
      return 'other';
    }
    default:
      return 'other';
  }
}

/** Closing marked content, as a step of a recording. */
const CLOSE = 0;

/**
 * What the marker wrote for a stretch of drawing, to write again without drawing: content as
 * written (consecutive lines joined, as the stream joins them), and where marked content was
 * opened (for what kind of content) and closed. Opening asks the hooks again, so the marks get
 * this document's structure elements and marked-content ids.
 */
export type MarkedSteps = Array<string | ContentKind | typeof CLOSE | ForeignStep>;

/** A step the marker keeps in its place in a recording for its caller (a link annotation, say). */
export interface ForeignStep {
  readonly foreign: unknown;
}

const isKind = (step: unknown): step is ContentKind => step === 'text' || step === 'path' || step === 'xobject';

/**
 * Wraps every drawing operation react-pdf writes in a marked-content sequence.
 *
 * Why per operation and not per node: react-pdf nests `q`/`Q` per node, line and run, so a
 * sequence opened around a whole node would straddle them. A text object (BT..ET), a painted
 * path (construction ops up to the paint op) and one XObject never contain `q`/`Q`, so marking
 * each of them keeps BDC/EMC nesting valid. Path construction is buffered until the paint
 * operator arrives, so a clipping path (`W n`) is never opened as an empty tagged sequence.
 */
export class ContentMarker {
  private readonly writeRaw: (data: string) => void;
  private inTextObject = false;
  private pathOps: string[] = [];
  private passThrough = false;
  private recording: MarkedSteps | null = null;
  /** Content lines of the recording since its last mark, joined into one step when the next comes. */
  private recordedLines: string[] = [];
  private readonly installedAddContent: (data: string) => PdfKitDocument;

  constructor(
    private readonly doc: PdfKitDocument,
    private readonly hooks: MarkerHooks,
  ) {
    const original = Object.getPrototypeOf(doc).addContent as (this: PdfKitDocument, data: string) => PdfKitDocument;
    this.writeRaw = (data) => void original.call(doc, data);
    this.installedAddContent = (data: string) => {
      this.write(data);
      return doc;
    };
    // An own property shadows pdfkit's prototype method: every operator react-pdf or pdfkit
    // writes for this document passes through `write`.
    doc.addContent = this.installedAddContent;
  }

  uninstall(): void {
    if (this.pathOps.length > 0) this.flushPath(null);
    // Assigned rather than deleted, so the document keeps its hidden class (perf/keptShapes.ts).
    this.doc.addContent = Object.getPrototypeOf(this.doc).addContent as PdfKitDocument['addContent'];
  }

  private write(data: string): void {
    if (this.passThrough) return this.writeRaw(data);
    const operator = operatorOf(data);

    if (this.inTextObject) {
      this.emit(data);
      if (operator === 'end-text') {
        this.close();
        this.inTextObject = false;
      }
      return;
    }
    if (operator === 'begin-text') {
      this.open('text');
      this.inTextObject = true;
      return this.emit(data);
    }
    if (operator === 'path-construction') {
      this.pathOps.push(data);
      return;
    }
    if (operator === 'path-paint' && this.pathOps.length > 0) {
      return this.flushPath(data);
    }
    if (this.pathOps.length > 0) {
      // A state operator inside a path (pdfkit sets the fill colour after `re` in some calls): keep order.
      this.pathOps.push(data);
      return;
    }
    if (operator === 'xobject') {
      this.open('xobject');
      this.emit(data);
      return this.close();
    }
    this.emit(data);
  }

  private flushPath(paint: string | null): void {
    const ops = this.pathOps;
    this.pathOps = [];
    const isClip = paint !== null && /\bW\*?\s+n$/.test(paint.trim());
    if (isClip || paint === null) {
      for (const op of ops) this.emit(op);
      if (paint) this.emit(paint);
      return;
    }
    this.open('path');
    for (const op of ops) this.emit(op);
    this.emit(paint);
    this.close();
  }

  /** Content drawn: written to the stream, and to the recording if one is being made. */
  private emit(data: string): void {
    if (this.recording) this.recordedLines.push(data);
    this.writeRaw(data);
  }

  /** Adds a step to the recording being made, after the content lines before it (as one step: the stream joins lines alike). */
  private recordStep(step: MarkedSteps[number]): void {
    const recording = this.recording;
    if (!recording) return;
    if (this.recordedLines.length > 0) {
      recording.push(this.recordedLines.join('\n'));
      this.recordedLines = [];
    }
    recording.push(step);
  }

  /** Whether nothing is half written: no text object or path is open. */
  get atRest(): boolean {
    return !this.inTextObject && this.pathOps.length === 0 && !this.passThrough;
  }

  /** Runs `draw` and gives what the marker did for it, or undefined if it did not end at rest. */
  record(draw: () => void): MarkedSteps | undefined {
    const steps: MarkedSteps = [];
    this.recording = steps;
    this.recordedLines = [];
    try {
      draw();
      if (this.recordedLines.length > 0) steps.push(this.recordedLines.join('\n'));
    } finally {
      this.recording = null;
      this.recordedLines = [];
    }
    return this.atRest ? steps : undefined;
  }

  /** Keeps a caller's step at this point of the recording being made, if one is. */
  note(step: ForeignStep): void {
    this.recordStep(step);
  }

  /** Writes recorded steps again: the content as it was, the marks opened afresh; the caller's own steps go back to it. */
  replay(steps: MarkedSteps, replayForeign: (step: ForeignStep) => void): void {
    for (const step of steps) {
      if (step === CLOSE) this.close();
      else if (typeof step === 'object') replayForeign(step);
      else if (isKind(step)) this.open(step);
      else this.writeRaw(step);
    }
  }

  private open(kind: ContentKind): void {
    const target = this.hooks.targetFor(kind);
    this.recordStep(kind);
    this.openTarget(target);
  }

  private openTarget(target: MarkTarget): void {
    this.passThrough = true;
    try {
      if (target.kind === 'artifact') {
        this.doc.markContent('Artifact', { type: target.type });
      } else {
        target.element.add(this.doc.markStructureContent(target.tag));
      }
    } finally {
      this.passThrough = false;
    }
  }

  private close(): void {
    this.recordStep(CLOSE);
    this.passThrough = true;
    try {
      this.doc.endMarkedContent();
    } finally {
      this.passThrough = false;
    }
  }
}
