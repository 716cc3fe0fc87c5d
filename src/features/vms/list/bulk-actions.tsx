import { Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { describedItemProps, useMenuPlacement } from '../../../components/disabled-reason';
import { useVmAccessByNamespace } from '../actions/use-vm-access';
import { useVmActionRunner } from '../actions/use-vm-action-runner';
import { VM_ACTION_LABELS, type VmActionId } from '../../../kubevirt/vm-action-rules';
import { vmAction, type VmAction } from '../actions/vm-actions';
import type { DeleteVmOptions } from '../actions/vm-requests';
import { BulkDeleteModal } from './bulk-delete-modal';
import type { VmRow } from './vm-rows';

const BULK: readonly VmActionId[] = ['start', 'stop', 'restart', 'snapshot', 'delete'];

export interface BulkTarget {
  row: VmRow;
  action: VmAction;
}

/** For each bulk action, the selected VMs it applies to (enabled for them) and the count of others. */
export function bulkPlan(rows: readonly VmRow[], accessOf: (ns: string) => Parameters<typeof vmAction>[3] | undefined) {
  const plan = new Map<VmActionId, BulkTarget[]>();
  for (const id of BULK) {
    const targets: BulkTarget[] = [];
    for (const row of rows) {
      const access = accessOf(row.namespace);
      if (!access) continue;
      const action = vmAction(id, row.vm, row.vmi, access);
      if (!action.disabledReason) targets.push({ row, action });
    }
    plan.set(id, targets);
  }
  return plan;
}

/** "Actions" for the selected rows: start, stop, restart and delete those that allow it. */
export function BulkActions({ rows, onDeleted }: { rows: readonly VmRow[]; onDeleted: (keys: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const [deleting, setDeleting] = useState<BulkTarget[] | null>(null);
  const namespaces = useMemo(() => [...new Set(rows.map((r) => r.namespace))].sort(), [rows]);
  const access = useVmAccessByNamespace(namespaces, rows.length > 0);
  const plan = useMemo(() => bulkPlan(rows, (ns) => access.get(ns)), [rows, access]);
  const { run } = useVmActionRunner();
  useMenuPlacement(BULK.map((id) => plan.get(id)?.length ?? 0).join('|'));

  const pick = (id: VmActionId) => {
    const targets = plan.get(id) ?? [];
    if (!targets.length) return;
    setOpen(false);
    if (id === 'delete') setDeleting(targets);
    else for (const t of targets) run(t.action, t.row.vm).catch(() => undefined);
  };
  const runDelete = async (options: DeleteVmOptions) => {
    const targets = deleting ?? [];
    const results = await Promise.allSettled(targets.map((t) => run(t.action, t.row.vm, { options })));
    onDeleted(targets.filter((_, i) => results[i].status === 'fulfilled').map((t) => t.row.key));
  };

  return (
    <>
      <Dropdown
        isOpen={open}
        onOpenChange={setOpen}
        toggle={(ref) => (
          <MenuToggle
            ref={ref}
            id="vm-bulk-actions"
            onClick={() => setOpen((o) => !o)}
            isExpanded={open}
            isDisabled={!rows.length}
          >
            {rows.length ? `Actions (${rows.length} selected)` : 'Actions'}
          </MenuToggle>
        )}
      >
        <DropdownList>
          {BULK.map((id) => {
            const n = plan.get(id)?.length ?? 0;
            const label = VM_ACTION_LABELS[id];
            return (
              <DropdownItem
                key={id}
                value={id}
                {...describedItemProps({
                  id: `vm-bulk-${id}`,
                  disabled: n === 0,
                  danger: id === 'delete',
                  description:
                    n === 0
                      ? `None of the selected virtual machines can ${label.toLowerCase()} now`
                      : `${n} of ${rows.length} selected`,
                })}
                onClick={() => pick(id)}
              >
                {label}
              </DropdownItem>
            );
          })}
        </DropdownList>
      </Dropdown>
      {deleting && (
        <BulkDeleteModal rows={deleting.map((t) => t.row)} onClose={() => setDeleting(null)} onDelete={runDelete} />
      )}
    </>
  );
}
