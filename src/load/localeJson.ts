import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { DEFAULT_LIMITS, raiseLimitNote, type Limits } from './limits.ts';
import { LineIndex } from './lineIndex.ts';
import { bracketDepth } from './nestingDepth.ts';

/** A namespace file's strings, with the line each (dot-joined) key is written on. */
export interface LocaleNamespace {
  resources: Record<string, unknown>;
  keyLines: Map<string, number>;
  /** Keys whose value is a group of keys (an object), with their lines. */
  groupLines: Map<string, number>;
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

const VALUE_KINDS: Record<string, string> = { number: 'a number', boolean: 'true or false', null: 'null', array: 'a list' };

interface KeyWalk {
  lines: LineIndex;
  file: string;
  keyLines: Map<string, number>;
  groupLines: Map<string, number>;
  problems: Diagnostic[];
}

function collectKeyLines(node: Node | undefined, prefix: string, walk: KeyWalk): void {
  if (node?.type !== 'object') return;
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined) continue;
    const key = prefix + String(keyNode.value);
    const place = walk.lines.locate(keyNode.offset);
    if (keyNode.value === '__proto__') {
      walk.problems.push(diagnostic({ file: walk.file, ...place, rule: 'locale-value', source: 'load', message: `"${key}" is a name JavaScript reserves; use another key` }));
      continue;
    }
    if (valueNode?.type === 'object') {
      walk.groupLines.set(key, place.line);
      collectKeyLines(valueNode, `${key}.`, walk);
      continue;
    }
    walk.keyLines.set(key, place.line);
    if (valueNode !== undefined && valueNode.type !== 'string') {
      walk.problems.push(
        diagnostic({
          file: walk.file,
          ...place,
          rule: 'locale-value',
          source: 'load',
          message: `"${key}" is ${VALUE_KINDS[valueNode.type] ?? valueNode.type}, but every value must be text in quotes`,
          note: valueNode.type === 'array' ? 'Give each item its own key.' : `Write it in quotes, e.g. "${key.split('.').pop()}": "${String(getNodeValue(valueNode))}".`,
        }),
      );
    }
  }
}

/**
 * Parses one `locales/<lng>/<ns>.json`. Strict JSON (no comments, no trailing commas);
 * each syntax error is a diagnostic at its line and column. Nesting deeper than the limit is
 * refused before parsing; values must be strings (a number or list would print as-is or as
 * i18next's "returned an object" message).
 */
export function parseLocaleJson(text: string, file: string, limits: Pick<Limits, 'jsonDepth'> = DEFAULT_LIMITS): { namespace?: LocaleNamespace; diagnostics: Diagnostic[] } {
  const lines = new LineIndex(text);
  const nesting = bracketDepth(text, 'json');
  if (nesting.depth > limits.jsonDepth) {
    return {
      diagnostics: [
        diagnostic({
          file,
          ...lines.locate(nesting.offset),
          rule: 'nesting-limit',
          source: 'load',
          message: `JSON is nested ${nesting.depth} levels deep, over the limit of ${limits.jsonDepth}`,
          note: `Group keys at most a few levels deep. ${raiseLimitNote('jsonDepth')}`,
        }),
      ],
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    // Only the first error: later ones are usually knock-on effects of it.
    return {
      diagnostics: errors.slice(0, 1).map((error) => {
        const code = printParseErrorCode(error.error);
        return diagnostic({
          file,
          ...lines.locate(error.offset),
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
  const walk: KeyWalk = { lines, file, keyLines: new Map(), groupLines: new Map(), problems: [] };
  collectKeyLines(tree, '', walk);
  return {
    namespace: { resources: getNodeValue(tree) as Record<string, unknown>, keyLines: walk.keyLines, groupLines: walk.groupLines },
    diagnostics: walk.problems,
  };
}
