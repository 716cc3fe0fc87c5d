/**
 * More of virt-api's subresources.kubevirt.io API (pkg/virt-api/api.go, pkg/virt-api/rest/):
 * - `version` and `healthz` at the group version's root, what `virtctl version` reads
 *   (kubevirt.io/client-go/version Info);
 * - `virtualmachineinstances/{name}/userlist` and `/filesystemlist`, the guest agent's logged-in
 *   users and file systems (VirtualMachineInstanceGuestOSUserList, VirtualMachineInstanceFileSystemList);
 * - `virtualmachines/{name}/expand-spec`: the VM with its instance type and preference applied and
 *   the matchers removed (pkg/instancetype/expand/expand.go).
 */
import type { ClusterApi } from '../api/subresources.js';
import { applyInstancetype, InstancetypeError } from '../kubevirt/vmi-from-vm.js';
import type { VM } from '../kubevirt/types.js';
import { ResourceKey, type ClusterClient } from '../runtime/client.js';
import { errors } from '../store/index.js';
import { guestOsInfo, isRunning, loadVmi, vmiConflict, type GuestUsers } from './vmi-actions.js';
import { hasCondition } from '../kubevirt/conditions.js';

const GROUP = 'subresources.kubevirt.io';
const VERSIONS = ['v1', 'v1alpha3'];

/** The KubeVirt release the embedded cluster stands for (its KubeVirt CR's observed version). */
export const KUBEVIRT_VERSION = {
  gitVersion: 'v1.7.0',
  gitCommit: 'd923fdb8a2a7e0e9b1a3d3bd2c8cd1f3fca1e11a',
  gitTreeState: 'clean',
  buildDate: '2025-11-20T00:00:00Z',
  goVersion: 'go1.23.9',
  compiler: 'gc',
  platform: 'linux/amd64',
};

function agentVmi(client: ClusterClient, ns: string, name: string) {
  const vmi = loadVmi(client, ns, name);
  if (!isRunning(vmi)) throw vmiConflict(name, 'VMI is not running');
  if (!hasCondition(vmi, 'AgentConnected', 'True')) throw errors.internal('VMI does not have guest agent connected');
  return vmi;
}

export function registerVirtApiInfo(api: ClusterApi, client: ClusterClient, users: GuestUsers = () => []): void {
  const ns = (c: { namespace?: string }) => c.namespace ?? 'default';
  api.addSubresource({
    group: GROUP,
    versions: VERSIONS,
    resource: 'version',
    subresource: '',
    namespaced: false,
    verbs: ['get'],
    handle: () => ({ status: 200, body: KUBEVIRT_VERSION }),
  });
  api.addSubresource({
    group: GROUP,
    versions: VERSIONS,
    resource: 'healthz',
    subresource: '',
    namespaced: false,
    verbs: ['get'],
    handle: () => {
      const kv = client.tryGet(ResourceKey.kubevirts, 'kubevirt', 'kubevirt');
      return {
        status: 200,
        body: { apiserver: { connectivity: 'ok' }, 'config-resource-version': kv?.metadata.resourceVersion ?? '' },
      };
    },
  });
  api.addSubresource({
    group: GROUP,
    versions: VERSIONS,
    resource: 'virtualmachineinstances',
    subresource: 'userlist',
    namespaced: true,
    verbs: ['get'],
    handle: (c) => {
      agentVmi(client, ns(c), c.name);
      const info = guestOsInfo(client, ns(c), c.name, users) as { userList?: unknown[] };
      return { status: 200, body: { metadata: {}, items: info.userList ?? [] } };
    },
  });
  api.addSubresource({
    group: GROUP,
    versions: VERSIONS,
    resource: 'virtualmachineinstances',
    subresource: 'filesystemlist',
    namespaced: true,
    verbs: ['get'],
    handle: (c) => {
      agentVmi(client, ns(c), c.name);
      const info = guestOsInfo(client, ns(c), c.name) as { fsInfo?: { disks?: unknown[] } };
      return { status: 200, body: { metadata: {}, items: info.fsInfo?.disks ?? [] } };
    },
  });
  api.addSubresource({
    group: GROUP,
    versions: VERSIONS,
    resource: 'virtualmachines',
    subresource: 'expand-spec',
    namespaced: true,
    verbs: ['get'],
    handle: (c) => {
      const vm = client.tryGet(ResourceKey.vms, ns(c), c.name) as VM | undefined;
      if (!vm) throw errors.notFound('kubevirt.io', 'virtualmachines', c.name);
      const out = structuredClone(vm) as VM & { spec: Record<string, unknown> };
      if (!out.spec.instancetype && !out.spec.preference) return { status: 200, body: out };
      const template = (out.spec.template ??= {}) as { spec?: Record<string, unknown> };
      const spec = (template.spec ??= {});
      try {
        applyInstancetype(client, vm, spec, { withDefaults: true });
      } catch (e) {
        if (e instanceof InstancetypeError) throw errors.badRequest(e.message);
        throw e;
      }
      delete out.spec.instancetype;
      delete out.spec.preference;
      return { status: 200, body: out };
    },
  });
}
