/**
 * Every read of a VirtualMachine's or VirtualMachineInstance's fields goes through here, so the
 * pages, the actions and the details tabs agree on defaults and on KubeVirt's conventions.
 * Pure functions; no React. Disk and interface views are in selectors-devices.ts (import them
 * from there: only the details page needs them, so they stay out of the first page's code).
 */
import type {
  V1VirtualMachine,
  V1VirtualMachineCondition,
  V1VirtualMachineInstance,
  V1VirtualMachineInstanceCondition,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { K8sResource } from '../../k8s/types';
import { isPrintableStatus, type PrintableStatus } from './status/printable-status';


export type VM = V1VirtualMachine;
export type VMI = V1VirtualMachineInstance;
export type RunStrategy = 'Always' | 'Halted' | 'Manual' | 'RerunOnFailure' | 'Once';

// ---- metadata ---------------------------------------------------------------------------------

export const nameOf = (o: K8sResource | undefined): string => o?.metadata?.name ?? '';
export const namespaceOf = (o: K8sResource | undefined): string => o?.metadata?.namespace ?? '';
export const uidOf = (o: K8sResource | undefined): string | undefined => o?.metadata?.uid;
export const labelsOf = (o: K8sResource | undefined): Record<string, string> => o?.metadata?.labels ?? {};
export const annotationsOf = (o: K8sResource | undefined): Record<string, string> => o?.metadata?.annotations ?? {};
export const createdOf = (o: K8sResource | undefined): string | undefined => o?.metadata?.creationTimestamp;
export const isBeingDeleted = (o: K8sResource | undefined): boolean => Boolean(o?.metadata?.deletionTimestamp);

/** "namespace/name": how VMs and their VMIs (same name, same namespace) are joined. */
export const objectKeyOf = (o: K8sResource | undefined): string => `${namespaceOf(o)}/${nameOf(o)}`;

/** One pass over a VMI list: VMIs by "namespace/name" (a VM's VMI has the VM's name). */
export function indexByKey<T extends K8sResource>(items: readonly T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const o of items ?? []) map.set(objectKeyOf(o), o);
  return map;
}

/** "app=web, os=fedora": labels as `key=value` strings, sorted. */
export const labelPairs = (o: K8sResource | undefined): string[] =>
  Object.entries(labelsOf(o))
    .map(([k, v]) => `${k}=${v}`)
    .sort();

// ---- VM status ----------------------------------------------------------------------------------

/** The VM's printableStatus; "Unknown" when the controller has not set one we know. */
export function vmPrintableStatus(vm: VM | undefined): PrintableStatus {
  const s = vm?.status?.printableStatus;
  return s && isPrintableStatus(s) ? s : 'Unknown';
}

export const vmConditions = (vm: VM | undefined): V1VirtualMachineCondition[] => vm?.status?.conditions ?? [];

export const vmCondition = (vm: VM | undefined, type: string): V1VirtualMachineCondition | undefined =>
  vmConditions(vm).find((c) => c.type === type);

export const vmIsReady = (vm: VM | undefined): boolean => vmCondition(vm, 'Ready')?.status === 'True';

/** Conditions worth a label in a list: True ones, except the everyday Ready. */
export const vmActiveConditions = (vm: VM | undefined): V1VirtualMachineCondition[] =>
  vmConditions(vm).filter((c) => c.status === 'True' && c.type !== 'Ready');

/**
 * Why the VM is in its state, for error popovers: the Failure condition, then a False condition
 * with a message (PodScheduled, Synchronized, Ready, DataVolumesReady...), then startFailure.
 */
export function vmStatusReason(vm: VM | undefined): string | undefined {
  const conditions = vmConditions(vm);
  const failure = conditions.find((c) => c.type === 'Failure' && c.status === 'True');
  if (failure?.message || failure?.reason) return failure.message || failure.reason;
  const order = ['PodScheduled', 'DataVolumesReady', 'Synchronized', 'Ready'];
  const falses = conditions
    .filter((c) => c.status === 'False' && (c.message || c.reason) && c.reason !== 'VMINotExists')
    .sort((a, b) => rank(order, a.type) - rank(order, b.type));
  const first = falses[0];
  if (first) return first.message || first.reason;
  const sf = vm?.status?.startFailure;
  if (sf?.consecutiveFailCount) return `Failed to start ${sf.consecutiveFailCount} times in a row`;
  return undefined;
}

const rank = (order: string[], v: string) => (order.includes(v) ? order.indexOf(v) : order.length);

