/**
 * Label matcher patterns. Prometheus anchors RE2 patterns (`^(?:...)$`); RE2 never backtracks, a
 * JavaScript RegExp can, so patterns that could backtrack exponentially (a repeated group that itself
 * repeats or alternates) are refused, as are what RE2 lacks too (backreferences, lookaround).
 */
import { PromqlError } from './ast.js';

const MAX_PATTERN = 1024;

export function compileRegex(pattern: string): RegExp {
  const bad = (why: string) =>
    new PromqlError('bad_data', `invalid regular expression ${JSON.stringify(pattern.slice(0, 60))}: ${why}`);
  if (pattern.length > MAX_PATTERN) throw bad(`longer than ${MAX_PATTERN} characters`);
  let source = pattern;
  let flags = '';
  const inline = /^\(\?([is]+)\)/.exec(source);
  if (inline) {
    flags = [...new Set(inline[1])].join('');
    source = source.slice(inline[0].length);
  }
  if (/\\[1-9]|\\k<|\(\?[=!<]/.test(source)) throw bad('backreferences and lookaround are not supported');
  if (repeatsRepetition(source)) throw bad('a repeated group may not itself repeat or alternate here');
  try {
    return new RegExp(`^(?:${source})$`, flags);
  } catch (err) {
    throw bad((err as Error).message);
  }
}

/** True when a quantified group contains a quantifier or an alternation. */
function repeatsRepetition(source: string): boolean {
  const stack: Array<{ risky: boolean }> = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // skip a character class
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '(') stack.push({ risky: false });
    else if (c === ')') {
      const group = stack.pop();
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (group?.risky && quantified) return true;
      if (group?.risky && stack.length) stack[stack.length - 1].risky = true;
      if (quantified && stack.length) stack[stack.length - 1].risky = true;
    } else if ((c === '*' || c === '+' || c === '{' || c === '|') && stack.length) stack[stack.length - 1].risky = true;
  }
  return false;
}
