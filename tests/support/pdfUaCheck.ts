import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFHexString,
  type PDFObject,
} from 'pdf-lib';
import { tokenizeContent } from './contentStream.ts';

/**
 * An independent PDF/UA-1 machine check for tests, reading the file with pdf-lib rather than
 * the code that wrote it. It covers the machine-checkable Matterhorn points that apply to
 * these documents: identification metadata, MarkInfo, Lang, DisplayDocTitle, heading order,
 * list and table structure, Figure alt, Note ID, Link OBJR + Contents, Tabs, every piece of
 * content tagged or an artifact, embedded fonts with ToUnicode, and structure order equal to
 * content (reading) order.
 */
export interface UaFailure {
  check: string;
  detail: string;
}

export interface StructElementInfo {
  role: string;
  alt?: string;
  id?: string;
  lang?: string;
  /** (page index, MCID) pairs owned directly by this element, in /K order. */
  content: Array<{ page: number; mcid: number }>;
  annotations: PDFRef[];
  children: StructElementInfo[];
}

export interface UaReport {
  failures: UaFailure[];
  root?: StructElementInfo;
  /** Structure elements in depth-first (structure) order. */
  elements: StructElementInfo[];
}

const text = (object: PDFObject | undefined): string | undefined =>
  object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;

const STANDARD_ROLES = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(
    ' ',
  ),
);

