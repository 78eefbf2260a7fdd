import { Document, Page, Text, View } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { promoteStrict } from '../../src/build/selection.ts';
import type { CalloutBlock, ParagraphBlock, TableBlock } from '../../src/compile/model.ts';
import { Blocks } from '../../src/render/components/Blocks.tsx';
import { checkLayout } from '../../src/render/layoutCheck/checkLayout.ts';
import { semantic } from '../../src/render/semantics.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { EDITIONS } from '../../src/render/editions.ts';
import { layoutElement } from '../../src/render/layoutTree.ts';
import { heading, leafletOf, para, paginatedByReactPdf, stylesFor, table, words } from '../support/layoutFixtures.tsx';
import { projectBrand } from '../support/sampleLeaflet.ts';

/**
 * Each defect, made the way react-pdf paginates by itself (what the leaflets did before
 * src/render/pagination), must be reported by the layout check with the Markdown line of the
 * block at fault and the page number. tests/render/pagination.test.ts shows the new pagination
 * avoids each one, reading the PDFs.
 */
describe('layout check on react-pdf’s own pagination', () => {
  const textHeight = (styles: { page: { paddingTop: number; paddingBottom: number } }) =>
    EDITIONS.a5.pageSize.height - styles.page.paddingTop - styles.page.paddingBottom;

  it('reports an empty callout box at the foot of a page (its text starts on the next)', async () => {
    const box: CalloutBlock = {
      type: 'callout',
      key: 'b9',
      position: { line: 31, column: 1 },
      children: [{ type: 'paragraph', key: 'b10', children: [{ type: 'strong', children: [{ type: 'text', value: 'Not a cure.' }] }, { type: 'text', value: ` ${words(40)}` }] }],
    };
    const leaflet = leafletOf([box]);
    const layout = await paginatedByReactPdf('a5', (styles) => {
      // Room below the spacer for the box's top padding and one and a half lines: react-pdf
      // keeps two lines of a paragraph together, so it moves the text and leaves the box.
      const room = styles.callout.marginVertical + styles.callout.paddingVertical + styles.paragraph.fontSize * styles.paragraph.lineHeight * 1.5;
      return (
        <>
          <View style={{ height: textHeight(styles) - room }} />
          <Blocks blocks={[box]} context={{ styles, width: 300, measure: () => 0, hyphenate: (word) => [word] }} />
        </>
      );
    });
    const diagnostics = checkLayout(layout, { leaflet, edition: 'a5' });
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'layout-empty-box', severity: 'error', file: leaflet.sourceFile, line: box.position!.line, message: expect.stringMatching(/^a5 page 1: an empty callout box/) }),
    );
  });

  it('reports a Welsh table header wider than its cell (equal columns, no hyphenation)', async () => {
    const welsh = table('b4', ['Meddyginiaeth', 'Enw brand', 'I bwy', "Sut i'w chymryd"], [['Ritlecitinib', 'Litfulo', '12 oed a hŷn', 'Un capsiwl unwaith y dydd']]) as TableBlock;
    const leaflet = leafletOf([welsh], { locale: 'cy' });
    const layout = await paginatedByReactPdf('large-print', (styles) => (
      // The table as it was laid out before: four equal columns.
      <View style={styles.table} {...semantic({ role: 'Table', key: welsh.key })}>
        <View style={styles.tableRow} {...semantic({ role: 'TR', key: welsh.headerKey })}>
          {welsh.header.map((cell) => (
            <View key={cell.key} style={{ ...styles.tableHeaderCell, flex: 1 }} {...semantic({ role: 'TH', key: cell.key })}>
              <Text style={styles.tableHeaderText}>{cell.children.map((inline) => ('value' in inline ? inline.value : '')).join('')}</Text>
            </View>
          ))}
        </View>
      </View>
    ));
    const diagnostics = checkLayout(layout, { leaflet, edition: 'large-print' });
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'layout-clipped',
        severity: 'error',
        line: welsh.position!.line,
        message: expect.stringMatching(/^large-print page 1: text “Meddyginiaeth” is [\d.]+ pt wider than its table cell$/),
      }),
    );
  });

  it('reports a page without running header and footer when a long cover runs over', async () => {
    const title = 'Inhibitory JAK w leczeniu ciężkiego łysienia plackowatego u dorosłych i młodzieży';
    const summary = 'Czym są leki z grupy inhibitorów JAK, kto może je otrzymać w ramach NHS, jak dobrze działają i o czym warto pomyśleć przed rozpoczęciem leczenia. '.repeat(6);
    const leaflet = leafletOf([para('b1', 'Body.')], { locale: 'pl', frontMatter: { ...leafletOf([]).frontMatter, title, summary } });
    const brand = await projectBrand();
    const styles = await stylesFor('a5');
    const { pageSize } = EDITIONS.a5;
    // The cover as it was: text at its design sizes on a page react-pdf may break, so the
    // overflow lands on a page of its own, with no running header or footer.
    const layout = await layoutElement(
      <Document>
        <Page size={[pageSize.width, pageSize.height]} style={styles.coverPage}>
          <View style={styles.coverBand}>
            <Text style={styles.strapline} {...semantic({ role: 'P', key: 'cover-strapline' })}>{brand.charityName}</Text>
          </View>
          <View style={styles.coverBody}>
            <Text style={styles.title} {...semantic({ role: 'H1', key: 'cover-title' })}>{title}</Text>
            <Text style={styles.coverText} {...semantic({ role: 'P', key: 'cover-summary' })}>{summary}</Text>
            <Text style={styles.coverText} {...semantic({ role: 'P', key: 'cover-language' })}>Język: Polski</Text>
          </View>
        </Page>
      </Document>,
      createFontStore(brand),
    );
    expect(layout.children!.length).toBeGreaterThan(1);
    const diagnostics = checkLayout(layout, { leaflet, edition: 'a5' });
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'layout-no-furniture', severity: 'error', message: expect.stringMatching(/^a5 page 2: page has no running header and footer/) }),
    );
  });

  it('warns of a stranded page (two lines run onto a page of their own), an error under --strict', async () => {
    const last = para('b2', words(150)) as ParagraphBlock;
    const leaflet = leafletOf([last]);
    const blocks = (styles: Parameters<Parameters<typeof paginatedByReactPdf>[1]>[0]) => (
      <Blocks blocks={[last]} context={{ styles, width: 300, measure: () => 0, hyphenate: (word) => [word] }} />
    );
    const alone = await paginatedByReactPdf('a5', blocks);
    const lines = (alone.children![0]!.children!.find((node) => node.type === 'TEXT')!.lines ?? []).length;
    expect(lines).toBeGreaterThan(8);
    // Room for all but the paragraph's last two lines.
    const layout = await paginatedByReactPdf('a5', (styles) => {
      const lineHeight = styles.paragraph.fontSize * styles.paragraph.lineHeight;
      return (
        <>
          <View style={{ height: textHeight(styles) - (lines - 2) * lineHeight - 1 }} />
          {blocks(styles)}
        </>
      );
    });
    const diagnostics = checkLayout(layout, { leaflet, edition: 'a5' });
    const stranded = diagnostics.filter((d) => d.rule === 'layout-stranded-page');
    expect(stranded).toEqual([expect.objectContaining({ severity: 'warning', line: last.position!.line, message: 'a5 page 2: page holds only 2 lines of text' })]);
    expect(promoteStrict(stranded, true)[0]!.severity).toBe('error');
  });

  it('warns of a heading left at the foot of a page and a paragraph line left alone', async () => {
    const title = heading('b3', 'Blood tests');
    const body = para('b5', words(50));
    const leaflet = leafletOf([title, body]);
    const layout = await paginatedByReactPdf('a5', (styles) => {
      const lineHeight = styles.paragraph.fontSize * styles.paragraph.lineHeight;
      const headingHeight = styles.h2.fontSize * styles.h2.lineHeight + styles.h2.marginTop + styles.h2.marginBottom;
      // Room for the heading and one line of its paragraph: react-pdf (orphans 1 here) splits there.
      return (
        <>
          <View style={{ height: textHeight(styles) - headingHeight - lineHeight - 1 }} />
          <Text style={styles.h2} {...semantic({ role: 'H2', key: 'b3' })}>
            Blood tests
          </Text>
          <Text style={styles.paragraph} orphans={1} {...semantic({ role: 'P', key: 'b5' })}>
            {words(50)}
          </Text>
        </>
      );
    });
    const diagnostics = checkLayout(layout, { leaflet, edition: 'a5' });
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'layout-orphan-line', line: body.position!.line, message: 'a5 page 1: a paragraph leaves a single line at the foot of the page' }));

    const stranded = await paginatedByReactPdf('a5', (styles) => {
      const headingHeight = styles.h2.fontSize * styles.h2.lineHeight + styles.h2.marginTop + styles.h2.marginBottom;
      return (
        <>
          <View style={{ height: textHeight(styles) - headingHeight - 2 }} />
          <Text style={styles.h2} {...semantic({ role: 'H2', key: 'b3' })}>
            Blood tests
          </Text>
          <Text style={styles.paragraph} {...semantic({ role: 'P', key: 'b5' })}>
            {words(50)}
          </Text>
        </>
      );
    });
    expect(checkLayout(stranded, { leaflet, edition: 'a5' })).toContainEqual(
      expect.objectContaining({ rule: 'layout-heading-at-foot', line: title.position!.line, message: 'a5 page 1: heading “Blood tests” is the last thing on the page; its text starts on the next' }),
    );
  });
});
