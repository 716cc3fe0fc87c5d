import type { K8sModel } from '../../../k8s';
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
  return { group: model.group, resource: model.plural, verb: 'create', namespace: model.namespaced ? target.namespace : undefined };
}

/** "VirtualMachine in namespace demo" / "Namespace" (cluster-scoped). */
export const targetText = (t: CreateTarget, namespaced: boolean): string =>
  namespaced ? `${t.kind} in namespace ${t.namespace}` : `${t.kind} (cluster-wide)`;

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
  const what = denied.map((v) => targetText(v.target, v.namespaced ?? true)).join(', ');
  const why = [...new Set(denied.map((v) => v.reason).filter(Boolean))].join('; ');
  return `You are not allowed to create ${what}${why ? ` (${why})` : ''}`;
}
