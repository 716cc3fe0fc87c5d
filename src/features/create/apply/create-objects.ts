import type { K8sModel } from '../../../k8s/models';
import type { K8sResource } from '../../../k8s/types';
import { describeObject, type ParsedDocument } from './parse-manifests';

export interface CreateDeps {
  /** Kind → model, through API discovery. */
  resolve(apiVersion: string, kind: string): Promise<K8sModel>;
  create(model: K8sModel, obj: K8sResource, opts: { namespace?: string; dryRun?: boolean }): Promise<K8sResource>;
}

export interface ObjectResult {
  position: number;
  /** "VirtualMachine demo/fedora". */
  label: string;
  status: 'created' | 'error' | 'skipped';
  message?: string;
  /** The thrown error (a K8sError carries the server's Status). */
  error?: unknown;
  /** What the server returned. */
  object?: K8sResource;
  model?: K8sModel;
}

export interface CreateOptions {
  /** For namespaced objects that name none. */
  defaultNamespace?: string;
  /** Validate only (`dryRun=All`): nothing is stored. */
  dryRun?: boolean;
  /** Skip the objects after the first failure (they are reported as skipped). */
  stopOnError?: boolean;
  onResult?: (result: ObjectResult) => void;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The object with the default namespace filled in when its kind is namespaced and it names none. */
function withNamespace(obj: K8sResource, model: K8sModel, fallback: string | undefined): K8sResource {
  if (!model.namespaced || obj.metadata?.namespace || !fallback) return obj;
  return { ...obj, metadata: { ...obj.metadata, namespace: fallback } };
}

/** Creates the documents one after the other, in order, with one result per document. */
export async function createInOrder(
  docs: readonly ParsedDocument[],
  deps: CreateDeps,
  opts: CreateOptions = {},
): Promise<ObjectResult[]> {
  const results: ObjectResult[] = [];
  let failed = false;
  const report = (r: ObjectResult) => {
    results.push(r);
    opts.onResult?.(r);
  };
  for (const doc of docs) {
    const base = { position: doc.position, label: describeObject(doc.object) };
    if (failed && opts.stopOnError) {
      report({ ...base, status: 'skipped', message: 'Not created: an earlier object failed' });
      continue;
    }
    if (!doc.object) {
      failed = true;
      report({ ...base, status: 'error', message: doc.error ?? 'Cannot read this document' });
      continue;
    }
    try {
      const model = await deps.resolve(doc.object.apiVersion ?? '', doc.object.kind ?? '');
      const obj = withNamespace(doc.object, model, opts.defaultNamespace);
      if (model.namespaced && !obj.metadata?.namespace) throw new Error(`${model.kind} needs a namespace`);
      const created = await deps.create(model, obj, {
        namespace: model.namespaced ? obj.metadata?.namespace : undefined,
        dryRun: opts.dryRun,
      });
      report({ ...base, label: describeObject(obj), status: 'created', object: created, model });
    } catch (e) {
      failed = true;
      report({ ...base, status: 'error', message: messageOf(e), error: e });
    }
  }
  return results;
}
