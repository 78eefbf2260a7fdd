import type { Link, PhrasingContent, Text } from 'mdast';
import { linkProblem } from '../load/linkPolicy.ts';
import { findCitations } from './citations.ts';
import type { Inline } from './model.ts';
import type { MarkdownContext } from './markdownContext.ts';
import { resolveImage } from './markdownImages.ts';

/** Soft line breaks inside a paragraph print as spaces. */
const text = (value: string): Inline => ({ type: 'text', value: value.replace(/[ \t]*\r?\n[ \t]*/g, ' ') });

const stripTags = (html: string): string => html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '');

/** Joins neighbouring text runs so renderers and tests see one run per stretch of plain text. */
function mergeText(inlines: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const inline of inlines) {
    const last = merged.at(-1);
    if (inline.type === 'text' && last?.type === 'text') last.value += inline.value;
    else if (inline.type !== 'text' || inline.value !== '') merged.push(inline);
  }
  return merged;
}

export function convertInlines(nodes: readonly PhrasingContent[], context: MarkdownContext): Inline[] {
  return mergeText(nodes.flatMap((node) => convertInline(node, context)));
}

/** A text node, split around the `[@key]` citations the author wrote in it. */
function textWithCitations(node: Text, context: MarkdownContext): Inline[] {
  const citations = findCitations(node.value, context.citations, (key, position) => context.cite(key, position), (line) => context.fileLine(line));
  if (citations.length === 0) return [text(node.value)];
  const inlines: Inline[] = [];
  let last = 0;
  for (const citation of citations) {
    inlines.push(text(node.value.slice(last, citation.index)));
    if (citation.sources.length > 0) {
      inlines.push({ type: 'citation', sources: citation.sources, ...(citation.position ? { position: citation.position } : {}) });
    }
    last = citation.index + citation.length;
  }
  inlines.push(text(node.value.slice(last)));
  return inlines;
}

/**
 * One mdast phrasing node to model inlines. What the model cannot show is reported as a
 * warning and its text is kept, so no words are lost from a leaflet.
 */
function convertInline(node: PhrasingContent, context: MarkdownContext): Inline[] {
  switch (node.type) {
    case 'text':
      return textWithCitations(node, context);
    case 'emphasis':
      return [{ type: 'emphasis', children: convertInlines(node.children, context) }];
    case 'strong':
      return [{ type: 'strong', children: convertInlines(node.children, context) }];
    case 'inlineCode':
      return [{ type: 'code', value: context.restore(node.value) }];
    case 'break':
      return [{ type: 'break' }];
    case 'link': {
      // A link without a position was made by GFM's autolink-literal pass over text after
      // escapes were resolved, i.e. from a templated value (`https\:\/\/…`): values stay text.
      // Bare URLs the author wrote are found by the tokenizer and keep their position.
      if (node.position === undefined) return convertInlines(node.children, context);
      return convertLink(node, context);
    }
    case 'delete':
      context.report(node, 'warning', 'unsupported-markdown', 'Strikethrough is not supported; the text is kept without it');
      return convertInlines(node.children, context);
    case 'html': {
      const kept = stripTags(context.restore(node.value));
      context.report(node, 'warning', 'raw-html', 'Raw HTML is not supported; its tags are removed and its text kept');
      return kept === '' ? [] : [text(kept)];
    }
    case 'image':
      resolveImage(node, context);
      context.report(node, 'warning', 'inline-image', 'Images inside text are not supported; the alt text is printed instead', 'Put the image in a paragraph of its own.');
      return [text(context.restore(node.alt ?? ''))];
    case 'linkReference':
      context.report(node, 'warning', 'unsupported-markdown', 'Reference-style links are not supported; the link text is kept', 'Write the link as [text](url).');
      return convertInlines(node.children, context);
    case 'imageReference':
      context.report(node, 'warning', 'unsupported-markdown', 'Reference-style images are not supported; the alt text is kept');
      return [text(context.restore(node.alt ?? ''))];
    case 'footnoteReference':
      context.report(node, 'warning', 'unsupported-markdown', 'Footnotes are not supported; the reference is kept as text');
      return [text(`[${node.label ?? node.identifier}]`)];
    default:
      context.report(node, 'warning', 'unsupported-markdown', `Unsupported Markdown (${(node as { type: string }).type}) was left out`);
      return [];
  }
}

const isBlank = (inlines: readonly Inline[]): boolean =>
  inlines.every((inline) => (inline.type === 'text' || inline.type === 'code' ? inline.value.trim() === '' : 'children' in inline ? isBlank(inline.children) : true));

/**
 * A link becomes a link annotation only when its target is allowed (https, http, mailto, tel or
 * an #anchor; see linkPolicy.ts) and it has words a reader can see and a screen reader can say.
 */
function convertLink(node: Link, context: MarkdownContext): Inline[] {
  const url = context.restore(node.url);
  const children = mergeText(
    convertInlines(node.children, context).map((child) => {
      if (child.type !== 'citation') return child;
      context.report(node, 'warning', 'citation-in-link', 'A citation inside link text cannot link to the source list; it is printed as plain text', 'Put the citation after the link.');
      return text(`[${child.sources.map((source) => source.number).join(', ')}]`);
    }),
  );
  const problem = linkProblem(url);
  if (problem) {
    context.report(node, 'error', 'link-scheme', problem, 'Link to a web page (https://...), an e-mail address (mailto:...) or a phone number (tel:...).');
    return children;
  }
  if (isBlank(children)) {
    context.report(node, 'error', 'empty-link', 'Link has no text', 'Write the words a reader sees between the brackets: [Alopecia UK website](https://...).');
    return [];
  }
  const position = context.positionOf(node);
  return [{ type: 'link', url, children, ...(position ? { position } : {}) }];
}
