/**
 * Every read of a VirtualMachineInstance's fields: the VM pages, the VMI pages and the actions
 * agree on defaults and on KubeVirt's conventions. Pure functions; no React.
 */
import type {
  V1VirtualMachineInstance,
  V1VirtualMachineInstanceCondition,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { guestAgentOsName } from './os-name';

export type VMI = V1VirtualMachineInstance;

export type VmiPhase =
  'Pending' | 'Scheduling' | 'Scheduled' | 'Running' | 'Succeeded' | 'Failed' | 'WaitingForSync' | 'Unknown';

/** The VMI's phase; an empty phase is Pending, as `kubectl get vmi` shows it. */
export const vmiPhase = (vmi: VMI | undefined): VmiPhase => (vmi?.status?.phase || 'Pending') as VmiPhase;

/** Succeeded and Failed VMIs are done: they wait for deletion and never run again. */
export const vmiIsFinal = (vmi: VMI | undefined): boolean => ['Succeeded', 'Failed'].includes(vmiPhase(vmi));

export const vmiConditions = (vmi: VMI | undefined): V1VirtualMachineInstanceCondition[] =>
  vmi?.status?.conditions ?? [];

export const vmiCondition = (vmi: VMI | undefined, type: string): V1VirtualMachineInstanceCondition | undefined =>
  vmiConditions(vmi).find((c) => c.type === type);

export const vmiIsPaused = (vmi: VMI | undefined): boolean => vmiCondition(vmi, 'Paused')?.status === 'True';

/** The node the VMI runs on (status.nodeName); undefined before it is scheduled. */
export const vmiNode = (vmi: VMI | undefined): string | undefined => vmi?.status?.nodeName || undefined;

/** Every IP address of every interface, first interface first, without duplicates. */
export function vmiIPs(vmi: VMI | undefined): string[] {
  const out: string[] = [];
  for (const iface of vmi?.status?.interfaces ?? []) {
    for (const ip of [iface.ipAddress, ...(iface.ipAddresses ?? [])]) if (ip && !out.includes(ip)) out.push(ip);
  }
  return out;
}

/** LiveMigratable: allowed unless the condition says False (its message says why). */
export function vmiMigratable(vmi: VMI | undefined): { migratable: boolean; reason?: string } {
  const c = vmiCondition(vmi, 'LiveMigratable');
  if (!c)
    return { migratable: false, reason: 'The VirtualMachineInstance does not report whether it is live-migratable' };
  if (c.status === 'True') return { migratable: true };
  return { migratable: false, reason: c.message || c.reason || 'The VirtualMachineInstance is not live-migratable' };
}

export const vmiMigrationState = (vmi: VMI | undefined) => vmi?.status?.migrationState;

/** A migration is under way: started, neither completed nor failed. */
export function vmiIsMigrating(vmi: VMI | undefined): boolean {
  const m = vmiMigrationState(vmi);
  return Boolean(m?.startTimestamp && !m.completed && !m.failed);
}

/** What the VMI is doing: its phase, or Paused / Migrating while a running VMI is so. */
export function vmiDisplayStatus(vmi: VMI): string {
  const phase = vmiPhase(vmi);
  if (phase !== 'Running') return phase;
  if (vmiIsPaused(vmi)) return 'Paused';
  if (vmiIsMigrating(vmi)) return 'Migrating';
  return phase;
}

export interface PhaseTransition {
  phase: string;
  timestamp: string;
}

/** status.phaseTransitionTimestamps, oldest first. */
export function vmiPhaseTransitions(vmi: VMI | undefined): PhaseTransition[] {
  return (vmi?.status?.phaseTransitionTimestamps ?? [])
    .filter((t) => t.phase && t.phaseTransitionTimestamp)
    .map((t) => ({ phase: t.phase as string, timestamp: t.phaseTransitionTimestamp as string }))
    .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
}

export const vmiGuestOsInfo = (vmi: VMI | undefined) => vmi?.status?.guestOSInfo;

/** The VM that controls a VMI (its controller ownerReference of kind VirtualMachine). */
export function vmiOwnerVmName(vmi: VMI | undefined): string | undefined {
  const ref = (vmi?.metadata?.ownerReferences ?? []).find((r) => r.kind === 'VirtualMachine' && r.controller !== false);
  return ref?.name;
}

/**
 * Whether a VMI is this VM's own: its controller ownerReference names the VM's uid. A VMI of the
 * same name made for an earlier VM of that name (still being deleted) is not; nor is one the VM
 * does not control. A VMI without a controller of kind VirtualMachine is taken as the VM's when
 * the names match (a VMI made by hand before the VM).
 */
export function vmiBelongsToVm(vmi: VMI | undefined, vm: { metadata?: { uid?: string; name?: string } }): boolean {
  if (!vmi || !vm.metadata?.uid) return false;
  const ref = (vmi.metadata?.ownerReferences ?? []).find((r) => r.kind === 'VirtualMachine' && r.controller !== false);
  return ref ? ref.uid === vm.metadata.uid : vmi.metadata?.name === vm.metadata.name;
}

/**
 * The guest's OS as its agent reports it ("Fedora Linux 41 (Cloud Edition)"); undefined without an
 * agent. The same form as a VM's operating system (os-name.ts).
 */
export const vmiGuestOsName = (vmi: VMI | undefined): string | undefined => guestAgentOsName(vmi);

/** Whether the guest agent is connected (condition AgentConnected). */
export const vmiAgentConnected = (vmi: VMI | undefined): boolean =>
  vmiCondition(vmi, 'AgentConnected')?.status === 'True';
