/**
 * What KubeVirt does around a VirtualMachineInstanceMigration's life besides its phases: the
 * `kubevirt.io/migrationJobFinalize` finalizer (a deleted migration stays until it is final, so a
 * running one can be aborted), the AbortRequested condition, and `status.migrationState` (the VMI's
 * migration state, mirrored for this migration).
 */
import { ResourceKey } from '../../runtime/client.js';
import type { ControllerContext } from '../context.js';
import type { VMI, VMIM } from '../../kubevirt/types.js';

export const MIGRATION_FINALIZER = 'kubevirt.io/migrationJobFinalize';
const COMPONENT = 'virtualmachine-controller';

type MigrationStatus = {
  phase?: string;
  conditions?: Array<{
    type: string;
    status: string;
    lastProbeTime?: string | null;
    lastTransitionTime?: string | null;
  }>;
  migrationState?: Record<string, unknown>;
};

function editFinalizers(ctx: ControllerContext, m: VMIM, fn: (f: string[]) => string[]): void {
  ctx.client.mutate(ResourceKey.vmims, m.metadata.namespace, m.metadata.name ?? '', (o) => {
    if (o.metadata.uid !== m.metadata.uid) return false;
    const before = o.metadata.finalizers ?? [];
    const after = fn(before);
    if (after.length === before.length && after.every((x, i) => x === before[i])) return false;
    o.metadata.finalizers = after;
  });
}

export function ensureFinalizer(ctx: ControllerContext, m: VMIM): void {
  if (m.metadata.deletionTimestamp || (m.metadata.finalizers ?? []).includes(MIGRATION_FINALIZER)) return;
  editFinalizers(ctx, m, (f) => [...f, MIGRATION_FINALIZER]);
}

export function removeFinalizer(ctx: ControllerContext, m: VMIM): void {
  if (!(m.metadata.finalizers ?? []).includes(MIGRATION_FINALIZER)) return;
  editFinalizers(ctx, m, (f) => f.filter((x) => x !== MIGRATION_FINALIZER));
}

/** The AbortRequested condition (once), as virt-controller sets it on a deleted migration. */
export function requestAbort(ctx: ControllerContext, m: VMIM, now: string): void {
  ctx.client.mutate(
    ResourceKey.vmims,
    m.metadata.namespace,
    m.metadata.name ?? '',
    (o) => {
      const s = structuredClone((o.status ?? {}) as MigrationStatus);
      if (s.conditions?.some((c) => c.type === 'AbortRequested')) return false;
      s.conditions = [
        ...(s.conditions ?? []),
        { type: 'AbortRequested', status: 'True', lastProbeTime: now, lastTransitionTime: null },
      ];
      o.status = s;
    },
    { subresource: 'status', fieldManager: COMPONENT },
  );
}

/** status.migrationState: the VMI's migration state while it is this migration's. */
export function mirrorState(ctx: ControllerContext, m: VMIM, vmi: VMI | undefined): void {
  const state = vmi?.status?.migrationState as Record<string, unknown> | undefined;
  if (!state || state.migrationUid !== m.metadata.uid) return;
  if (JSON.stringify((m.status as MigrationStatus | undefined)?.migrationState) === JSON.stringify(state)) return;
  ctx.client.mutate(
    ResourceKey.vmims,
    m.metadata.namespace,
    m.metadata.name ?? '',
    (o) => {
      o.status = { ...((o.status ?? {}) as MigrationStatus), migrationState: structuredClone(state) };
    },
    { subresource: 'status', fieldManager: COMPONENT },
  );
}
