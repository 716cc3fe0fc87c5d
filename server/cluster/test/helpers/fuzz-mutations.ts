/**
 * Deterministic random mutations of the fixtures for the fuzz test: field deletions, type
 * changes, huge strings, junk bytes, bad content types, random patches and paths.
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
    const kind = this.int(8);
    if (kind === 0) return '';
    if (kind === 1) return 'x'.repeat(this.pick([64, 254, 1000, 70_000, 300_000]));
    if (kind === 2) return String.fromCharCode(...Array.from({ length: 1 + this.int(20) }, () => this.int(0x3000)));
    if (kind === 3) return this.pick(['Bad_Name', '-lead', 'trail-', 'a..b', 'UPPER', '../etc', '%00', 'a/b', '128Moo', '-1Gi', '1e400']);
    if (kind === 4) return this.pick(['Always', 'Halted', 'Manual', 'virtio', 'sata', 'q35', 'default', 'http://x/y', 'docker://x']);
    return this.int(1e6).toString(36);
  }

  value(depth = 0): Json {
    switch (this.int(depth > 2 ? 5 : 7)) {
      case 0: return null;
      case 1: return this.chance(0.5);
      case 2: return this.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, 65537]);
      case 3:
      case 4: return this.string();
      case 5: return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      default: {
        const o: Record<string, Json> = {};
        for (let i = this.int(4); i > 0; i--) o[this.string().slice(0, 20) || 'k'] = this.value(depth + 1);
        return o;
      }
    }
  }

  /** Every path to a value inside `obj`. */
  paths(obj: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
    if (obj && typeof obj === 'object') {
      const entries: Array<[string | number, Json]> = Array.isArray(obj) ? obj.map((v, i) => [i, v]) : Object.entries(obj);
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
      const op = this.int(4);
      if (op === 0) {
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
      const path = this.chance(0.8) && paths.length ? this.pick(paths) : this.pick(['', '/', '/nope/deeper', '/spec/-', '~', '/metadata/name']);
      const patch: Record<string, Json> = { op, path };
      if (this.chance(0.8)) patch.value = this.value();
      if (this.chance(0.3)) patch.from = this.pick(paths.length ? paths : ['/x']);
      return patch;
    });
  }

  /** Serialized bytes, sometimes corrupted. */
  body(obj: Json, asYaml: boolean): string {
    let text = asYaml ? stringify(obj) : JSON.stringify(obj);
    if (this.chance(0.15)) {
      const at = this.int(text.length + 1);
      const junk = this.pick(['{', '}', '"', '\u0000', '\uffff', ':', '- -', '\t', '[[', 'null', '\\u12']);
      text = this.chance(0.5) ? text.slice(0, at) : text.slice(0, at) + junk + text.slice(at);
    }
    return text;
  }
}

export function yamlOrJsonContentType(f: Fuzzer): { type: string; yaml: boolean } {
  const r = f.int(20);
  if (r < 13) return { type: 'application/json', yaml: false };
  if (r < 16) return { type: 'application/yaml', yaml: true };
  return { type: f.pick(['text/plain', 'application/xml', 'application/vnd.kubernetes.protobuf', '', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16']), yaml: false };
}
