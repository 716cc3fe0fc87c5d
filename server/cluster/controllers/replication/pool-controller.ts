/**
 * VirtualMachinePools, as virt-controller's pool controller keeps them (pkg/virt-controller/watch/
 * pool/pool.go): VirtualMachines `<pool>-<index>` from `spec.virtualMachineTemplate`, owned by the
 * pool, the lowest free indexes first, until `spec.replicas` exist; scaling down deletes the highest
 * indexes; nothing changes while `spec.paused`. Status: replicas, readyReplicas, labelSelector.
 */
import { keyOf, splitKey, type KObject } from '../../runtime/client.js';
import type { ControllerContext } from '../context.js';
import type { Informer } from '../../runtime/informer.js';
import { writeReplicaStatus } from './replica-status.js';
import { formatSelector, type LabelSelectorObject } from './selector.js';

export const POOLS = 'virtualmachinepools.pool.kubevirt.io';
const VMS = 'virtualmachines.kubevirt.io';

interface PoolSpec {
  replicas?: number;
  paused?: boolean;
  selector?: LabelSelectorObject;
  virtualMachineTemplate?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: unknown;
  };
}

const indexOf = (pool: string, vm: KObject): number => {
  const m = new RegExp(`^${pool.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(vm.metadata.name ?? '');
  return m ? Number(m[1]) : -1;
};

export class PoolController {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly pools: Informer,
    private readonly vms: Informer<'virtualmachines.kubevirt.io'>,
    private readonly enqueue: (key: string) => void,
  ) {}

  watch(): void {
    this.pools.on({ onChange: (o) => this.enqueue(keyOf(o)) });
    const owner = (vm: KObject) => {
      const ref = (vm.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === 'VirtualMachinePool');
      if (ref) this.enqueue(`${vm.metadata.namespace}/${ref.name}`);
    };
    this.vms.on({ onChange: owner, onDelete: owner });
  }

  reconcile(key: string): void {
    const { client, record } = this.ctx;
    const [ns, name] = splitKey(key);
    const pool = client.tryGet(POOLS, ns, name);
    if (!pool || pool.metadata.deletionTimestamp) return;
    const spec = (pool.spec ?? {}) as PoolSpec;
    const owned = this.vms
      .list(ns)
      .filter((v) => (v.metadata.ownerReferences ?? []).some((r) => r.uid === pool.metadata.uid && r.controller))
      .filter((v) => !v.metadata.deletionTimestamp);
    const want = spec.replicas ?? 1;
    if (!spec.paused) {
      const used = new Set(owned.map((v) => indexOf(name, v)));
      for (let i = 0, made = owned.length; made < want; i++) {
        if (used.has(i)) continue;
        const vm = client.create(VMS, this.vmFor(pool, spec, i));
        record(
          pool,
          'Normal',
          'SuccessfulCreate',
          `Created VM ${ns}/${vm.metadata.name}`,
          'virtualmachinepool-controller',
        );
        made++;
      }
      const extra = [...owned]
        .sort((a, b) => indexOf(name, b) - indexOf(name, a))
        .slice(0, Math.max(0, owned.length - want));
      for (const vm of extra) {
        client.delete(VMS, ns, vm.metadata.name!);
        record(
          pool,
          'Normal',
          'SuccessfulDelete',
          `Deleted VM ${ns}/${vm.metadata.name}`,
          'virtualmachinepool-controller',
        );
      }
    }
    const current = this.vms
      .list(ns)
      .filter(
        (v) =>
          (v.metadata.ownerReferences ?? []).some((r) => r.uid === pool.metadata.uid) && !v.metadata.deletionTimestamp,
      );
    const status = {
      replicas: current.length,
      readyReplicas: current.filter((v) => (v.status as { ready?: boolean } | undefined)?.ready === true).length,
      labelSelector: formatSelector(spec.selector),
    };
    writeReplicaStatus(client, POOLS, ns, name, status);
  }

  private vmFor(pool: KObject, spec: PoolSpec, index: number): KObject {
    const t = spec.virtualMachineTemplate ?? {};
    return {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: {
        name: `${pool.metadata.name}-${index}`,
        namespace: pool.metadata.namespace,
        labels: { ...(t.metadata?.labels ?? {}) },
        ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        ownerReferences: [
          {
            apiVersion: 'pool.kubevirt.io/v1beta1',
            kind: 'VirtualMachinePool',
            name: pool.metadata.name!,
            uid: pool.metadata.uid!,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: structuredClone(t.spec ?? {}) as Record<string, unknown>,
    };
  }
}
