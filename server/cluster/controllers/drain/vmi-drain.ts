/**
 * virt-controller's share of a node drain:
 * - the disruption budget controller (pkg/virt-controller/watch/drain/disruptionbudget/
 *   disruptionbudget.go): a PodDisruptionBudget `kubevirt-disruption-budget-*` owned by every VMI
 *   that migrates on eviction, minAvailable 1 over its launcher pods (`kubevirt.io/created-by`),
 *   raised to 2 while a migration runs (labelled `kubevirt.io/migrationName`) and shrunk back to 1
 *   when it is over; deleted when the VMI stops migrating on eviction;
 * - the evacuation controller (pkg/virt-controller/watch/drain/evacuation/evacuation.go): a VMI
 *   marked for eviction (status.evacuationNodeName, set by virt-api's eviction webhook) that still
 *   runs on that node gets a migration `kubevirt-evacuation-*`; once it runs elsewhere the mark goes.
 */
import { ResourceKey, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import { Informer, byOwnerUid } from '../../runtime/informer.js';
import type { ControllerContext } from '../context.js';
import {
  CREATED_BY,
  EVACUATION_ANNOTATION,
  MIGRATION_NAME_LABEL,
  evacuationNodeName,
  migratableOnEviction,
} from './eviction-strategy.js';

export const PDBS = 'poddisruptionbudgets.policy';
const COMPONENT = 'disruptionbudget-controller';
const FINAL = new Set(['Succeeded', 'Failed']);
const BACKOFF_SECONDS = 20;

type Status = { phase?: string; nodeName?: string };
const statusOf = (o: KObject) => (o.status ?? {}) as Status;

export class VmiDrainController {
  readonly pdbs: Informer<typeof PDBS>;

  constructor(private readonly ctx: ControllerContext) {
    this.pdbs = new Informer(ctx.client, PDBS, ctx.log).addIndex('owner', byOwnerUid);
  }

  private enqueue: (key: string) => void = () => {};

  watch(enqueue: (key: string) => void): void {
    this.enqueue = enqueue;
    const { informers } = this.ctx;
    informers.vmis.on({ onChange: (o) => enqueue(keyOf(o)), onDelete: (o) => enqueue(keyOf(o)) });
    informers.vmims.on({
      onChange: (m) => enqueue(`${m.metadata.namespace}/${(m.spec as { vmiName?: string }).vmiName ?? ''}`),
    });
    this.pdbs.on({
      onChange: (p) => {
        const owner = p.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'VirtualMachineInstance');
        if (owner) enqueue(`${p.metadata.namespace}/${owner.name}`);
      },
    });
    informers.pods.on({
      onChange: (p) => {
        const owner = p.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'VirtualMachineInstance');
        if (owner) enqueue(`${p.metadata.namespace}/${owner.name}`);
      },
    });
  }

  private activeMigration(vmi: KObject): KObject | undefined {
    return this.ctx.informers.vmims
      .byIndex('vmi', keyOf(vmi))
      .find((m) => !FINAL.has(statusOf(m).phase ?? '') && !m.metadata.deletionTimestamp);
  }

  reconcile(key: string): void {
    const [ns = '', name] = splitKey(key);
    const vmi = this.ctx.client.tryGet(ResourceKey.vmis, ns, name);
    if (vmi) this.syncEvacuation(vmi);
    this.syncBudget(ns, vmi);
  }

  private syncBudget(ns: string, vmi: KObject | undefined): void {
    const { client } = this.ctx;
    const owned = vmi ? this.pdbs.byIndex('owner', vmi.metadata.uid ?? '') : [];
    const wanted =
      !!vmi &&
      !vmi.metadata.deletionTimestamp &&
      !FINAL.has(statusOf(vmi).phase ?? '') &&
      migratableOnEviction(client, vmi);
    if (!vmi) return;
    if (!wanted) {
      for (const p of owned) {
        client.delete(PDBS, ns, p.metadata.name ?? '');
        this.ctx.record(vmi, 'Normal', 'SuccessfulDelete', `Deleted PodDisruptionBudget ${p.metadata.name}`, COMPONENT);
      }
      return;
    }
    const pdb = owned[0];
    if (!pdb) {
      const created = client.create(PDBS, {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: {
          generateName: 'kubevirt-disruption-budget-',
          namespace: ns,
          ownerReferences: [
            {
              apiVersion: 'kubevirt.io/v1',
              kind: 'VirtualMachineInstance',
              name: vmi.metadata.name ?? '',
              uid: vmi.metadata.uid ?? '',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: { minAvailable: 1, selector: { matchLabels: { [CREATED_BY]: vmi.metadata.uid ?? '' } } },
      });
      this.ctx.record(
        vmi,
        'Normal',
        'SuccessfulCreate',
        `Created PodDisruptionBudget ${created.metadata.name}`,
        COMPONENT,
      );
      return;
    }
    const migration = this.activeMigration(vmi);
    const labels = pdb.metadata.labels ?? {};
    const min = (pdb.spec as { minAvailable?: unknown }).minAvailable;
    if (migration && (min !== 2 || labels[MIGRATION_NAME_LABEL] !== migration.metadata.name)) {
      client.mutate(PDBS, ns, pdb.metadata.name ?? '', (o) => {
        (o.spec as { minAvailable?: unknown }).minAvailable = 2;
        o.metadata.labels = { ...(o.metadata.labels ?? {}), [MIGRATION_NAME_LABEL]: migration.metadata.name ?? '' };
      });
      this.ctx.record(
        vmi,
        'Normal',
        'SuccessfulUpdate',
        `Expanded PodDisruptionBudget ${pdb.metadata.name}`,
        COMPONENT,
      );
    } else if (!migration && this.onePodLeft(vmi) && (min !== 1 || labels[MIGRATION_NAME_LABEL])) {
      client.mutate(PDBS, ns, pdb.metadata.name ?? '', (o) => {
        (o.spec as { minAvailable?: unknown }).minAvailable = 1;
        const l = { ...(o.metadata.labels ?? {}) };
        delete l[MIGRATION_NAME_LABEL];
        o.metadata.labels = l;
      });
      this.ctx.record(vmi, 'Normal', 'SuccessfulUpdate', 'shrank PodDisruptionBudget', COMPONENT);
    }
  }

  /** controller.VMIActivePodsCount == 1: the migration's source pod has finished. */
  private onePodLeft(vmi: KObject): boolean {
    const pods = this.ctx.informers.pods.byIndex('owner', vmi.metadata.uid ?? '');
    return pods.filter((p) => !FINAL.has(statusOf(p).phase ?? '') && !p.metadata.deletionTimestamp).length <= 1;
  }

  private syncEvacuation(vmi: KObject): void {
    const node = evacuationNodeName(vmi);
    if (!node) return;
    const { client } = this.ctx;
    const ns = vmi.metadata.namespace ?? '';
    const onNode = statusOf(vmi).nodeName === node;
    const migrating = this.activeMigration(vmi);
    if (!onNode && !migrating) {
      // migrated away: the eviction is done
      client.mutate(ResourceKey.vmis, ns, vmi.metadata.name ?? '', (o) => {
        if (!evacuationNodeName(o)) return false;
        const s = { ...((o.status ?? {}) as Record<string, unknown>) };
        delete s.evacuationNodeName;
        o.status = s;
      });
      return;
    }
    if (!onNode || migrating || statusOf(vmi).phase !== 'Running') return;
    // a failed evacuation is retried after a back-off, as KubeVirt's migration back-off does
    const lastFailed = this.ctx.informers.vmims
      .byIndex('vmi', keyOf(vmi))
      .filter((m) => m.metadata.annotations?.[EVACUATION_ANNOTATION] && statusOf(m).phase === 'Failed')
      .map((m) => Date.parse(m.metadata.creationTimestamp ?? '') || 0)
      .sort((a, b) => b - a)[0];
    const wait = lastFailed === undefined ? 0 : lastFailed + BACKOFF_SECONDS * 1000 - this.ctx.clock.now();
    if (wait > 0) {
      this.ctx.clock.after(wait / 1000, () => this.enqueue(keyOf(vmi)));
      return;
    }
    client.create(ResourceKey.vmims, {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstanceMigration',
      metadata: {
        generateName: 'kubevirt-evacuation-',
        namespace: ns,
        annotations: { [EVACUATION_ANNOTATION]: node },
      },
      spec: { vmiName: vmi.metadata.name },
    });
  }
}
