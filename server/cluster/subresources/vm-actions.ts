/**
 * virtualmachines/{name}/start|stop|restart|migrate, as virt-api's subresource handlers do them
 * (pkg/virt-api/rest/subresource.go): run-strategy patches or stateChangeRequests, KubeVirt's
 * 409 conflicts, and a VirtualMachineInstanceMigration for migrate.
 */
import { errors } from '../store/index.js';
import { ResourceKey, type ClusterClient } from '../runtime/client.js';
import { getCondition, isFinal, runStrategyOf } from '../kubevirt/conditions.js';
import type { StateChangeRequest } from '../kubevirt/run-strategy.js';
import type { VM, VMI } from '../kubevirt/types.js';
import { IDENTITY } from '../runtime/identity.js';

/** virt-api writes as its service account. */
const VIRT_API = IDENTITY.kubevirtApi;

const VM_RESOURCE = 'virtualmachine';

export function vmConflict(name: string, why: string): Error {
  return errors.conflict('kubevirt.io', VM_RESOURCE, name, why);
}

function dryRun(body: unknown, query: URLSearchParams): boolean {
  const d = (body as { dryRun?: string[] } | undefined)?.dryRun;
  return (Array.isArray(d) && d.includes('All')) || query.get('dryRun') === 'All';
}

function load(client: ClusterClient, ns: string, name: string): { vm: VM; vmi: VMI | undefined } {
  const vm = client.tryGet(ResourceKey.vms, ns, name) as VM | undefined;
  if (!vm) throw errors.notFound('kubevirt.io', 'virtualmachines', name);
  const vmi = client.tryGet(ResourceKey.vmis, ns, name) as VMI | undefined;
  return { vm, vmi };
}

function requests(vm: VM): StateChangeRequest[] {
  return vm.status?.stateChangeRequests ?? [];
}

function addRequests(client: ClusterClient, vm: VM, add: StateChangeRequest[]): void {
  if (requests(vm).length > 0)
    throw vmConflict(vm.metadata.name ?? '', 'unable to complete request: stop/start already underway');
  client.mutate(
    ResourceKey.vms,
    vm.metadata.namespace,
    vm.metadata.name ?? '',
    (o) => {
      const status = (o.status ?? {}) as { stateChangeRequests?: StateChangeRequest[] };
      if ((status.stateChangeRequests ?? []).length > 0) {
        throw vmConflict(vm.metadata.name ?? '', 'unable to complete request: stop/start already underway');
      }
      o.status = { ...status, stateChangeRequests: add };
    },
    { subresource: 'status', fieldManager: 'virt-api', user: VIRT_API },
  );
}

function setRunStrategy(client: ClusterClient, vm: VM, strategy: 'Always' | 'Halted'): void {
  client.mutate(
    ResourceKey.vms,
    vm.metadata.namespace,
    vm.metadata.name ?? '',
    (o) => {
      const spec = o.spec as { runStrategy?: string; running?: boolean };
      if (spec.running !== undefined && !spec.runStrategy) spec.running = strategy === 'Always';
      else spec.runStrategy = strategy;
    },
    { fieldManager: 'virt-api', user: VIRT_API },
  );
}

export function startVm(client: ClusterClient, ns: string, name: string, body: unknown, query: URLSearchParams): void {
  const { vm, vmi } = load(client, ns, name);
  const rs = runStrategyOf(vm);
  const running = !!vmi && !isFinal(vmi);
  const paused = (body as { paused?: boolean } | undefined)?.paused === true;
  switch (rs) {
    case 'Halted':
      if (running) throw vmConflict(name, 'VM is already running');
      if (dryRun(body, query)) return;
      if (paused) addRequests(client, vm, [{ action: 'Start', data: { startPaused: 'true' } }]);
      setRunStrategy(client, vm, 'Always');
      return;
    case 'Manual':
    case 'RerunOnFailure':
      if (running) throw vmConflict(name, 'VM is already running');
      if (dryRun(body, query)) return;
      addRequests(
        client,
        vm,
        vmi ? [{ action: 'Stop', uid: vmi.metadata.uid }, { action: 'Start' }] : [{ action: 'Start' }],
      );
      return;
    case 'Always':
    case 'Once':
      if (running) throw vmConflict(name, 'VM is already running');
      throw vmConflict(name, `${rs} does not support manual start requests`);
  }
}