export async function checkPdfUa(bytes: Uint8Array): Promise<UaReport> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = pdf;
  const failures: UaFailure[] = [];
  const fail = (check: string, detail: string) => failures.push({ check, detail });
  const lookup = (object: PDFObject | undefined) => (object instanceof PDFRef ? context.lookup(object) : object);
  const dict = (object: PDFObject | undefined) => {
    const resolved = lookup(object);
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  const pages = pdf.getPages();
  const pageIndexByRef = new Map(pages.map((page, index) => [page.ref.toString(), index]));

  // Document level.
  const markInfo = dict(catalog.get(PDFName.of('MarkInfo')));
  if (markInfo?.get(PDFName.of('Marked'))?.toString() !== 'true') fail('markinfo', 'MarkInfo /Marked is not true');
  const lang = text(lookup(catalog.get(PDFName.of('Lang'))));
  if (!lang) fail('lang', 'Catalog has no /Lang');
  const viewer = dict(catalog.get(PDFName.of('ViewerPreferences')));
  if (viewer?.get(PDFName.of('DisplayDocTitle'))?.toString() !== 'true') fail('display-doc-title', 'DisplayDocTitle is not true');
  const metadata = lookup(catalog.get(PDFName.of('Metadata')));
  const xmp = metadata instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(metadata).decode()).toString('utf8') : '';
  if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp)) fail('pdfuaid', 'XMP has no pdfuaid:part 1');
  if (!/<dc:title>[\s\S]*<rdf:li[^>]*>[^<]+<\/rdf:li>/.test(xmp)) fail('dc-title', 'XMP has no dc:title');
  if (/&(?!amp;|lt;|gt;|quot;|apos;|#)/.test(xmp.replace(/<\?xpacket[^>]*\?>/g, ''))) fail('xmp-escape', 'XMP contains an unescaped "&"');

  // Structure tree.
  const treeRoot = dict(catalog.get(PDFName.of('StructTreeRoot')));
  const elements: StructElementInfo[] = [];
  /** Every (page, MCID) in depth-first /K order: the order a screen reader follows. */
  const structSequence: Array<{ page: number; mcid: number }> = [];
  let root: StructElementInfo | undefined;
  const annotationOwners = new Map<string, string>();
  if (!treeRoot) {
    fail('struct-tree', 'No StructTreeRoot');
  } else {
    const visit = (object: PDFObject | undefined, inheritedPage: number | undefined): StructElementInfo | undefined => {
      const element = dict(object);
      if (!element) return undefined;
      const role = element.get(PDFName.of('S'))?.toString().slice(1) ?? '';
      const pageRef = element.get(PDFName.of('Pg'));
      const page = pageRef ? pageIndexByRef.get(pageRef.toString()) : inheritedPage;
      const info: StructElementInfo = {
        role,
        alt: text(lookup(element.get(PDFName.of('Alt')))),
        id: text(lookup(element.get(PDFName.of('ID')))),
        lang: text(lookup(element.get(PDFName.of('Lang')))),
        content: [],
        annotations: [],
        children: [],
      };
      elements.push(info);
      const kids = lookup(element.get(PDFName.of('K')));
      const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
      for (const kid of list) {
        if (kid instanceof PDFNumber) {
          if (page === undefined) fail('mcid-page', `${role} has an MCID without a page`);
          else {
            info.content.push({ page, mcid: kid.asNumber() });
            structSequence.push({ page, mcid: kid.asNumber() });
          }
          continue;
        }
        const kidDict = dict(kid);
        const type = kidDict?.get(PDFName.of('Type'))?.toString();
        if (type === '/MCR') {
          const mcrPage = pageIndexByRef.get(kidDict!.get(PDFName.of('Pg'))?.toString() ?? '') ?? page;
          const mcid = (kidDict!.get(PDFName.of('MCID')) as PDFNumber).asNumber();
          if (mcrPage === undefined) fail('mcid-page', `${role} has an MCR without a page`);
          else {
            info.content.push({ page: mcrPage, mcid });
            structSequence.push({ page: mcrPage, mcid });
          }
        } else if (type === '/OBJR') {
          const annotation = kidDict!.get(PDFName.of('Obj'));
          if (annotation instanceof PDFRef) {
            info.annotations.push(annotation);
            annotationOwners.set(annotation.toString(), role);
          }
        } else {
          const child = visit(kid, page);
          if (child) info.children.push(child);
        }
      }
      return info;
    };
    const topKids = lookup(treeRoot.get(PDFName.of('K')));
    const tops = topKids instanceof PDFArray ? topKids.asArray() : topKids ? [topKids] : [];
    const visited = tops.map((kid) => visit(kid, undefined)).filter((x): x is StructElementInfo => Boolean(x));
    root = visited[0];
    if (visited.length !== 1 || root?.role !== 'Document') fail('document-root', 'The tree should have one Document element at the top');
    checkElementRules(elements, fail);
  }

  // Pages: content marking, reading order, annotations, fonts.
  const ownerOf = new Map<string, StructElementInfo>();
  for (const element of elements) for (const c of element.content) ownerOf.set(`${c.page}:${c.mcid}`, element);
  const checkedFonts = new Set<string>();
  pages.forEach((page, pageIndex) => {
    const operators = tokenizeContent(pageContent(page.node, lookup));
    const contentOrder = checkMarkedContent(operators, pageIndex, fail);
    for (const mcid of contentOrder) {
      if (!ownerOf.has(`${pageIndex}:${mcid}`)) fail('orphan-mcid', `Page ${pageIndex + 1}: MCID ${mcid} belongs to no structure element`);
    }
    const structOrder = structSequence.filter((c) => c.page === pageIndex).map((c) => c.mcid);
    if (structOrder.join(',') !== contentOrder.join(',')) {
      fail('reading-order', `Page ${pageIndex + 1}: structure order [${structOrder}] differs from content order [${contentOrder}]`);
    }
    const annots = lookup(page.node.get(PDFName.of('Annots')));
    const annotRefs = annots instanceof PDFArray ? annots.asArray() : [];
    if (annotRefs.length > 0 && page.node.get(PDFName.of('Tabs'))?.toString() !== '/S') fail('tabs', `Page ${pageIndex + 1} has annotations but no /Tabs /S`);
    for (const ref of annotRefs) {
      const annotation = dict(ref);
      if (annotation?.get(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
      if (!text(lookup(annotation.get(PDFName.of('Contents'))))?.trim()) fail('link-contents', `Page ${pageIndex + 1}: link annotation without /Contents`);
      if (annotation.get(PDFName.of('StructParent')) === undefined) fail('link-structparent', `Page ${pageIndex + 1}: link annotation without /StructParent`);
      if (annotationOwners.get(ref.toString()) !== 'Link') fail('link-objr', `Page ${pageIndex + 1}: link annotation not referenced by a Link element`);
    }
    const fonts = dict(dict(page.node.get(PDFName.of('Resources')))?.get(PDFName.of('Font')));
    for (const [, fontRef] of fonts?.entries() ?? []) {
      if (checkedFonts.has(fontRef.toString())) continue;
      checkedFonts.add(fontRef.toString());
      checkFont(dict(fontRef), dict, fail);
    }
  });

  return { failures, root, elements };
}

function pageContent(pageNode: PDFDict, lookup: (o: PDFObject | undefined) => PDFObject | undefined): string {
  const contents = lookup(pageNode.get(PDFName.of('Contents')));
  const streams = contents instanceof PDFArray ? contents.asArray().map(lookup) : [contents];
  return streams
    .map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : ''))
    .join('\n');
}

const PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI']);

/** Every text object and painting operator must sit inside an MCID sequence or an Artifact. Returns MCIDs in content order. */
function checkMarkedContent(operators: ReturnType<typeof tokenizeContent>, pageIndex: number, fail: (c: string, d: string) => void): number[] {
  const stack: Array<{ tag: string; mcid?: number }> = [];
  const order: number[] = [];
  let unmarked = 0;
  let qDepthAtOpen: number[] = [];
  let qDepth = 0;
  for (const { operator, operands } of operators) {
    if (operator === 'q') qDepth += 1;
    if (operator === 'Q') qDepth -= 1;
    if (operator === 'BDC' || operator === 'BMC') {
      const tag = operands[0]?.slice(1) ?? '';
      const mcidMatch = operator === 'BDC' ? /\/MCID\s+(\d+)/.exec(operands[1] ?? '') : null;
      const mcid = mcidMatch ? Number(mcidMatch[1]) : undefined;
      if (mcid !== undefined) order.push(mcid);
      stack.push({ tag, mcid });
      qDepthAtOpen.push(qDepth);
    } else if (operator === 'EMC') {
      if (stack.length === 0) fail('marked-content-nesting', `Page ${pageIndex + 1}: EMC without BDC`);
      stack.pop();
      if (qDepthAtOpen.pop() !== qDepth) fail('marked-content-nesting', `Page ${pageIndex + 1}: marked content straddles q/Q`);
    } else if (operator === 'BT' || PAINTING.has(operator)) {
      const marked = stack.some((entry) => entry.tag === 'Artifact' || entry.mcid !== undefined);
      if (!marked) unmarked += 1;
    }
  }
  if (stack.length > 0) fail('marked-content-nesting', `Page ${pageIndex + 1}: ${stack.length} marked-content sequence(s) left open`);
  if (unmarked > 0) fail('untagged-content', `Page ${pageIndex + 1}: ${unmarked} drawing operation(s) neither tagged nor artifact`);
  qDepthAtOpen = [];
  return order;
}

function checkFont(font: PDFDict | undefined, dict: (o: PDFObject | undefined) => PDFDict | undefined, fail: (c: string, d: string) => void) {
  if (!font) return;
  const name = font.get(PDFName.of('BaseFont'))?.toString() ?? '?';
  const subtype = font.get(PDFName.of('Subtype'))?.toString();
  if (subtype === '/Type1' && !font.get(PDFName.of('FontDescriptor'))) fail('font-embedded', `Font ${name} is a standard-14 font, not embedded`);
  if (!font.get(PDFName.of('ToUnicode'))) fail('font-tounicode', `Font ${name} has no ToUnicode map`);
  const descendants = font.get(PDFName.of('DescendantFonts'));
  const descendant = descendants instanceof PDFArray ? dict(descendants.get(0)) : font;
  const descriptor = dict(descendant?.get(PDFName.of('FontDescriptor')));
  const embedded = descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.get(PDFName.of(key)) instanceof PDFRef);
  if (!embedded) fail('font-embedded', `Font ${name} is not embedded`);
  if (!/^\/?[A-Z]{6}\+/.test(name)) fail('font-subset', `Font ${name} is not a subset (no ABCDEF+ prefix)`);
}

