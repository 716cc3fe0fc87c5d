/**
 * The fields a JSON text sets twice, with the paths kube-apiserver's strict JSON decoder
 * (sigs.k8s.io/json) reports: `duplicate field "spec.ports[0].hostPort"`. JSON.parse keeps the last
 * value silently; this scanner only reads keys. It runs on text JSON.parse accepted, iteratively
 * (no recursion, so nesting depth cannot overflow the stack), and stops after `limit` findings.
 */
interface Frame {
  kind: 'object' | 'array';
  path: string;
  keys?: Set<string>;
  index: number;
  /** The key whose value comes next (objects). */
  key?: string;
}

const childPath = (f: Frame): string => {
  if (f.kind === 'array') return `${f.path}[${f.index}]`;
  return f.path ? `${f.path}.${f.key}` : (f.key ?? '');
};

export function duplicateFields(text: string, limit = 100): string[] {
  const out: string[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === 'object') {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys!.has(key)) out.push(top.path ? `${top.path}.${key}` : key);
        else top.keys!.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      const path = parent ? childPath(parent) : '';
      stack.push(c === 0x7b ? { kind: 'object', path, keys: new Set(), index: 0 } : { kind: 'array', path, index: 0 });
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
      else expectKey = true;
    }
  }
  return out;
}
