/**
 * KubeVirt's and CDI's published OpenAPI (swagger 2.0) documents, read once, and the definition of
 * each kind they serve: the GET path of a kind (`/apis/G/V/[namespaces/{namespace}/]plural/{name}`)
 * names the definition it returns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Schema {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  required?: string[];
  $ref?: string;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  [extension: string]: unknown;
}

interface PathItem {
  get?: { responses?: Record<string, { schema?: { $ref?: string } }> };
}

export interface SwaggerDoc {
  swagger: string;
  info: Record<string, unknown>;
  paths: Record<string, PathItem>;
  definitions: Record<string, Schema>;
}

export type Source = 'kubevirt' | 'cdi';

export interface KindSchema {
  group: string;
  version: string;
  kind: string;
  plural: string;
  source: Source;
  /** The definition's name in its document, e.g. "v1.VirtualMachine". */
  definition: string;
}

const FILES: Record<Source, string> = { kubevirt: 'kubevirt-swagger.json', cdi: 'cdi-swagger.json' };
const docs = new Map<Source, SwaggerDoc>();

export function swaggerDoc(source: Source): SwaggerDoc {
  let d = docs.get(source);
  if (!d) {
    d = JSON.parse(readFileSync(join(import.meta.dirname, FILES[source]), 'utf8')) as SwaggerDoc;
    docs.set(source, d);
  }
  return d;
}

const GET_PATH = /^\/apis\/([^/]+)\/([^/]+)\/(?:namespaces\/\{namespace[^}]*\}\/)?([a-z]+)\/\{name[^}]*\}$/;

let kinds: KindSchema[] | undefined;

/** Every stored kind the two documents describe (one entry per group, version and kind). */
export function servedKinds(): KindSchema[] {
  if (kinds) return kinds;
  const out = new Map<string, KindSchema>();
  for (const source of ['kubevirt', 'cdi'] as const) {
    for (const [path, item] of Object.entries(swaggerDoc(source).paths)) {
      const m = GET_PATH.exec(path);
      const ref = item.get?.responses?.['200']?.schema?.$ref;
      if (!m || !ref) continue;
      const definition = ref.replace('#/definitions/', '');
      const kind = definition.slice(definition.lastIndexOf('.') + 1);
      const [, group, version, plural] = m;
      const key = `${group}/${version}/${kind}`;
      if (!out.has(key)) out.set(key, { group, version, kind, plural, source, definition });
    }
  }
  kinds = [...out.values()];
  return kinds;
}

/** The schema of a kind: the exact version, else another version of the same group and kind. */
export function kindSchema(group: string, version: string, kind: string): KindSchema | undefined {
  const all = servedKinds();
  return (
    all.find((k) => k.group === group && k.version === version && k.kind === kind) ??
    all.find((k) => k.group === group && k.kind === kind)
  );
}

/** Resolves a "#/definitions/X" reference within a document. */
export function resolve(source: Source, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 8; i++) {
    const target = swaggerDoc(source).definitions[s.$ref.replace('#/definitions/', '')];
    if (!target) return {};
    s = target;
  }
  return s;
}

/** The definition name a (possibly $ref) schema points at, or undefined. */
export function refName(schema: Schema): string | undefined {
  return schema.$ref?.replace('#/definitions/', '');
}
