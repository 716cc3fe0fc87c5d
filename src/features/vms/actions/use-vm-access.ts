import { useMemo } from 'react';
import { useAccessByNamespace, type AccessReviewAttributes } from '../../../k8s/access-review';
import { KUBEVIRT_SUBRESOURCE_GROUP } from '../../../k8s/models';
import { VM_ACTION_IDS, type VmAccess, type VmActionId } from '../../../kubevirt/vm-action-rules';

const sub = (resource: string, subresource: string): Omit<AccessReviewAttributes, 'namespace'> => ({
  group: KUBEVIRT_SUBRESOURCE_GROUP,
  resource,
  subresource,
  verb: 'update',
});

/** The SelfSubjectAccessReview each action needs (as the OpenShift plugin asks them). */
export const VM_ACTION_ACCESS: Record<VmActionId, Omit<AccessReviewAttributes, 'namespace'>> = {
  start: sub('virtualmachines', 'start'),
  stop: sub('virtualmachines', 'stop'),
  restart: sub('virtualmachines', 'restart'),
  migrate: sub('virtualmachines', 'migrate'),
  pause: sub('virtualmachineinstances', 'pause'),
  unpause: sub('virtualmachineinstances', 'unpause'),
  snapshot: { group: 'snapshot.kubevirt.io', resource: 'virtualmachinesnapshots', verb: 'create' },
  clone: { group: 'clone.kubevirt.io', resource: 'virtualmachineclones', verb: 'create' },
  delete: { group: 'kubevirt.io', resource: 'virtualmachines', verb: 'delete' },
};

/**
 * What the current user may do to VMs in each namespace: one SelfSubjectAccessReview per action
 * and namespace, under the same query keys (and cache) as useAccessReview.
 */
export function useVmAccessByNamespace(namespaces: readonly string[], enabled = true): Map<string, VmAccess> {
  return useAccessByNamespace(VM_ACTION_IDS, VM_ACTION_ACCESS, namespaces, enabled);
}

/** What the current user may do to VMs in one namespace. */
export function useVmAccess(namespace: string, enabled = true): VmAccess {
  const namespaces = useMemo(() => [namespace], [namespace]);
  return useVmAccessByNamespace(namespaces, enabled).get(namespace) as VmAccess;
}
