/**
 * Every read of a VirtualMachine's fields goes through here (a VMI's through vmi-selectors.ts,
 * any object's metadata through src/k8s/meta.ts), so the pages, the actions and the details tabs
 * agree on defaults and on KubeVirt's conventions. Pure functions; no React. Disk and interface
 * views are in vm-devices.ts (import them from there: only the details page needs them, so they
 * stay out of the first page's code).
 */
import type { V1VirtualMachine, V1VirtualMachineCondition } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { osName } from './os-name';
import { isPrintableStatus, type PrintableStatus } from './printable-status';
import type { VMI } from './vmi-selectors';
import { nameOf } from '../k8s/meta';

export type VM = V1VirtualMachine;

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

export const vmTemplateSpec = (vm: VM | undefined) => vm?.spec?.template?.spec;
export const vmTemplateLabels = (vm: VM | undefined): Record<string, string> =>
  vm?.spec?.template?.metadata?.labels ?? {};

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
 * The operating system's display name: what the guest agent reports, else the VM's OS id
 * (annotation, label or preference) as a display name. One source for every page (os-name.ts).
 */
export const vmOs = (vm: VM | undefined, vmi?: VMI): string | undefined => osName(vm, vmi);

/** Names of the DataVolumes the VM creates and owns (spec.dataVolumeTemplates). */
export const vmDataVolumeTemplateNames = (vm: VM | undefined): string[] =>
  (vm?.spec?.dataVolumeTemplates ?? []).map((t) => nameOf(t)).filter(Boolean);
