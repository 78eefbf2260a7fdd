import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { raiseLimitNote, type Limits } from './limits.ts';
import { LineIndex } from './lineIndex.ts';
import { bracketDepth } from './nestingDepth.ts';
import { yamlErrorHint } from './yamlHints.ts';

/** A YAML text parsed with positions, and where its first line sits in the real file. */
export interface PositionedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Added to YAML line numbers to get file lines (0 when the YAML is the whole file). */
  lineOffset: number;
}

export interface YamlReportContext {
  /** Project-relative file name for diagnostics. */
  file: string;
  source: string;
  /** Rule id for schema problems, e.g. `front-matter` or `brand`. */
  rule: string;
}

/**
 * YAML whose flow collections (`[…]`, `{…}`) nest deeper than the limit: refused before parsing,
 * because the parser is recursive and thousands of levels would exhaust its stack.
 */
export function yamlNestingDiagnostics(text: string, context: YamlReportContext, limits: Pick<Limits, 'jsonDepth'>, lineOffset = 0): Diagnostic[] {
  const nesting = bracketDepth(text, 'yaml');
  if (nesting.depth <= limits.jsonDepth) return [];
  const { line, column } = new LineIndex(text).locate(nesting.offset);
  return [
    diagnostic({
      file: context.file,
      line: line + lineOffset,
      column,
      rule: 'nesting-limit',
      source: context.source,
      message: `YAML is nested ${nesting.depth} levels deep, over the limit of ${limits.jsonDepth}`,
      note: raiseLimitNote('jsonDepth'),
    }),
  ];
}

/**
 * The YAML as plain data, with aliases expanded at most `limits.yamlAliases` times (the yaml
 * package's maxAliasCount): a few lines of nested aliases (a "billion laughs") would otherwise
 * expand to gigabytes.
 */
export function yamlToJs(yaml: PositionedYaml, context: YamlReportContext, limits: Pick<Limits, 'yamlAliases'>): { value: unknown; diagnostics: [] } | { value?: undefined; diagnostics: Diagnostic[] } {
  try {
    return { value: yaml.doc.toJS({ maxAliasCount: limits.yamlAliases }), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const contents = yaml.doc.contents;
    return {
      diagnostics: [
        diagnostic({
          file: context.file,
          ...(contents?.range ? placeOfOffset(yaml, contents.range[0]) : {}),
          rule: 'yaml-aliases',
          source: context.source,
          message: /alias/i.test(error.message)
            ? `YAML aliases (*name) expand to more than ${limits.yamlAliases} copies`
            : `YAML cannot be read: ${error.message}`,
          note: `Write the values out instead of repeating them with & and *. ${raiseLimitNote('yamlAliases')}`,
        }),
      ],
    };
  }
}

export function parsePositionedYaml(text: string, lineOffset = 0): PositionedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return { doc, lineCounter, lineOffset };
}

function placeOfOffset(yaml: PositionedYaml, offset: number): { line: number; column: number } {
  const { line, col } = yaml.lineCounter.linePos(offset);
  return { line: line + yaml.lineOffset, column: col };
}

/** Syntax errors in the YAML itself, each at its real file line. */
export function yamlSyntaxDiagnostics(yaml: PositionedYaml, context: YamlReportContext): Diagnostic[] {
  return yaml.doc.errors.map((error) => {
    const message = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
    const hint = yamlErrorHint(error.code);
    return diagnostic({
      ...(hint === undefined ? {} : { note: hint }),
      file: context.file,
      ...placeOfOffset(yaml, error.pos[0]),
      rule: 'yaml-syntax',
      source: context.source,
      message: `Broken YAML: ${message}`,
    });
  });
}

/**
 * Where a value at `path` is written. Falls back to the nearest ancestor that exists
 * (a missing field is reported at the mapping that should hold it).
 */
export function placeOfPath(
  yaml: PositionedYaml,
  path: readonly PropertyKey[],
  options: { key?: string } = {},
): { line: number; column: number } | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = yaml.doc.getIn(path.slice(0, depth) as unknown[], true);
    if (options.key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === options.key);
      const keyNode = pair && isPair(pair) && isScalar(pair.key) ? pair.key : undefined;
      if (keyNode?.range) return placeOfOffset(yaml, keyNode.range[0]);
    }
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return placeOfOffset(yaml, range[0]);
  }
  const contents = yaml.doc.contents;
  return contents?.range ? placeOfOffset(yaml, contents.range[0]) : undefined;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue, present: boolean): string {
  const field = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${key}"`).join(', ');
    return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${names}${field ? ` in ${field}` : ''}`;
  }
  if (issue.code === 'invalid_type' && !present) return `Missing required field "${field}"`;
  return field ? `Field "${field}": ${issue.message}` : issue.message;
}

/** One diagnostic per zod issue, placed at the offending YAML node. */
export function zodIssueDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  yaml: PositionedYaml,
  context: YamlReportContext,
): Diagnostic[] {
  return issues.map((issue) => {
    const present = yaml.doc.hasIn(issue.path as unknown[]);
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    return diagnostic({
      file: context.file,
      ...placeOfPath(yaml, issue.path, key === undefined ? {} : { key }),
      rule: context.rule,
      source: context.source,
      message: describeIssue(issue, present),
    });
  });
}
