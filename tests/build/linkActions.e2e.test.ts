import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../fixtures/tempProject.ts';
import { runCli } from '../support/projectCopy.ts';
import { sharedBuild } from '../support/sharedBuild.ts';
import { isAllowedAction, outwardActions } from '../support/linkActions.ts';

const pdfsUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.pdf'))
    .map((file) => path.join(folder, file));

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.match(from)) throw new Error(`${file} has no ${String(from)}`);
  writeFileSync(file, text.replace(from, to));
}

describe('no PDF the project builds can send a reader anywhere but https, http, mailto or tel', () => {
  let project: string;
  let fixture: string;
  beforeAll(async () => {
    const built = await sharedBuild();
    expect(built.code, built.stdout).toBe(0);
    project = built.root;
    // The test fixture project, built as a project of its own once its deliberate lint errors
    // (a low-contrast accent colour, level-1 body headings, Welsh plural forms missing) are put right.
    fixture = tempProject({});
    edit(path.join(fixture, 'locales/cy/common.json'), '"pages_one"', '"pages_zero": "{{count}} tudalen",\n  "pages_two": "{{count}} dudalen",\n  "pages_few": "{{count}} tudalen",\n  "pages_many": "{{count}} tudalen",\n  "pages_one"');
    edit(path.join(fixture, 'templates/brand.yaml'), "accent: '#f2a900'", "accent: '#1d4f91'");
    for (const locale of ['en-GB', 'cy']) edit(path.join(fixture, `content/${locale}/example.md`), /^# /m, '## ');
    const fixtureBuild = await runCli(['--root', fixture, 'build']);
    expect(fixtureBuild.code, fixtureBuild.stdout).toBe(0);
  }, 900_000);

  it('every edition of every leaflet in every language, and the fixture project, read with pdf-lib', async () => {
    const files = [...pdfsUnder(path.join(project, 'output')), ...pdfsUnder(path.join(fixture, 'output'))];
    expect(files.length).toBeGreaterThanOrEqual(40 + 10);
    let links = 0;
    for (const file of files) {
      const actions = await outwardActions(readFileSync(file));
      links += actions.length;
      expect(actions.filter((action) => !isAllowedAction(action)), file).toEqual([]);
    }
    // The leaflets do link out (sources, the charity's website, the QR code's address).
    expect(links).toBeGreaterThan(40);
  });

  it('the check finds a javascript: URI or a Launch action when one is there', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    const link = (action: { S: string; URI?: PDFString; F?: PDFString }) =>
      pdf.context.register(pdf.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], A: pdf.context.obj(action) }));
    page.node.set(PDFName.of('Annots'), pdf.context.obj([
      link({ S: 'URI', URI: PDFString.of('JaVaScRiPt:alert(1)') }),
      link({ S: 'Launch', F: PDFString.of('calc.exe') }),
      link({ S: 'URI', URI: PDFString.of('https://example.org') }),
    ]));
    const actions = await outwardActions(await pdf.save());
    expect(actions.map((action) => [action.type, isAllowedAction(action)])).toEqual([['URI', false], ['Launch', false], ['URI', true]]);
  });
});
