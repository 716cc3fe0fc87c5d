/**
 * Deterministic random mutations of the fixtures for the fuzz test: field deletions, type
 * changes, huge strings, unicode, odd quantities, invalid names, deep nesting, junk bytes, bad
 * content types, random JSON, merge and strategic patches.
 */
import { stringify } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Fuzzer {
  constructor(readonly random: () => number) {}

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  string(): string {
    const kind = this.int(11);
    if (kind === 8) return this.pick(UNICODE);
    if (kind === 9) return this.pick(QUANTITIES);
    if (kind === 10) return this.pick(NAMES);
    if (kind === 0) return '';
    if (kind === 1) return 'x'.repeat(this.pick([64, 254, 1000, 70_000, 300_000]));
    if (kind === 2) return String.fromCharCode(...Array.from({ length: 1 + this.int(20) }, () => this.int(0x3000)));
    if (kind === 3)
      return this.pick([
        'Bad_Name',
        '-lead',
        'trail-',
        'a..b',
        'UPPER',
        '../etc',
        '%00',
        'a/b',
        '128Moo',
        '-1Gi',
        '1e400',
      ]);
    if (kind === 4)
      return this.pick(['Always', 'Halted', 'Manual', 'virtio', 'sata', 'q35', 'default', 'http://x/y', 'docker://x']);
    return this.int(1e6).toString(36);
  }

  value(depth = 0): Json {
    switch (this.int(depth > 2 ? 5 : 7)) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, 65537]);
      case 3:
      case 4:
        return this.string();
      case 5:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      default: {
        const o: Record<string, Json> = {};
        for (let i = this.int(4); i > 0; i--) o[this.string().slice(0, 20) || 'k'] = this.value(depth + 1);
        return o;
      }
    }
  }

  /**
   * A value nested `depth` levels deep (objects, arrays or both), as a marker that body() expands in
   * the serialized text (building it as an object would overflow the stack of JSON.stringify).
   */
  nested(depth = this.pick([64, 200, 1000, 5000, 12_000])): Json {
    return `__NEST_${depth}_${this.int(3)}__`;
  }

  /** Every path to a value inside `obj`. */
  paths(
    obj: Json,
    prefix: Array<string | number> = [],
    out: Array<Array<string | number>> = [],
  ): Array<Array<string | number>> {
    if (obj && typeof obj === 'object' && prefix.length < 40) {
      const entries: Array<[string | number, Json]> = Array.isArray(obj)
        ? obj.map((v, i) => [i, v])
        : Object.entries(obj);
      for (const [k, v] of entries) {
        out.push([...prefix, k]);
        this.paths(v, [...prefix, k], out);
      }
    }
    return out;
  }

  /** Applies 1-3 structural mutations to a deep copy. */
  mutate(input: Json): Json {
    const obj = structuredClone(input);
    for (let n = 1 + this.int(3); n > 0; n--) {
      const paths = this.paths(obj);
      if (paths.length === 0) break;
      const path = this.pick(paths);
      let parent: Json = obj;
      for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key];
      const last = path[path.length - 1];
      const container = parent as Record<string | number, Json>;
      const op = this.int(6);
      if (op === 4) {
        container[last] = this.nested();
        break;
      } else if (op === 5)
        container[last] = this.pick([this.pick(QUANTITIES), this.pick(UNICODE), this.pick(NAMES), -1, 1e308, 2 ** 64]);
      else if (op === 0) {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete container[last];
      } else if (op === 1) container[last] = this.value();
      else if (op === 2) container[last] = this.string();
      else if (Array.isArray(parent)) parent.push(structuredClone(parent[0] ?? null));
      else container[`${this.string().slice(0, 12)}x`] = this.value();
    }
    return obj;
  }

  /** A JSON Patch, sometimes well formed. */
  jsonPatch(obj: Json): Json {
    const paths = this.paths(obj).map((p) => `/${p.join('/')}`);
    return Array.from({ length: 1 + this.int(3) }, () => {
      const op = this.pick(['add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus']);
      const path =
        this.chance(0.8) && paths.length
          ? this.pick(paths)
          : this.pick(['', '/', '/nope/deeper', '/spec/-', '~', '/metadata/name']);
      const patch: Record<string, Json> = { op, path };
      if (this.chance(0.8)) patch.value = this.value();
      if (this.chance(0.3)) patch.from = this.pick(paths.length ? paths : ['/x']);
      return patch;
    });
  }

  /** A strategic merge patch: a mutated object, sometimes with patch directives in odd places. */
  strategicPatch(obj: Json): Json {
    const patch = this.mutate(obj) as Record<string, Json>;
    const paths = this.paths(patch).filter((p) => typeof p[p.length - 1] === 'string');
    for (let n = this.int(3); n > 0 && paths.length; n--) {
      let parent: Json = patch;
      const path = this.pick(paths);
      for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key];
      if (!parent || typeof parent !== 'object' || Array.isArray(parent)) continue;
      const directive = this.pick([
        '$patch',
        '$retainKeys',
        `$setElementOrder/${String(path[path.length - 1])}`,
        `$deleteFromPrimitiveList/${String(path[path.length - 1])}`,
        '$patch',
      ]);
      parent[directive] =
        directive === '$patch' ? this.pick(['delete', 'replace', 'merge', 'bogus', 7]) : this.value(1);
    }
    return patch;
  }

  /** Serialized bytes, sometimes corrupted. */
  body(obj: Json, asYaml: boolean): string {
    let text: string;
    try {
      text = asYaml ? stringify(obj) : JSON.stringify(obj);
    } catch {
      text = JSON.stringify(obj); // too deep for the YAML writer: JSON is YAML too
    }
    text = text.replace(/"?__NEST_(\d+)_(\d)__"?/g, (_m, depth: string, style: string) =>
      nestedText(Number(depth), Number(style)),
    );
    if (this.chance(0.15)) {
      const at = this.int(text.length + 1);
      const junk = this.pick(['{', '}', '"', '\u0000', '\uffff', ':', '- -', '\t', '[[', 'null', '\\u12']);
      text = this.chance(0.5) ? text.slice(0, at) : text.slice(0, at) + junk + text.slice(at);
    }
    return text;
  }
}

