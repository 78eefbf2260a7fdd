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

const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const XOBJECT = new Set(['Do', 'sh']);

const operatorOf = (data: string): string => {
  const trimmed = data.trimEnd();
  return trimmed.slice(trimmed.lastIndexOf(' ') + 1);
};

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
    delete (this.doc as Partial<PdfKitDocument>).addContent;
  }

  private write(data: string): void {
    if (this.passThrough) return this.writeRaw(data);
    const operator = operatorOf(data);

    if (this.inTextObject) {
      this.writeRaw(data);
      if (operator === 'ET') {
        this.close();
        this.inTextObject = false;
      }
      return;
    }
    if (operator === 'BT') {
      this.open(this.hooks.targetFor('text'));
      this.inTextObject = true;
      return this.writeRaw(data);
    }
    if (PATH_CONSTRUCTION.has(operator)) {
      this.pathOps.push(data);
      return;
    }
    if (PATH_PAINT.has(operator) && this.pathOps.length > 0) {
      return this.flushPath(data);
    }
    if (this.pathOps.length > 0) {
      // A state operator inside a path (pdfkit sets the fill colour after `re` in some calls): keep order.
      this.pathOps.push(data);
      return;
    }
    if (XOBJECT.has(operator)) {
      this.open(this.hooks.targetFor('xobject'));
      this.writeRaw(data);
      return this.close();
    }
    this.writeRaw(data);
  }

  private flushPath(paint: string | null): void {
    const ops = this.pathOps;
    this.pathOps = [];
    const isClip = paint !== null && /\bW\*?\s+n$/.test(paint.trim());
    if (isClip || paint === null) {
      for (const op of ops) this.writeRaw(op);
      if (paint) this.writeRaw(paint);
      return;
    }
    this.open(this.hooks.targetFor('path'));
    for (const op of ops) this.writeRaw(op);
    this.writeRaw(paint);
    this.close();
  }

  private open(target: MarkTarget): void {
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
    this.passThrough = true;
    try {
      this.doc.endMarkedContent();
    } finally {
      this.passThrough = false;
    }
  }
}
