/**
 * VirtualMachineSnapshots where no storage can take volume snapshots (the embedded cluster has no
 * VolumeSnapshotClass): as KubeVirt's snapshot controller reports them
 * (pkg/storage/snapshot/snapshot.go, updateSnapshotStatus), the snapshot stays InProgress and not
 * ready: readyToUse false, Ready False "Not ready", Progressing False "Source not locked" (or "Source
 * does not exist"), the source's uid and indications (Online, GuestAgent / NoGuestAgent).
 */
import { keyOf, splitKey, type KObject } from '../../runtime/client.js';
import { nowIso, type ControllerContext } from '../context.js';
import type { Informer } from '../../runtime/informer.js';

export const SNAPSHOTS = 'virtualmachinesnapshots.snapshot.kubevirt.io';
const VMS = 'virtualmachines.kubevirt.io';
const VMIS = 'virtualmachineinstances.kubevirt.io';

interface Condition {
  type: string;
  status: string;
  reason?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
}

function setCondition(list: Condition[], c: Condition): Condition[] {
  const old = list.find((x) => x.type === c.type);
  if (old && old.status === c.status && old.reason === c.reason) return list;
  return [...list.filter((x) => x.type !== c.type), c];
}

export class SnapshotController {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly snapshots: Informer,
    private readonly enqueue: (key: string) => void,
  ) {}

  watch(): void {
    this.snapshots.on({ onChange: (o) => this.enqueue(keyOf(o)) });
    const bySource = (o: KObject) => {
      for (const s of this.snapshots.list(o.metadata.namespace)) {
        if ((s.spec as { source?: { name?: string } } | undefined)?.source?.name === o.metadata.name)
          this.enqueue(keyOf(s));
      }
    };
    this.ctx.informers.vms.on({ onChange: bySource, onDelete: bySource });
    this.ctx.informers.vmis.on({ onChange: bySource, onDelete: bySource });
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const snap = client.tryGet(SNAPSHOTS, ns, name);
    if (!snap || snap.metadata.deletionTimestamp) return;
    const sourceName = (snap.spec as { source?: { name?: string } } | undefined)?.source?.name ?? '';
    const vm = client.tryGet(VMS, ns, sourceName);
    const vmi = vm ? client.tryGet(VMIS, ns, sourceName) : undefined;
    const now = nowIso(this.ctx);
    client.mutate(
      SNAPSHOTS,
      ns,
      name,
      (o) => {
        const before = JSON.stringify(o.status ?? null);
        const status = { ...((o.status ?? {}) as Record<string, unknown>) };
        let conditions = (status.conditions as Condition[] | undefined) ?? [];
        const progressing = vm ? 'Source not locked' : 'Source does not exist';
        conditions = setCondition(conditions, {
          type: 'Progressing',
          status: 'False',
          reason: progressing,
          lastProbeTime: null,
          lastTransitionTime: now,
        });
        conditions = setCondition(conditions, {
          type: 'Ready',
          status: 'False',
          reason: 'Not ready',
          lastProbeTime: null,
          lastTransitionTime: now,
        });
        status.conditions = conditions;
        status.phase = 'InProgress';
        status.readyToUse = false;
        if (vm) {
          status.sourceUID = vm.metadata.uid;
          const agent = ((vmi?.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).some(
            (c) => c.type === 'AgentConnected' && c.status === 'True',
          );
          if (vmi) status.indications = ['Online', agent ? 'GuestAgent' : 'NoGuestAgent'];
          else delete status.indications;
        }
        if (JSON.stringify(status) === before) return false;
        o.status = status;
      },
      { subresource: 'status' },
    );
  }
}
