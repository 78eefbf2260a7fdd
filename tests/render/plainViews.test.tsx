import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Text, View } from '@react-pdf/renderer';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { ComponentProps, ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { semantic } from '../../src/render/semantics.ts';
import { tokenizeContent } from '../support/contentStream.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { taggedA5Page } from '../support/taggedPage.tsx';

/** The page's content stream, read back with pdf-lib, as its operators. */
async function drawnOperators(children: ReactNode): Promise<{ operators: string[]; pdf: PDFDocument }> {
  const pdf = await PDFDocument.load(await taggedA5Page(children));
  const contents = pdf.getPage(0).node.Contents();
  if (!(contents instanceof PDFRawStream)) throw new Error('expected one content stream');
  const text = Buffer.from(decodePDFRawStream(contents).decode()).toString('latin1');
  return { operators: tokenizeContent(text).map((each) => each.operator), pdf };
}

const paragraph = (
  <Text style={{ fontFamily: 'Body' }} {...semantic({ role: 'P', key: 'p1' })}>
    A paragraph
  </Text>
);
const wrapped = (depth: number, style: ComponentProps<typeof View>['style'] = {}, props: Record<string, unknown> = {}): ReactNode =>
  depth === 0 ? paragraph : (
    <View style={style} {...props}>
      {wrapped(depth - 1, style, props)}
    </View>
  );
const count = (operators: string[], operator: string) => operators.filter((op) => op === operator).length;

describe('plain views', () => {
  it('add only the save and restore around their children: upstream is not asked to draw them', async () => {
    const alone = await drawnOperators(paragraph);
    const inFive = await drawnOperators(wrapped(5));
    // Drawn by upstream as well, each would add two more saves and restores of its own.
    expect(inFive.operators.length - alone.operators.length).toBe(5 * 2);
    expect(count(inFive.operators, 'q') - count(alone.operators, 'q')).toBe(5);
    expect(inFive.operators.filter((op) => op !== 'q' && op !== 'Q')).toEqual(alone.operators.filter((op) => op !== 'q' && op !== 'Q'));
  });

  it('are drawn when they have something of their own: a background, a border, a named destination', async () => {
    const background = await drawnOperators(wrapped(1, { backgroundColor: '#eeeeee' }));
    expect(background.operators).toContain('re');
    expect(background.operators).toContain('f');
    const border = await drawnOperators(wrapped(1, { borderTopWidth: 2, borderTopColor: '#000000' }));
    expect(border.operators).toContain('S');
    const destination = await drawnOperators(wrapped(1, {}, { id: 'here' }));
    const names = destination.pdf.catalog.lookup(PDFName.of('Names'));
    expect(String(names)).toContain('here');
  });

  it("rely on upstream's renderNode drawing a view only through the steps the pass checks", () => {
    const render = readFileSync(path.join(PROJECT_ROOT, 'node_modules/@react-pdf/render/lib/index.js'), 'utf8');
    const renderNode = render.slice(render.indexOf('const renderNode = (ctx, node, options) => {'), render.indexOf('const addNodeBookmark'));
    for (const step of ['if (overflowHidden)', 'applyTransformations(ctx, node);', 'renderBackground(ctx, node);', 'renderBorders(ctx, node);', 'const renderFn = renderFns[node.type];', 'renderChildren(ctx, node, options);', 'setDestination(ctx, node);', 'renderDebug(ctx, node);']) {
      expect(renderNode, step).toContain(step);
    }
    // Its own parameters and ten calls: page, clip, transform, background, borders, type, children, clean-up, destination, debug.
    expect(renderNode.match(/\(ctx, node[,)]/g)?.length, 'a new step in renderNode').toBe(11);
    expect(render).not.toMatch(/\[P\.View\]:/);
  });
});
