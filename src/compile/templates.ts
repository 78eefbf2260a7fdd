import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { DEFAULT_LIMITS, projectLimits, raiseLimitNote } from '../load/limits.ts';
import { diskFiles, readProjectText, type ProjectFiles } from '../load/projectFiles.ts';
import { diagnosticAt, type TemplatePlace } from './templateErrors.ts';
import { templateSyntaxDiagnostic } from './templateSyntaxHints.ts';

export const PARTIALS_DIR = 'templates/partials';

/** Helpers a template may call: ours plus the Handlebars built-ins. */
export const KNOWN_HELPERS = new Set(['t', 'formatDate', 'year', 'if', 'unless', 'each', 'with', 'lookup', 'log']);

export interface PartialTemplate {
  name: string;
  /** Project-relative path, e.g. `templates/partials/contact.hbs`. */
  file: string;
  source: string;
  /** Undefined when the partial does not parse (see the set's diagnostics). */
  ast?: hbs.AST.Program;
}

/** Every partial of a project, read and parsed once. */
export interface TemplateSet {
  partials: Map<string, PartialTemplate>;
  diagnostics: Diagnostic[];
}

/**
 * The deepest nesting of block helpers (`{{#if}}…{{/if}}`) and sub-expressions (`(t "x")`) in a
 * template, found without parsing: Handlebars' compiler walks the tree recursively.
 */
