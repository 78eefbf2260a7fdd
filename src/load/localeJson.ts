import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

/** A namespace file's strings, with the line each (dot-joined) key is written on. */
export interface LocaleNamespace {
  resources: Record<string, unknown>;
  keyLines: Map<string, number>;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastNewline };
}

const errorMessages: Record<string, string> = {
  PropertyNameExpected: 'expected a quoted key',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon after the key',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected }',
  CloseBracketExpected: 'expected ]',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  InvalidSymbol: 'unexpected character',
};

function collectKeyLines(node: Node | undefined, prefix: string, text: string, into: Map<string, number>): void {
  if (node?.type !== 'object') return;
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined) continue;
    const key = prefix + String(keyNode.value);
    if (valueNode?.type === 'object') collectKeyLines(valueNode, `${key}.`, text, into);
    else into.set(key, lineAndColumn(text, keyNode.offset).line);
  }
}

/**
 * Parses one `locales/<lng>/<ns>.json`. Strict JSON (no comments, no trailing commas);
 * each syntax error is a diagnostic at its line and column.
 */
export function parseLocaleJson(text: string, file: string): { namespace?: LocaleNamespace; diagnostics: Diagnostic[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    // Only the first error: later ones are usually knock-on effects of it.
    return {
      diagnostics: errors.slice(0, 1).map((error) => {
        const code = printParseErrorCode(error.error);
        return diagnostic({
          file,
          ...lineAndColumn(text, error.offset),
          rule: 'json-syntax',
          source: 'load',
          message: `Broken JSON: ${errorMessages[code] ?? code}`,
        });
      }),
    };
  }
  if (tree?.type !== 'object') {
    return {
      diagnostics: [diagnostic({ file, line: 1, column: 1, rule: 'json-syntax', source: 'load', message: 'A locale file must hold a JSON object of strings' })],
    };
  }
  const keyLines = new Map<string, number>();
  collectKeyLines(tree, '', text, keyLines);
  return { namespace: { resources: getNodeValue(tree) as Record<string, unknown>, keyLines }, diagnostics: [] };
}
