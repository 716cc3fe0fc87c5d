import { isMap, parseAllDocuments, stringify } from 'yaml';

/** A place in the text, 1-based like an editor shows it. */
export interface YamlPosition {
  line: number;
  column: number;
}

export interface YamlProblem {
  message: string;
  start?: YamlPosition;
  end?: YamlPosition;
}

export type YamlObjectResult = { ok: true; object: Record<string, unknown> } | { ok: false; problems: YamlProblem[] };

/** An object as YAML text, block style, long strings kept on one line. */
export function toYamlText(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Reads one YAML document that must be a mapping (a Kubernetes object). Syntax errors come back
 * with their positions; several documents or a scalar/list at the top are problems too.
 */
export function parseYamlObject(text: string): YamlObjectResult {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return { ok: false, problems: [{ message: 'The text is empty: expected a YAML mapping' }] };
  const problems: YamlProblem[] = [];
  for (const doc of docs) {
    for (const err of doc.errors) {
      const [from, to] = err.linePos ?? [];
      problems.push({
        message: err.message.split('\n')[0].replace(/:$/, ''),
        start: from ? { line: from.line, column: from.col } : undefined,
        end: to ? { line: to.line, column: to.col } : undefined,
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  const withContent = docs.filter((d) => d.contents !== null);
  if (withContent.length === 0)
    return { ok: false, problems: [{ message: 'The text is empty: expected a YAML mapping' }] };
  if (withContent.length > 1) {
    return { ok: false, problems: [{ message: 'Expected one YAML document, found several (separated by ---)' }] };
  }
  const doc = withContent[0];
  if (!isMap(doc.contents)) {
    return { ok: false, problems: [{ message: 'Expected a YAML mapping (key: value) at the top level' }] };
  }
  return { ok: true, object: doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> };
}
