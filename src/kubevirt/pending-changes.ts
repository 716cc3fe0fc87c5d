/**
 * What differs between a VM's template and its running VMI: the changes a restart (or a live
 * update still in progress) would bring. Compared from the VM's side, so the defaults the VMI
 * gained when it started are not reported; named lists (disks, interfaces, volumes, networks)
 * are compared by name both ways, so added and removed devices show. Pure.
 */
import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

export interface PendingChange {
  /** Dotted path in the VMI spec, e.g. domain.cpu.cores or domain.devices.disks[data]. */
  field: string;
  /** The VM's value (what the next start uses); undefined when removed from the VM. */
  vm: unknown;
  /** The running VMI's value; undefined when the VMI does not have it. */
  vmi: unknown;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNamedList = (v: unknown): v is Json[] =>
  Array.isArray(v) && v.length > 0 && v.every((i) => isObject(i) && typeof i.name === 'string');
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Fields that change at run time or are filled in per start: never a pending change. */
const IGNORED = new Set(['domain.firmware.uuid', 'terminationGracePeriodSeconds']);

function compare(vm: unknown, vmi: unknown, field: string, out: PendingChange[]): void {
  if (IGNORED.has(field)) return;
  if (isObject(vm)) {
    if (!isObject(vmi)) {
      if (Object.keys(vm).length) out.push({ field, vm, vmi });
      return;
    }
    for (const key of Object.keys(vm)) compare(vm[key], vmi[key], field ? `${field}.${key}` : key, out);
    return;
  }
  if (isNamedList(vm) || (Array.isArray(vm) && isNamedList(vmi))) {
    const vmItems = vm as Json[];
    const vmiItems = Array.isArray(vmi) ? (vmi as Json[]) : [];
    for (const item of vmItems) {
      const other = vmiItems.find((i) => isObject(i) && i.name === item.name);
      compare(item, other, `${field}[${String(item.name)}]`, out);
    }
    for (const item of vmiItems) {
      if (!isObject(item) || vmItems.some((i) => i.name === item.name)) continue;
      out.push({ field: `${field}[${String(item.name)}]`, vm: undefined, vmi: item });
    }
    return;
  }
  if (vm === undefined) return;
  if (!same(vm, vmi)) out.push({ field, vm, vmi });
}

/** The VM template's fields that the running VMI does not have as the VM says. */
export function pendingChanges(
  vm: V1VirtualMachine | undefined,
  vmi: V1VirtualMachineInstance | undefined,
): PendingChange[] {
  const wanted = vm?.spec?.template?.spec;
  if (!wanted || !vmi?.spec) return [];
  const out: PendingChange[] = [];
  compare(wanted, vmi.spec, '', out);
  return out;
}

/** A value as one short line for a table cell. */
export function describeValue(v: unknown): string {
  if (v === undefined) return '-';
  if (typeof v === 'string') return v;
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}