function nestedText(depth: number, style: number): string {
  const open = (i: number) => (style === 0 || (style === 2 && i % 2) ? '{"a":' : '[');
  const close = (i: number) => (style === 0 || (style === 2 && i % 2) ? '}' : ']');
  const parts: string[] = [];
  for (let i = 0; i < depth; i++) parts.push(open(i));
  parts.push('1');
  for (let i = depth - 1; i >= 0; i--) parts.push(close(i));
  return parts.join('');
}

const UNICODE = [
  'ünïcödé-名前',
  '\u202eevil',
  'e\u0301\u0301\u0301',
  '\ud83d\ude00'.repeat(50),
  '\ud800',
  '\udfff\ud800',
  '\ufeffbom',
  'a\u0000b',
  '\u2028\u2029',
  'ǅ',
  'İstanbul',
  '\u{1F1FA}\u{1F1F8}',
  '\uffff',
  'x'.repeat(63) + 'é',
];
const QUANTITIES = [
  '1e400',
  '0.000001m',
  '-1Gi',
  '1.5.5',
  '1Ki',
  '9223372036854775807',
  '99999999999999999999999Ei',
  '1E',
  '+1',
  ' 1Gi',
  '1gi',
  'Infinity',
  'NaN',
  '0x10',
  '1e-400',
  '1Mi ',
  '.5',
  '5.',
  '1m1',
  '١٢٣',
  '',
];
const NAMES = [
  '',
  'a'.repeat(64),
  'a'.repeat(254),
  'A',
  '-a',
  'a-',
  'a_b',
  'a.b',
  'a..b',
  '.',
  '..',
  'a/b',
  'a%2Fb',
  '名前',
  'a b',
  'a\nb',
  '0',
  '-',
];

export function yamlOrJsonContentType(f: Fuzzer): { type: string; yaml: boolean } {
  const r = f.int(20);
  if (r < 13) return { type: 'application/json', yaml: false };
  if (r < 16) return { type: 'application/yaml', yaml: true };
  return {
    type: f.pick([
      'text/plain',
      'application/xml',
      'application/vnd.kubernetes.protobuf',
      '',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
    ]),
    yaml: false,
  };
}