export function stopVm(client: ClusterClient, ns: string, name: string, body: unknown, query: URLSearchParams): void {
  const { vm, vmi } = load(client, ns, name);
  const rs = runStrategyOf(vm);
  const running = !!vmi && !isFinal(vmi);
  const grace = (body as { gracePeriod?: number } | undefined)?.gracePeriod;
  if (rs !== 'Always' && !running) throw vmConflict(name, 'VM is not running');
  if (dryRun(body, query)) return;
  if (grace !== undefined && vmi && running) {
    client.mutate(
      ResourceKey.vmis,
      ns,
      name,
      (o) => {
        (o.spec as { terminationGracePeriodSeconds?: number }).terminationGracePeriodSeconds = grace;
      },
      { fieldManager: 'virt-api', user: VIRT_API },
    );
  }
  switch (rs) {
    case 'Halted':
      return;
    case 'Manual':
    case 'RerunOnFailure':
      addRequests(client, vm, [{ action: 'Stop', uid: vmi?.metadata.uid }]);
      return;
    case 'Always':
    case 'Once':
      setRunStrategy(client, vm, 'Halted');
  }
}

export function restartVm(
  client: ClusterClient,
  ns: string,
  name: string,
  body: unknown,
  query: URLSearchParams,
): void {
  const grace = (body as { gracePeriodSeconds?: number } | undefined)?.gracePeriodSeconds;
  if (grace !== undefined && grace !== null && grace !== 0) {
    throw errors.badRequest('For force restart, only gracePeriod=0 is supported for now');
  }
  const { vm, vmi } = load(client, ns, name);
  const rs = runStrategyOf(vm);
  if (rs === 'Halted') throw vmConflict(name, 'VM is not running: Halted');
  if (!vmi || isFinal(vmi) || vmi.metadata.deletionTimestamp) throw vmConflict(name, 'VM is not running');
  if (dryRun(body, query)) return;
  addRequests(client, vm, [{ action: 'Stop', uid: vmi.metadata.uid }, { action: 'Start' }]);
  if (grace === 0) {
    client.mutate(
      ResourceKey.vmis,
      ns,
      name,
      (o) => {
        (o.spec as { terminationGracePeriodSeconds?: number }).terminationGracePeriodSeconds = 0;
      },
      { fieldManager: 'virt-api', user: VIRT_API },
    );
  }
}

export function migrateVm(
  client: ClusterClient,
  ns: string,
  name: string,
  body: unknown,
  query: URLSearchParams,
): void {
  const { vmi } = load(client, ns, name);
  if (!vmi || vmi.status?.phase !== 'Running') throw vmConflict(name, 'VM is not running');
  const migratable = getCondition(vmi, 'LiveMigratable');
  const denied = (msg: string) =>
    errors.internal(`admission webhook "migration-create-validator.kubevirt.io" denied the request: ${msg}`);
  if (migratable?.status !== 'True') {
    throw denied(
      `Cannot migrate VMI, Reason: ${migratable?.reason ?? 'Unknown'}, Message: ${migratable?.message ?? ''}`,
    );
  }
  const active = client
    .list(ResourceKey.vmims, { namespace: ns })
    .items.some(
      (m) =>
        (m.spec as { vmiName?: string }).vmiName === name &&
        !['Succeeded', 'Failed'].includes((m.status as { phase?: string } | undefined)?.phase ?? ''),
    );
  if (active) throw denied(`in-flight migration detected. Active migration job is currently migrating VMI ${name}`);
  const added = (body as { addedNodeSelector?: Record<string, string> } | undefined)?.addedNodeSelector;
  client.create(
    ResourceKey.vmims,
    {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstanceMigration',
      metadata: { generateName: 'kubevirt-migrate-vm-', namespace: ns },
      spec: { vmiName: name, ...(added ? { addedNodeSelector: added } : {}) },
    },
    { dryRun: dryRun(body, query), fieldManager: 'virt-api', user: VIRT_API },
  );
}
