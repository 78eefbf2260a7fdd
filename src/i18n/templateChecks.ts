import Handlebars from 'handlebars';
import type { TemplatePlace } from '../compile/templateErrors.ts';
import { parseTemplate } from '../compile/templates.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LeafletSource } from '../load/content.ts';

/** One Handlebars expression of a leaflet body, printed in a canonical form, with its place. */
interface Expression {
  text: string;
  line: number;
  column: number;
}

type Param = hbs.AST.Expression;

function printParam(node: Param): string {
  switch (node.type) {
    case 'StringLiteral':
      return JSON.stringify((node as hbs.AST.StringLiteral).value);
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return String((node as hbs.AST.NumberLiteral).value);
    case 'SubExpression': {
      const sub = node as hbs.AST.SubExpression;
      return `(${printCall(sub.path, sub.params, sub.hash)})`;
    }
    case 'PathExpression':
      return (node as hbs.AST.PathExpression).original;
    default:
      return node.type;
  }
}

function printCall(path: Param, params: Param[], hash: hbs.AST.Hash | undefined): string {
  const pairs = [...(hash?.pairs ?? [])].sort((a, b) => a.key.localeCompare(b.key)).map((pair) => `${pair.key}=${printParam(pair.value)}`);
  return [printParam(path), ...params.map(printParam), ...pairs].join(' ');
}

/** Collects every mustache, block opening and partial call, in document order. */
class ExpressionCollector extends Handlebars.Visitor {
  readonly found: Expression[] = [];
  private add(text: string, loc: hbs.AST.SourceLocation): void {
    this.found.push({ text, line: loc.start.line, column: loc.start.column });
  }
  override MustacheStatement(node: hbs.AST.MustacheStatement): void {
    this.add(`{{${printCall(node.path, node.params, node.hash)}}}`, node.loc);
    super.MustacheStatement(node);
  }
  override BlockStatement(node: hbs.AST.BlockStatement): void {
    this.add(`{{#${printCall(node.path, node.params, node.hash)}}}`, node.loc);
    super.BlockStatement(node);
  }
  override PartialStatement(node: hbs.AST.PartialStatement): void {
    this.add(`{{> ${printCall(node.name, node.params, node.hash)}}}`, node.loc);
    super.PartialStatement(node);
  }
}

function expressionsOf(ast: hbs.AST.Program): Expression[] {
  const collector = new ExpressionCollector();
  collector.accept(ast);
  return collector.found;
}

/**
 * The Handlebars expressions in a translated leaflet (`{{t "key"}}`, `{{> partial}}`,
 * `{{leaflet.title}}`, blocks) are the English source's, one for one: a translator translates
 * the words around them, never the expressions.
 */
export function templateExpressionDiagnostics(translated: LeafletSource, english: LeafletSource): Diagnostic[] {
  const place: TemplatePlace = { file: translated.file, firstLine: translated.bodyStartLine };
  const target = parseTemplate(translated.body, place);
  if (!target.ast) return target.diagnostics;
  const source = parseTemplate(english.body, { file: english.file, firstLine: english.bodyStartLine });
  if (!source.ast) return [];
  const targetExpressions = expressionsOf(target.ast);
  const sourceExpressions = expressionsOf(source.ast);
  const problems: Diagnostic[] = [];
  const unmatched = [...targetExpressions];
  for (const expected of sourceExpressions) {
    const index = unmatched.findIndex((found) => found.text === expected.text);
    if (index !== -1) {
      unmatched.splice(index, 1);
      continue;
    }
    problems.push(diagnostic({
      file: translated.file,
      line: translated.bodyStartLine,
      column: 1,
      rule: 'template-mismatch',
      source: 'i18n',
      message: `The translation lacks ${expected.text}, which the English has`,
      note: `English: ${english.file}:${english.bodyStartLine + expected.line - 1}. Copy the expression exactly; translate only the words around it.`,
    }));
  }
  for (const extra of unmatched) {
    problems.push(diagnostic({
      file: translated.file,
      line: translated.bodyStartLine + extra.line - 1,
      column: extra.column + 1,
      rule: 'template-mismatch',
      source: 'i18n',
      message: `${extra.text} is not in the English source`,
      note: 'Expressions must match the English exactly (keys, partial names and variables are not translated).',
    }));
  }
  return problems;
}
