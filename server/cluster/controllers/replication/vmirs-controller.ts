/**
 * VirtualMachineInstanceReplicaSets, as virt-controller's replica set controller keeps them
 * (pkg/virt-controller/watch/replicaset/replicaset.go): VMIs from the template (generateName
 * `<name>`, owned by the set) until `spec.replicas` non-final VMIs match the selector, extra ones
 * deleted (not yet running first, then the newest), final (Succeeded/Failed) ones replaced; nothing
 * changes while `spec.paused`. Status: replicas, readyReplicas, labelSelector.
 */
import { keyOf, splitKey, type KObject } from '../../runtime/client.js';
import type { ControllerContext } from '../context.js';
import { writeReplicaStatus } from './replica-status.js';
import { formatSelector, selects, type LabelSelectorObject } from './selector.js';
import type { Informer } from '../../runtime/informer.js';

export const VMIRS = 'virtualmachineinstancereplicasets.kubevirt.io';
const VMIS = 'virtualmachineinstances.kubevirt.io';

interface RsSpec {
  replicas?: number;
  paused?: boolean;
  selector?: LabelSelectorObject;
  template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown };
}

const phase = (o: KObject) => (o.status as { phase?: string } | undefined)?.phase ?? '';
const isFinal = (o: KObject) => phase(o) === 'Succeeded' || phase(o) === 'Failed';
const isReady = (o: KObject) =>
  ((o.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );

export class VmiReplicaSetController {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly sets: Informer,
    private readonly vmis: Informer<'virtualmachineinstances.kubevirt.io'>,
    private readonly enqueue: (key: string) => void,
  ) {}

  watch(): void {
    this.sets.on({ onChange: (o) => this.enqueue(keyOf(o)) });
    this.vmis.on({ onChange: (o) => this.ownerChanged(o), onDelete: (o) => this.ownerChanged(o) });
  }

  private ownerChanged(vmi: KObject): void {
    const owner = (vmi.metadata.ownerReferences ?? []).find(
      (r) => r.controller && r.kind === 'VirtualMachineInstanceReplicaSet',
    );
    if (owner) this.enqueue(`${vmi.metadata.namespace}/${owner.name}`);
  }

  reconcile(key: string): void {
    const { client, record } = this.ctx;
    const [ns, name] = splitKey(key);
    const rs = client.tryGet(VMIRS, ns, name);
    if (!rs || rs.metadata.deletionTimestamp) return;
    const spec = (rs.spec ?? {}) as RsSpec;
    const owned = this.vmis
      .list(ns)
      .filter((v) => (v.metadata.ownerReferences ?? []).some((r) => r.uid === rs.metadata.uid && r.controller))
      .filter((v) => selects(spec.selector, v.metadata.labels));
    const live = owned.filter((v) => !v.metadata.deletionTimestamp);
    if (!spec.paused) {
      for (const v of live.filter(isFinal)) client.delete(VMIS, ns, v.metadata.name!);
      const active = live.filter((v) => !isFinal(v));
      const want = spec.replicas ?? 1;
      for (let i = active.length; i < want; i++) {
        const vmi = client.create(VMIS, this.vmiFor(rs, spec));
        record(
          rs,
          'Normal',
          'SuccessfulCreate',
          `Created virtual machine instance: ${vmi.metadata.name}`,
          'virtualmachinereplicaset-controller',
        );
      }
      const byVictim = [...active].sort(
        (a, b) =>
          Number(phase(a) === 'Running') - Number(phase(b) === 'Running') ||
          String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)),
      );
      for (const v of byVictim.slice(0, Math.max(0, active.length - want))) {
        client.delete(VMIS, ns, v.metadata.name!);
        record(
          rs,
          'Normal',
          'SuccessfulDelete',
          `Deleted virtual machine instance: ${v.metadata.name}`,
          'virtualmachinereplicaset-controller',
        );
      }
    }
    const current = live.filter((v) => !isFinal(v));
    const status = {
      replicas: current.length,
      readyReplicas: current.filter(isReady).length,
      labelSelector: formatSelector(spec.selector),
    };
    writeReplicaStatus(client, VMIRS, ns, name, status);
  }

  private vmiFor(rs: KObject, spec: RsSpec): KObject {
    return {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstance',
      metadata: {
        generateName: rs.metadata.name,
        namespace: rs.metadata.namespace,
        labels: { ...(spec.template?.metadata?.labels ?? {}) },
        ...(spec.template?.metadata?.annotations ? { annotations: { ...spec.template.metadata.annotations } } : {}),
        ownerReferences: [
          {
            apiVersion: 'kubevirt.io/v1',
            kind: 'VirtualMachineInstanceReplicaSet',
            name: rs.metadata.name!,
            uid: rs.metadata.uid!,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: structuredClone(spec.template?.spec ?? {}) as Record<string, unknown>,
    };
  }
}
