import { useMemo } from 'react';
import { useAccessByNamespace, type AccessReviewAttributes } from '../../../k8s/access-review';
import { KUBEVIRT_SUBRESOURCE_GROUP } from '../../../k8s/models';
import { VMI_ACTION_IDS, type VmiAccess, type VmiActionId } from '../../../kubevirt/vmi-action-rules';

/** The SelfSubjectAccessReview each VMI action needs. */
export const VMI_ACTION_ACCESS: Record<VmiActionId, Omit<AccessReviewAttributes, 'namespace'>> = {
  pause: {
    group: KUBEVIRT_SUBRESOURCE_GROUP,
    resource: 'virtualmachineinstances',
    subresource: 'pause',
    verb: 'update',
  },
  unpause: {
    group: KUBEVIRT_SUBRESOURCE_GROUP,
    resource: 'virtualmachineinstances',
    subresource: 'unpause',
    verb: 'update',
  },
  migrate: { group: 'kubevirt.io', resource: 'virtualmachineinstancemigrations', verb: 'create' },
  delete: { group: 'kubevirt.io', resource: 'virtualmachineinstances', verb: 'delete' },
};

/** What the current user may do to VMIs in one namespace (cached access reviews). */
export function useVmiAccess(namespace: string, enabled = true): VmiAccess {
  const namespaces = useMemo(() => [namespace], [namespace]);
  return useAccessByNamespace(VMI_ACTION_IDS, VMI_ACTION_ACCESS, namespaces, enabled).get(namespace) as VmiAccess;
}