function checkElementRules(elements: StructElementInfo[], fail: (c: string, d: string) => void) {
  let previousHeading = 0;
  let seenHeading = false;
  for (const element of elements) {
    if (!STANDARD_ROLES.has(element.role)) fail('role', `Non-standard role ${element.role} without a role map`);
    const heading = /^H([1-6])$/.exec(element.role);
    if (heading) {
      const level = Number(heading[1]);
      if (!seenHeading && level !== 1) fail('heading-order', `First heading is H${level}, not H1`);
      if (seenHeading && level > previousHeading + 1) fail('heading-order', `H${level} follows H${previousHeading}`);
      previousHeading = level;
      seenHeading = true;
    }
    if (element.role === 'Figure' && !element.alt?.trim()) fail('figure-alt', 'Figure without /Alt');
    if (element.role === 'Note' && !element.id) fail('note-id', 'Note without /ID');
    const childRoles = element.children.map((c) => c.role);
    if (element.role === 'L' && childRoles.some((r) => r !== 'LI' && r !== 'Caption' && r !== 'L')) fail('list', `L contains ${childRoles}`);
    if (element.role === 'LI' && childRoles.some((r) => r !== 'Lbl' && r !== 'LBody')) fail('list', `LI contains ${childRoles}`);
    if (element.role === 'Table' && childRoles.some((r) => !['TR', 'THead', 'TBody', 'TFoot', 'Caption'].includes(r))) fail('table', `Table contains ${childRoles}`);
    if (element.role === 'TR' && childRoles.some((r) => r !== 'TH' && r !== 'TD')) fail('table', `TR contains ${childRoles}`);
    if (element.role === 'Link' && element.annotations.length === 0) fail('link-objr', 'Link element without an OBJR');
  }
}