export function templateDepth(source: string): { depth: number; line: number } {
  let blocks = 0;
  let deepest = { depth: 0, line: 1 };
  let line = 1;
  let scanned = 0;
  const lineAt = (index: number) => {
    for (let at = source.indexOf('\n', scanned); at !== -1 && at < index; at = source.indexOf('\n', at + 1)) line += 1;
    scanned = Math.max(scanned, index);
    return line;
  };
  for (let open = source.indexOf('{{'); open !== -1; open = source.indexOf('{{', open + 2)) {
    const comment = source.startsWith('{{!--', open) ? source.indexOf('--}}', open) : source.startsWith('{{!', open) ? source.indexOf('}}', open) : -1;
    if (comment !== -1) {
      open = comment;
      continue;
    }
    const close = source.indexOf('}}', open);
    const inner = source.slice(open + 2, close === -1 ? source.length : close).replace(/^~/, '');
    if (/^[#^][^}\s]/.test(inner)) blocks += 1;
    else if (inner.startsWith('/')) blocks = Math.max(0, blocks - 1);
    let parens = 0;
    let deepestParens = 0;
    for (const char of inner) {
      if (char === '(') deepestParens = Math.max(deepestParens, ++parens);
      else if (char === ')') parens = Math.max(0, parens - 1);
    }
    if (blocks + deepestParens > deepest.depth) deepest = { depth: blocks + deepestParens, line: lineAt(open) };
    if (close === -1) break;
    open = close;
  }
  return deepest;
}

/** Parses with whitespace control applied (what compile would do), or reports the syntax error. */
export function parseTemplate(source: string, place: TemplatePlace, maxDepth = DEFAULT_LIMITS.markdownDepth): { ast?: hbs.AST.Program; diagnostics: Diagnostic[] } {
  const nesting = templateDepth(source);
  if (nesting.depth > maxDepth) {
    return {
      diagnostics: [
        diagnosticAt(place, { line: nesting.line }, {
          rule: 'nesting-limit',
          message: `Template blocks ({{#…}}) and brackets nested ${nesting.depth} deep, over the limit of ${maxDepth}`,
          note: raiseLimitNote('markdownDepth'),
        }),
      ],
    };
  }
  try {
    return { ast: Handlebars.parse(source), diagnostics: [] };
  } catch (error) {
    return { diagnostics: [templateSyntaxDiagnostic(source, error, place)] };
  }
}

/** Reads `templates/partials/*.hbs`; the partial's name is its file name without `.hbs`. */
export function loadTemplates(root: string, files: ProjectFiles = diskFiles): TemplateSet {
  const partials = new Map<string, PartialTemplate>();
  const diagnostics: Diagnostic[] = [];
  // No partials folder: leaflets simply cannot use partials.
  const names = files.listSync(join(root, PARTIALS_DIR), 'file').filter((name) => name.endsWith('.hbs'));
  const limits = projectLimits(root, files);
  for (const name of names) {
    const file = `${PARTIALS_DIR}/${name}`;
    // Inside the project (links followed), within the Markdown size limit, UTF-8.
    const read = readProjectText({ root, absolute: join(root, file), maxBytes: limits.markdownFileSize, limit: 'markdownFileSize', what: 'partial', source: 'compile', files });
    diagnostics.push(...read.diagnostics);
    // An unreadable partial is left out, so every leaflet calling it fails to compile.
    if (read.text === undefined) continue;
    const source = read.text;
    const parsed = parseTemplate(source, { file, firstLine: 1 }, limits.markdownDepth);
    diagnostics.push(...parsed.diagnostics);
    partials.set(name.slice(0, -'.hbs'.length), { name: name.slice(0, -'.hbs'.length), file, source, ...(parsed.ast ? { ast: parsed.ast } : {}) });
  }
  for (const partial of partials.values()) {
    if (partial.ast) diagnostics.push(...checkTemplate(partial.ast, { file: partial.file, firstLine: 1 }, partials));
  }
  return { partials, diagnostics };
}

type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;

/** Walks a template's AST for what compile-time checks and the dependency graph need. */
class TemplateScanner extends Handlebars.Visitor {
  readonly partialCalls: Array<{ name?: string; loc: hbs.AST.SourceLocation }> = [];
  readonly unescaped: hbs.AST.SourceLocation[] = [];
  readonly helperCalls: Array<{ name: string; loc: hbs.AST.SourceLocation }> = [];
  readonly decorators: hbs.AST.SourceLocation[] = [];

  private noteCall(node: Call): void {
    const path = node.path as hbs.AST.PathExpression;
    // `{{#name}}` without arguments is a section over a context value, not a helper call.
    const isCall = node.type === 'SubExpression' || node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (isCall && path.type === 'PathExpression' && !path.data && path.parts.length === 1 && path.original !== 'this') {
      this.helperCalls.push({ name: path.original, loc: node.loc });
    }
  }
  private notePartial(node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement): void {
    const name = node.name.type === 'PathExpression' ? (node.name as hbs.AST.PathExpression).original : undefined;
    this.partialCalls.push({ ...(name === undefined ? {} : { name }), loc: node.loc });
  }

  override MustacheStatement(node: hbs.AST.MustacheStatement): void {
    if (!node.escaped) this.unescaped.push(node.loc);
    this.noteCall(node);
    super.MustacheStatement(node);
  }
  override BlockStatement(node: hbs.AST.BlockStatement): void {
    this.noteCall(node);
    super.BlockStatement(node);
  }
  override SubExpression(node: hbs.AST.SubExpression): void {
    this.noteCall(node);
    super.SubExpression(node);
  }
  override PartialStatement(node: hbs.AST.PartialStatement): void {
    this.notePartial(node);
    super.PartialStatement(node);
  }
  override PartialBlockStatement(node: hbs.AST.PartialBlockStatement): void {
    this.notePartial(node);
    super.PartialBlockStatement(node);
  }
  override Decorator(node: hbs.AST.Decorator): void {
    this.decorators.push(node.loc);
  }
  override DecoratorBlock(node: hbs.AST.DecoratorBlock): void {
    this.decorators.push(node.loc);
  }
}

function scan(ast: hbs.AST.Program): TemplateScanner {
  const scanner = new TemplateScanner();
  scanner.accept(ast);
  return scanner;
}

const at = (loc: hbs.AST.SourceLocation) => ({ line: loc.start.line, column: loc.start.column });

/**
 * Problems visible without running the template: `{{{raw}}}` output (it would bypass
 * Markdown escaping), unknown helpers, unknown or computed partial names, decorators.
 */
export function checkTemplate(ast: hbs.AST.Program, place: TemplatePlace, partials: ReadonlyMap<string, PartialTemplate>): Diagnostic[] {
  const found = scan(ast);
  const problems: Diagnostic[] = [];
  for (const loc of found.unescaped) {
    problems.push(diagnosticAt(place, at(loc), {
      rule: 'unescaped-value',
      message: 'Unescaped output ({{{…}}} or {{&…}}) is not allowed',
      note: 'Use {{…}}: values are escaped for Markdown. Put Markdown structure in the template or a partial.',
    }));
  }
  for (const call of found.helperCalls) {
    if (!KNOWN_HELPERS.has(call.name)) {
      problems.push(diagnosticAt(place, at(call.loc), {
        rule: 'unknown-helper',
        message: `Unknown helper "${call.name}"`,
        note: `Helpers: ${[...KNOWN_HELPERS].join(', ')}.`,
      }));
    }
  }
  for (const call of found.partialCalls) {
    if (call.name === undefined) {
      problems.push(diagnosticAt(place, at(call.loc), { rule: 'unknown-partial', message: 'Partial names must be written out, not computed' }));
    } else if (!partials.has(call.name)) {
      problems.push(diagnosticAt(place, at(call.loc), {
        rule: 'unknown-partial',
        message: `Unknown partial "${call.name}"`,
        note: `Partials are the .hbs files in ${PARTIALS_DIR}: ${[...partials.keys()].join(', ') || 'none'}.`,
      }));
    }
  }
  for (const loc of found.decorators) {
    problems.push(diagnosticAt(place, at(loc), { rule: 'unsupported-template', message: 'Decorators are not supported' }));
  }
  return problems;
}

/**
 * Names of the partials a leaflet body uses, directly or through other partials, sorted.
 * For the watch graph: a change to one of these partials rebuilds the leaflet.
 * A body that does not parse uses none (its compile reports the error).
 */
export function partialsUsedBy(body: string, templates: TemplateSet): string[] {
  const used = new Set<string>();
  const visit = (ast: hbs.AST.Program | undefined): void => {
    if (ast === undefined) return;
    for (const call of scan(ast).partialCalls) {
      if (call.name === undefined || used.has(call.name)) continue;
      used.add(call.name);
      visit(templates.partials.get(call.name)?.ast);
    }
  };
  visit(parseTemplate(body, { file: '', firstLine: 1 }).ast);
  return [...used].sort();
}
