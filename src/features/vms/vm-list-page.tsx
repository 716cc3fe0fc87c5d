import { PageSection } from '@patternfly/react-core';
import { PlusCircleIcon } from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useActiveNamespace } from '../../components/active-namespace';
import { EmptyStateView } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { VirtualMachineInstanceModel, VirtualMachineModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import { namespacedPath } from '../../lib/routes';
import { VmActionAlerts } from './actions/vm-action-alerts';
import { BulkActions } from './list/bulk-actions';
import { ButtonLink } from './list/button-link';
import { useListParams } from './list/use-list-params';
import { VmListPagination, VmListToolbar } from './list/vm-list-toolbar';
import { buildRows, pageOf, selectRows, type RowCache } from './list/vm-rows';
import { VmTable } from './list/vm-table';
import { indexByKey, type VM, type VMI } from './selectors';
import type { PrintableStatus } from './status/printable-status';

/** Remembers the last rows so unchanged VMs keep their row objects (and memoized components). */
function createRowBuilder() {
  let last: RowCache | undefined;
  return (vms: readonly VM[], vmis: ReadonlyMap<string, VMI>): RowCache => (last = buildRows(vms, vmis, last));
}

/** The create form's route (owned by the create feature). */
const createPath = (namespace: string | undefined) => namespacedPath('virtualmachines', namespace ?? 'default', '~new');

/** Every VM of the namespace (or of all), live: status, node and IP from the one VMI watch. */
export function VmListPage() {
  const namespace = useActiveNamespace();
  const vms = useK8sList(VirtualMachineModel, { namespace });
  const vmis = useK8sList(VirtualMachineInstanceModel, { namespace });
  const view = useListParams();
  const { params } = view;

  const [rowBuilder] = useState(createRowBuilder);
  const vmiIndex = useMemo(() => indexByKey(vmis.data), [vmis.data]);
  const rows = useMemo(() => (vms.data ? rowBuilder(vms.data, vmiIndex) : undefined), [rowBuilder, vms.data, vmiIndex]);
  const counts = useMemo(() => {
    const m = new Map<PrintableStatus, number>();
    for (const r of rows?.values() ?? []) m.set(r.status, (m.get(r.status) ?? 0) + 1);
    return m;
  }, [rows]);
  const { statuses, sort, direction } = params;
  // The box's own text, deferred: typing stays responsive while the table catches up.
  const text = useDeferredValue(view.text);
  const filtered = useMemo(
    () => (rows ? selectRows(rows.values(), { text, statuses, sort, direction }) : []),
    [rows, text, statuses, sort, direction],
  );
  // While the typed filter has not reached the URL yet, its page is the first.
  const { items, page } = pageOf(filtered, text === params.text ? params.page : 1, params.perPage);

  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const onSelect = useCallback(
    (key: string, on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );
  const onSelectPage = (on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const r of items) if (on) next.add(r.key);
      else next.delete(r.key);
      return next;
    });
  const selectedRows = useMemo(() => [...selected].flatMap((k) => rows?.get(k) ?? []), [selected, rows]);
  const onDeleted = useCallback(
    (keys: string[]) => setSelected((prev) => new Set([...prev].filter((k) => !keys.includes(k)))),
    [],
  );

  const createButton = (
    <ButtonLink to={createPath(namespace)} variant="primary" id="vm-create">
      Create virtual machine
    </ButtonLink>
  );

  let body;
  if (vms.error && !vms.data) body = <ErrorState title="Cannot load virtual machines" error={vms.error} reload />;
  else if (!rows) body = <LoadingState label="Loading virtual machines" />;
  else if (rows.size === 0) {
    body = (
      <EmptyStateView title="No virtual machines found" icon={PlusCircleIcon} actions={createButton}>
        {namespace ? `There are no virtual machines in namespace ${namespace}.` : 'There are no virtual machines in any namespace.'}
      </EmptyStateView>
    );
  } else {
    body = (
      <>
        <VmListToolbar
          text={view.text}
          onText={view.onText}
          params={params}
          onStatuses={view.onStatuses}
          onClearFilters={view.onClearFilters}
          counts={counts}
          total={filtered.length}
          page={page}
          onPage={view.onPage}
          bulkActions={<BulkActions rows={selectedRows} onDeleted={onDeleted} />}
          createButton={createButton}
        />
        {filtered.length === 0 ? (
          <EmptyStateView title="No virtual machines match the filters">
            Change or clear the filters to see more virtual machines.
          </EmptyStateView>
        ) : (
          <>
            <VmTable
              rows={items}
              offset={(page - 1) * params.perPage}
              sort={params.sort}
              direction={params.direction}
              onSort={view.onSort}
              selected={selected}
              onSelect={onSelect}
              onSelectPage={onSelectPage}
            />
            <VmListPagination total={filtered.length} page={page} perPage={params.perPage} onPage={view.onPage} bottom />
          </>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeading title="Virtual machines" />
      <PageSection isFilled aria-label="Virtual machine list">
        {body}
      </PageSection>
      <VmActionAlerts />
    </>
  );
}
