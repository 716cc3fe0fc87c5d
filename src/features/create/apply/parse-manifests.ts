import { parseAllDocuments } from 'yaml';
import type { K8sResource } from '../../../k8s/types';

/** One document of a YAML stream: an object to create, or why it cannot be. */
export interface ParsedDocument {
  /** 1-based position among the non-empty documents. */
  position: number;
  object?: K8sResource;
  error?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkObject(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not a Kubernetes object (expected a mapping with apiVersion, kind and metadata)';
  if (typeof value.apiVersion !== 'string' || !value.apiVersion) return 'apiVersion is required';
  if (typeof value.kind !== 'string' || !value.kind) return 'kind is required';
  const meta = value.metadata;
  if (!isRecord(meta) || (typeof meta.name !== 'string' && typeof meta.generateName !== 'string')) {
    return 'metadata.name (or metadata.generateName) is required';
  }
  return undefined;
}

/**
 * Splits a YAML (or JSON) stream into objects, in order. Empty documents are skipped; a document
 * that does not parse, or is not an object, carries its error. A `List` is expanded into its items.
 */
export function parseManifests(text: string): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  const push = (value: unknown) => {
    const error = checkObject(value);
    out.push({ position: out.length + 1, ...(error ? { error } : { object: value as K8sResource }) });
  };
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) {
      out.push({ position: out.length + 1, error: doc.errors[0].message });
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (
      isRecord(value) &&
      typeof value.kind === 'string' &&
      value.kind.endsWith('List') &&
      Array.isArray(value.items)
    ) {
      value.items.forEach(push);
    } else {
      push(value);
    }
  }
  return out;
}

/** "VirtualMachine demo/fedora" for messages. */
export function describeObject(o: K8sResource | undefined): string {
  if (!o) return 'Document';
  const name = o.metadata?.name ?? `${o.metadata?.generateName ?? ''}*`;
  return `${o.kind ?? 'Object'} ${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${name}`;
}
