/**
 * The list's rows, kept up to date by what changed rather than rebuilt: with 10,000 VMs a watch
 * batch touches a handful of VMs and VMIs, and only their rows are made again.
 */
import { objectKeyOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import { type VMI } from '../../../kubevirt/vmi-selectors';
import { makeRow, type VmRow } from './vm-rows';

export interface RowSnapshot {
  /** Every row, in the VM list's order. Rows whose VM and VMI did not change keep their identity. */
  rows: readonly VmRow[];
  /**
   * Changes when rows are removed or moved; stays when rows are replaced in place or appended, so
   * the positions of an earlier snapshot's rows still hold in this one (see row-selector.ts).
   */
  layout: number;
}

export interface ListChanges {
  /** Positions in the new list of objects that are new or replaced. */
  changed: number[];
  /** Keys of old objects that are gone from their place (deleted, or moved: then also in `changed`). */
  removed: string[];
}

/**
 * What changed between two versions of a list, walking both in step: linear in the lists' length
 * but computing keys only where objects differ, so a watch batch (objects replaced in place,
 * removed, new ones appended, as the reducer does) or a list growing page by page costs little.
 * Any other change (a reorder) still comes out right: moved objects are removed and changed.
 */
export function listChanges<T>(prev: readonly T[], next: readonly T[], key: (o: T) => string): ListChanges {
  const changed: number[] = [];
  const removed: string[] = [];
  let j = 0;
  for (let i = 0; i < prev.length; i++) {
    if (j < next.length && (next[j] === prev[i] || key(next[j]) === key(prev[i]))) {
      if (next[j] !== prev[i]) changed.push(j);
      j++;
    } else {
      removed.push(key(prev[i]));
    }
  }
  for (; j < next.length; j++) changed.push(j);
  return { changed, removed };
}

const EMPTY: readonly never[] = [];

/**
 * Joins VMs with their VMIs into rows, remembering the last input. `update` costs what changed
 * when VMs were replaced or added and VMIs changed in any way; it rebuilds the rows (reusing
 * unchanged ones) when VMs were removed or moved.
 */
export class RowStore {
  private vms: readonly VM[] = EMPTY;
  private vmis: readonly VMI[] = EMPTY;
  private readonly vmiByKey = new Map<string, VMI>();
  /** Position of each VM's row in `snapshot.rows`. */
  private position = new Map<string, number>();
  private snapshot: RowSnapshot = { rows: EMPTY, layout: 0 };

  update(vms: readonly VM[], vmis: readonly VMI[] = EMPTY): RowSnapshot {
    if (vms === this.vms && vmis === this.vmis) return this.snapshot;
    const vmiKeys = this.updateVmis(vmis);
    const vmChanges = listChanges(this.vms, vms, objectKeyOf);
    this.vms = vms;
    if (vmChanges.removed.length) return this.rebuild();

    let rows: VmRow[] | undefined;
    const put = (i: number, row: VmRow) => {
      rows ??= this.snapshot.rows.slice();
      rows[i] = row;
    };
    for (const i of vmChanges.changed) {
      const vm = vms[i];
      const key = objectKeyOf(vm);
      this.position.set(key, i);
      put(i, makeRow(vm, this.vmiByKey.get(key)));
    }
    for (const key of vmiKeys) {
      const i = this.position.get(key);
      if (i === undefined) continue;
      const row = (rows ?? this.snapshot.rows)[i];
      const vmi = this.vmiByKey.get(key);
      if (row.vmi !== vmi) put(i, makeRow(row.vm, vmi));
    }
    if (rows) this.snapshot = { rows, layout: this.snapshot.layout };
    return this.snapshot;
  }

  /** Applies the VMI list's changes to the index; returns the keys whose VMI changed or went. */
  private updateVmis(vmis: readonly VMI[]): string[] {
    if (vmis === this.vmis) return [];
    const { changed, removed } = listChanges(this.vmis, vmis, objectKeyOf);
    this.vmis = vmis;
    for (const key of removed) this.vmiByKey.delete(key);
    const keys = changed.map((i) => {
      const key = objectKeyOf(vmis[i]);
      this.vmiByKey.set(key, vmis[i]);
      return key;
    });
    return [...removed, ...keys];
  }

  private rebuild(): RowSnapshot {
    const old = new Map(this.snapshot.rows.map((r) => [r.key, r]));
    const rows: VmRow[] = [];
    this.position = new Map();
    for (const vm of this.vms) {
      const key = objectKeyOf(vm);
      const vmi = this.vmiByKey.get(key);
      const prev = old.get(key);
      this.position.set(key, rows.length);
      rows.push(prev && prev.vm === vm && prev.vmi === vmi ? prev : makeRow(vm, vmi));
    }
    this.snapshot = { rows, layout: this.snapshot.layout + 1 };
    return this.snapshot;
  }
}
