/** The KubeVirt and CDI CRs' health as the Cluster page shows it, and who may edit the KubeVirt CR. */
import type { V1KubeVirt } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

export type Health = 'healthy' | 'progressing' | 'degraded' | 'unknown';

export interface OperatorCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

interface OperatorCr {
  status?: { phase?: string; conditions?: OperatorCondition[] };
}

const ORDER = ['Available', 'Progressing', 'Degraded'];

/** Conditions with Available, Progressing, Degraded first (the operators' own order), then the rest. */
export function orderedConditions(cr: OperatorCr | undefined): OperatorCondition[] {
  const list = [...(cr?.status?.conditions ?? [])];
  const rank = (t: string) => (ORDER.includes(t) ? ORDER.indexOf(t) : ORDER.length);
  return list.sort((a, b) => rank(a.type) - rank(b.type) || a.type.localeCompare(b.type));
}

/**
 * Degraded=True wins; Deployed with Available=True is healthy; Deploying or Progressing=True is
 * progressing; anything else (no status yet, Deleting, Available=False) is unknown.
 */
export function operatorHealth(cr: OperatorCr | undefined): Health {
  const cond = (t: string) => cr?.status?.conditions?.find((c) => c.type === t)?.status;
  const phase = cr?.status?.phase;
  if (cond('Degraded') === 'True' || phase === 'Error') return 'degraded';
  if (phase === 'Deployed' && cond('Available') === 'True') return 'healthy';
  if (phase === 'Deploying' || cond('Progressing') === 'True') return 'progressing';
  return 'unknown';
}

export interface AccessState {
  allowed: boolean;
  reason?: string;
  isLoading: boolean;
  error: Error | null;
}

export interface EditAccess {
  editable: boolean;
  /** Why the switch is read-only. */
  reason?: string;
}

/** Whether the user may flip useEmulation: a SelfSubjectAccessReview for `patch` on this CR. */
export function emulationEditAccess(kv: V1KubeVirt | undefined, access: AccessState): EditAccess {
  if (!kv?.metadata?.name) return { editable: false, reason: 'There is no KubeVirt custom resource to change.' };
  if (kv.metadata.deletionTimestamp)
    return { editable: false, reason: 'The KubeVirt custom resource is being deleted.' };
  if (access.isLoading) return { editable: false, reason: 'Checking your permissions…' };
  if (access.error)
    return { editable: false, reason: `Your permissions could not be checked: ${access.error.message}` };
  if (!access.allowed) {
    const where = kv.metadata.namespace ? ` in namespace "${kv.metadata.namespace}"` : '';
    const detail = access.reason ? ` (${access.reason})` : '';
    return {
      editable: false,
      reason: `You cannot patch KubeVirt "${kv.metadata.name}"${where}: only cluster administrators can change KubeVirt's configuration${detail}.`,
    };
  }
  return { editable: true };
}

/** The access review attributes for editing a KubeVirt CR. */
export function kubevirtPatchAttributes(kv: V1KubeVirt | undefined) {
  return {
    group: 'kubevirt.io',
    resource: 'kubevirts',
    verb: 'patch',
    name: kv?.metadata?.name,
    namespace: kv?.metadata?.namespace,
  };
}
