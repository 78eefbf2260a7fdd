import { isHeadingRole, type StructSemantics } from '../semantics.ts';
import type { PdfKitDocument, PdfOutlineItem, PdfStructElement } from './pdfkitTypes.ts';

/**
 * Builds the structure tree in reading order. Elements are keyed by the leaflet model's block
 * keys, so a paragraph split across two pages stays one element with content on both.
 * Headings also build the outline (bookmarks), nested by level.
 */
export class StructureTree {
  readonly root: PdfStructElement;
  private readonly byKey = new Map<string, PdfStructElement>();
  private readonly outlined = new Set<string>();
  private readonly outlineStack: Array<{ level: number; item: PdfOutlineItem }> = [];

  constructor(private readonly doc: PdfKitDocument) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  elementFor(semantics: StructSemantics, parent: PdfStructElement): PdfStructElement {
    const existing = this.byKey.get(semantics.key);
    if (existing) return existing;
    const options: Record<string, unknown> = {};
    if (semantics.alt !== undefined) options.alt = semantics.alt;
    if (semantics.lang !== undefined) options.lang = semantics.lang;
    if (semantics.scope !== undefined) options.scope = semantics.scope;
    const element = this.doc.struct(semantics.role, options);
    // PDF/UA-1 (7.9) requires an ID on every Note element.
    if (semantics.role === 'Note') element.dictionary.data.ID = new String(semantics.key);
    parent.add(element);
    this.byKey.set(semantics.key, element);
    return element;
  }

  /** Adds a bookmark the first time a heading's content is drawn, on the page it starts on. */
  noteHeadingDrawn(semantics: StructSemantics): void {
    if (!isHeadingRole(semantics.role) || this.outlined.has(semantics.key)) return;
    this.outlined.add(semantics.key);
    const level = Number(semantics.role.slice(1));
    while (this.outlineStack.length > 0 && this.outlineStack[this.outlineStack.length - 1]!.level >= level) {
      this.outlineStack.pop();
    }
    const parent = this.outlineStack[this.outlineStack.length - 1]?.item ?? this.doc.outline;
    const item = parent.addItem(semantics.outline ?? '', { expanded: true });
    this.outlineStack.push({ level, item });
  }
}
