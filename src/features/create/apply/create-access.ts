import type { K8sModel } from '../../../k8s/models';
import type { AccessReviewAttributes } from '../../../k8s/access-review';
import type { ParsedDocument } from './parse-manifests';

/** What one document asks to create: a kind, in a namespace (namespaced kinds). */
export interface CreateTarget {
  apiVersion: string;
  kind: string;
  /** The document's namespace, else the page's default (cluster-scoped kinds ignore it). */
  namespace: string;
}

const targetKey = (t: CreateTarget) => `${t.apiVersion}|${t.kind}|${t.namespace}`;

/** The distinct kinds and namespaces the documents would be created in, in order of appearance. */
export function createTargets(docs: readonly ParsedDocument[], defaultNamespace: string): CreateTarget[] {
  const seen = new Map<string, CreateTarget>();
  for (const d of docs) {
    const o = d.object;
    if (!o?.apiVersion || !o.kind) continue;
    const t = { apiVersion: o.apiVersion, kind: o.kind, namespace: o.metadata?.namespace || defaultNamespace };
    if (!seen.has(targetKey(t))) seen.set(targetKey(t), t);
  }
  return [...seen.values()];
}

/** The SelfSubjectAccessReview that says whether the user may create the target (its model from discovery). */
export function createReview(model: K8sModel, target: CreateTarget): AccessReviewAttributes {
  return {
    group: model.group,
    resource: model.plural,
    verb: 'create',
    namespace: model.namespaced ? target.namespace : undefined,
  };
}

/** "VirtualMachine", "VirtualMachine and Service", "A, B and C". */
const kinds = (list: string[]): string =>
  list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;

/** "VirtualMachine and Service in namespace demo, Namespace (cluster-wide)": kinds grouped by namespace. */
export function targetsText(targets: ReadonlyArray<{ target: CreateTarget; namespaced?: boolean }>): string {
  const groups = new Map<string, string[]>();
  for (const t of targets) {
    const where = t.namespaced === false ? '(cluster-wide)' : `in namespace ${t.target.namespace}`;
    const list = groups.get(where) ?? [];
    if (!list.includes(t.target.kind)) list.push(t.target.kind);
    groups.set(where, list);
  }
  return [...groups].map(([where, list]) => `${kinds(list)} ${where}`).join(', ');
}

export interface TargetVerdict {
  target: CreateTarget;
  /** undefined while checking; true when the kind is unknown (the server then says why). */
  allowed?: boolean;
  namespaced?: boolean;
  reason?: string;
}

/**
 * Why the user cannot create these documents, or undefined when every target is allowed (or still
 * being checked: Create then stays usable, and the server has the last word).
 */
export function createDeniedReason(verdicts: readonly TargetVerdict[]): string | undefined {
  const denied = verdicts.filter((v) => v.allowed === false);
  if (!denied.length) return undefined;
  const what = targetsText(denied);
  const why = [...new Set(denied.map((v) => v.reason).filter(Boolean))].join('; ');
  return `You are not allowed to create ${what}${why ? ` (${why})` : ''}`;
}
