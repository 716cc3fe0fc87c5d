/**
 * An upper bound of a YAML document's nesting, in one pass over its lines, before the YAML
 * library sees it: the library's parser slows down quadratically and its composer overflows the
 * stack on deep documents (3 MB of "[" takes it minutes and gigabytes). The bound counts block
 * nesting by indentation and by the indicators that open a collection on the same line ("- ",
 * "? ", "key: "), and flow nesting by brackets; quoted text, comments and block scalars are
 * skipped. It over-estimates (never under-), so the exact check runs again on the parsed value.
 */

const SPACE = 0x20;

/** Skips a quoted scalar starting at `i` (the quote); returns the index after it, or the line end. */
function skipQuoted(line: string, i: number): number {
  const q = line.charCodeAt(i);
  for (i++; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (q === 0x22 && c === 0x5c) i++;
    else if (c === q) return i + 1;
  }
  return i;
}

interface LineScan {
  /** Collection indicators at the start of the content ("- - a: b" has three). */
  indicators: number;
  /** The line ends with a block scalar header (| or >). */
  blockScalar: boolean;
}

/** Scans one line's content: updates the flow depth, reports block indicators. */
function scanLine(line: string, start: number, flow: { depth: number; max: number }): LineScan {
  let indicators = 0;
  let atValueStart = true;
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    const next = line[i + 1];
    if (ch === ' ' || ch === '\t') continue;
    if (ch === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
    if (ch === '"' || ch === "'") {
      if (atValueStart || flow.depth > 0) {
        i = skipQuoted(line, i) - 1;
        atValueStart = false;
        continue;
      }
    }
    if (flow.depth === 0 && (ch === '-' || ch === '?') && atValueStart && (next === undefined || next === ' ')) {
      indicators++;
      continue;
    }
    if (
      ch === ':' &&
      (next === undefined || next === ' ' || (flow.depth > 0 && (next === ',' || next === ']' || next === '}')))
    ) {
      if (flow.depth === 0) indicators++;
      atValueStart = true;
      continue;
    }
    if ((ch === '[' || ch === '{') && (atValueStart || flow.depth > 0)) {
      flow.depth++;
      if (flow.depth > flow.max) flow.max = flow.depth;
      atValueStart = true;
      continue;
    }
    if ((ch === ']' || ch === '}') && flow.depth > 0) {
      flow.depth--;
      atValueStart = false;
      continue;
    }
    if (ch === ',' && flow.depth > 0) {
      atValueStart = true;
      continue;
    }
    if ((ch === '&' || ch === '!') && atValueStart) {
      // an anchor or tag before the value: skip its name, the value still starts after it
      while (i + 1 < line.length && line[i + 1] !== ' ') i++;
      continue;
    }
    atValueStart = false;
  }
  const trimmed = line.trimEnd();
  const blockScalar = flow.depth === 0 && /(?:^|[\s:-])[|>][-+0-9]*$/.test(trimmed.replace(/\s+#.*$/, ''));
  return { indicators, blockScalar };
}

/** An upper bound of the nesting depth of YAML text; stops once it passes `limit`. */
export function yamlDepthBound(text: string, limit: number): number {
  const indents: number[] = [];
  const flow = { depth: 0, max: 0 };
  let max = 0;
  let scalarIndent = -1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === SPACE) indent++;
    const blank = indent === line.length || line[indent] === '#' || line.trim() === '';
    if (scalarIndent >= 0) {
      if (blank || indent > scalarIndent) continue;
      scalarIndent = -1;
    }
    if (blank) continue;
    if (line.startsWith('---') || line.startsWith('...')) {
      indents.length = 0;
      flow.depth = 0;
      if (line.length <= 3 || line[3] === ' ') continue;
    }
    if (flow.depth === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    const scan = scanLine(line, indent, flow);
    // one level per indentation step and per indicator, one more for a sequence that is a map's value
    const depth = indents.length + scan.indicators + 1 + flow.max;
    flow.max = flow.depth;
    if (depth > max) {
      max = depth;
      if (max > limit) return max;
    }
    if (scan.blockScalar) scalarIndent = indent;
  }
  return max;
}