// ---- VM spec ------------------------------------------------------------------------------------

const RUN_STRATEGIES: readonly string[] = ['Always', 'Halted', 'Manual', 'RerunOnFailure', 'Once'];

/** spec.runStrategy, else the deprecated spec.running (true: Always, false/absent: Halted). */
export function vmRunStrategy(vm: VM | undefined): RunStrategy {
  const s = vm?.spec?.runStrategy;
  if (s && RUN_STRATEGIES.includes(s)) return s as RunStrategy;
  return vm?.spec?.running ? 'Always' : 'Halted';
}

export const vmTemplateSpec = (vm: VM | undefined) => vm?.spec?.template?.spec;
export const vmTemplateLabels = (vm: VM | undefined): Record<string, string> => vm?.spec?.template?.metadata?.labels ?? {};

export interface CpuTopology {
  sockets: number;
  cores: number;
  threads: number;
  /** sockets × cores × threads. */
  vcpus: number;
}

/** The template's CPU topology (KubeVirt's default is 1 of each); undefined with an instance type. */
export function vmCpu(vm: VM | undefined): CpuTopology | undefined {
  if (vm?.spec?.instancetype) return undefined;
  const cpu = vmTemplateSpec(vm)?.domain?.cpu;
  const sockets = cpu?.sockets || 1;
  const cores = cpu?.cores || 1;
  const threads = cpu?.threads || 1;
  return { sockets, cores, threads, vcpus: sockets * cores * threads };
}

/** Guest memory as written ("2Gi"): memory.guest, else resources.requests.memory. */
export function vmMemory(vm: VM | undefined): string | undefined {
  const domain = vmTemplateSpec(vm)?.domain;
  const requests = domain?.resources?.requests as Record<string, string> | undefined;
  return domain?.memory?.guest ?? requests?.memory;
}

export const vmInstancetype = (vm: VM | undefined) => vm?.spec?.instancetype;
export const vmPreference = (vm: VM | undefined) => vm?.spec?.preference;

/**
 * The operating system: what the guest agent reports, else the VM's `vm.kubevirt.io/os`
 * annotation or label (the OpenShift templates' convention), else the preference's name.
 */
export function vmOs(vm: VM | undefined, vmi?: VMI): string | undefined {
  const guest = vmi?.status?.guestOSInfo;
  if (guest?.prettyName || guest?.name) return guest.prettyName || guest.name;
  const annotated = annotationsOf(vm)['vm.kubevirt.io/os'] ?? labelsOf(vm)['vm.kubevirt.io/os'];
  if (annotated) return annotated;
  return vm?.spec?.preference?.name;
}

/** Names of the DataVolumes the VM creates and owns (spec.dataVolumeTemplates). */
export const vmDataVolumeTemplateNames = (vm: VM | undefined): string[] =>
  (vm?.spec?.dataVolumeTemplates ?? []).map((t) => t.metadata?.name ?? '').filter(Boolean);

// ---- VMI ----------------------------------------------------------------------------------------

export type VmiPhase = 'Pending' | 'Scheduling' | 'Scheduled' | 'Running' | 'Succeeded' | 'Failed' | 'WaitingForSync' | 'Unknown';

/** The VMI's phase; an empty phase is Pending, as `kubectl get vmi` shows it. */
export const vmiPhase = (vmi: VMI | undefined): VmiPhase => (vmi?.status?.phase || 'Pending') as VmiPhase;

/** Succeeded and Failed VMIs are done: they wait for deletion and never run again. */
export const vmiIsFinal = (vmi: VMI | undefined): boolean => ['Succeeded', 'Failed'].includes(vmiPhase(vmi));

export const vmiConditions = (vmi: VMI | undefined): V1VirtualMachineInstanceCondition[] => vmi?.status?.conditions ?? [];

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
  if (!c) return { migratable: false, reason: 'The VirtualMachineInstance does not report whether it is live-migratable' };
  if (c.status === 'True') return { migratable: true };
  return { migratable: false, reason: c.message || c.reason || 'The VirtualMachineInstance is not live-migratable' };
}

export const vmiMigrationState = (vmi: VMI | undefined) => vmi?.status?.migrationState;

/** A migration is under way: started, neither completed nor failed. */
export function vmiIsMigrating(vmi: VMI | undefined): boolean {
  const m = vmiMigrationState(vmi);
  return Boolean(m?.startTimestamp && !m.completed && !m.failed);
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
