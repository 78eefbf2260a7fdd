import type { PdfKitDocument, PdfStructElement } from './pdfkitTypes.ts';

interface LinkRun {
  url: string;
  text: string;
}

interface LayoutRun {
  start: number;
  end: number;
  attributes: { link?: string };
}
interface LayoutLine {
  string: string;
  runs: LayoutRun[];
}

/**
 * Turns react-pdf's per-run link annotations into Link structure elements.
 *
 * react-pdf draws a run's link annotation (`ctx.link`) just before the run's text object, so
 * the next text object belongs to that Link. A link wrapped over two lines arrives as two runs
 * with the same URL and becomes one Link element with two annotations (each OBJR'd).
 * pdfkit writes an OBJR's page as whatever page is current when the element ends, so Link
 * elements are ended as soon as drawing leaves them. A link to a place in the document (`#name`,
 * e.g. a citation number) is a Reference holding the Link, described by its destination's text.
 */
export class LinkTracker {
  private queue: LinkRun[] = [];
  private open: { url: string; element: PdfStructElement; reference?: PdfStructElement } | null = null;
  private pending: PdfStructElement | null = null;
  private parent: PdfStructElement | null = null;

  constructor(
    private readonly doc: PdfKitDocument,
    /** Text of each named destination (`#name` links), as the link's description. */
    private readonly destinations: ReadonlyMap<string, string> = new Map(),
  ) {}

  beginTextNode(lines: LayoutLine[] | undefined, parent: PdfStructElement | null): void {
    this.parent = parent;
    this.queue = [];
    for (const line of lines ?? []) {
      for (const run of line.runs) {
        // `run.string` repeats the whole text; the run's own slice of the line is its text.
        if (run.attributes.link) this.queue.push({ url: run.attributes.link, text: line.string.slice(run.start, run.end) });
      }
    }
  }

  endTextNode(): void {
    this.closeOpenLink();
    this.parent = null;
    this.queue = [];
  }

  /** Options to pass to pdfkit's `link` so the annotation joins the structure tree. */
  annotationOptions(url: string): Record<string, unknown> | null {
    if (!this.parent) return null;
    const run = this.queue.shift();
    const destination = url.startsWith('#') ? this.destinations.get(url.slice(1)) : undefined;
    const text = destination ?? ((run?.text ?? url).trim() || url);
    if (!this.open || this.open.url !== url) {
      this.closeOpenLink();
      const element = this.doc.struct('Link');
      if (url.startsWith('#')) {
        // A link within the document (a citation's number to its source): Reference > Link.
        const reference = this.doc.struct('Reference');
        this.parent.add(reference);
        reference.add(element);
        this.open = { url, element, reference };
      } else {
        this.parent.add(element);
        this.open = { url, element };
      }
    }
    this.pending = this.open.element;
    return { structParent: this.open.element, Contents: new String(text) };
  }

  /** The Link element the next text object belongs to, if that text object is a link run. */
  takeTargetForTextObject(): PdfStructElement | null {
    const target = this.pending;
    this.pending = null;
    if (!target) this.closeOpenLink();
    return target;
  }

  private closeOpenLink(): void {
    this.open?.element.end();
    this.open?.reference?.end();
    this.open = null;
  }
}
