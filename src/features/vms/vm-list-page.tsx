import { PageSection } from '@patternfly/react-core';
import { PlusCircleIcon } from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useActiveNamespace } from '../../components/active-namespace';
import { accessDeniedReason } from '../../components/disabled-reason';
import { EmptyStateView } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { FilteredRows } from '../../components/list/filtered-rows';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { useAccessReview } from '../../k8s/access-review';
import { namespacedPath } from '../../lib/routes';
import { VmActionAlerts } from './actions/vm-action-alerts';
import { LazyBulkActions } from './list/lazy-bulk-actions';
import { ButtonLink } from './list/button-link';
import { useListParams } from './list/use-list-params';
import { VmListPagination, VmListToolbar } from './list/vm-list-toolbar';
import { useSelectedRows, useShallowStable, useVmRows } from './list/use-vm-rows';
import { pageOf, type VmRow } from './list/vm-rows';
import { VmTable } from './list/vm-table';
import { ColumnChooser } from './list/column-chooser';
import { useVmColumns } from './list/columns';
import { useInstancetypeIndex } from './list/use-instancetype-index';
import type { PrintableStatus } from '../../kubevirt/printable-status';

const NO_ROWS: readonly VmRow[] = [];

/**
 * No row of the VM table is shorter than this (they are 41 to 46 px tall, with or without condition
 * labels): a window of height h shows at most h / 40 of them, less the page's heading and toolbar.
 */
const MIN_ROW_HEIGHT = 40;

/**
 * The rows to draw now: all of `rows` once React has had time for them, else only as many as the
 * window can show. The rest follow in a deferred render, which React runs in slices after the
 * first ones are on screen, so a keystroke or the first load does not wait for rows below the fold.
 */
function useFirstRowsFirst<T>(rows: readonly T[]): readonly T[] {
  const visible = Math.ceil(window.innerHeight / MIN_ROW_HEIGHT);
  const more = rows.length > visible;
  // A page the window holds is drawn at once: its deferred value stays null, so React schedules
  // no second render for it.
  const all = useDeferredValue(more ? rows : null, more ? (NO_ROWS as readonly T[]) : null);
  return !more || all === rows ? rows : rows.slice(0, visible);
}

/** The create form's route (owned by the create feature). */
const createPath = (namespace: string | undefined) => namespacedPath('virtualmachines', namespace ?? 'default', '~new');

/** Every VM of the namespace (or of all), live: status, node and IP from the one VMI watch. */
export function VmListPage() {
  const namespace = useActiveNamespace();
  const { snapshot, error, isPartial } = useVmRows(namespace);
  const rows = snapshot?.rows;
  const view = useListParams();
  const { params } = view;
  const [extraColumns, setExtraColumns] = useVmColumns();
  const instancetypes = useInstancetypeIndex(namespace, extraColumns.length > 0);

  const counts = useMemo(() => {
    const m = new Map<PrintableStatus, number>();
    for (const r of rows ?? NO_ROWS) m.set(r.status, (m.get(r.status) ?? 0) + 1);
    return m;
  }, [rows]);
  const { statuses, sort, direction } = params;
  // The box's own text, at once: filtering 10,000 precomputed search keys and drawing one page of
  // rows fits in a frame, so a paste or a keystroke shows its rows in the same render.
  const text = view.text;
  const filtered = useSelectedRows(snapshot, { text, statuses, sort, direction });
  // While the typed filter has not reached the URL yet, its page is the first.
  const paged = pageOf(filtered, text === params.text ? params.page : 1, params.perPage);
  const { page } = paged;
  // The same array while the page shows the same rows: the memoized table then skips the batch.
  const items = useShallowStable(paged.items);
  // A new page of rows (the first one, or a keystroke's) is drawn in two renders: the rows a window
  // can show at once, then the rest of the page at a lower priority, after that frame.
  const drawn = useFirstRowsFirst(items);

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
  const onSelectPage = useCallback(
    (on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        for (const r of items)
          if (on) next.add(r.key);
          else next.delete(r.key);
        return next;
      }),
    [items],
  );
  const selectedRows = useMemo(
    () => (selected.size && rows ? rows.filter((r) => selected.has(r.key)) : NO_ROWS),
    [selected, rows],
  );
  const onDeleted = useCallback(
    (keys: string[]) => setSelected((prev) => new Set([...prev].filter((k) => !keys.includes(k)))),
    [],
  );

  // The create form starts in this namespace (default when listing all of them).
  const createIn = namespace ?? 'default';
  const canCreate = useAccessReview({
    group: 'kubevirt.io',
    resource: 'virtualmachines',
    verb: 'create',
    namespace: createIn,
  });
  const createButton = (
    <ButtonLink
      to={createPath(namespace)}
      variant="primary"
      id="vm-create"
      disabledReason={accessDeniedReason(canCreate, `create virtual machines in namespace ${createIn}`)}
    >
      Create virtual machine
    </ButtonLink>
  );

  let body;
  if (error && !rows) body = <ErrorState title="Cannot load virtual machines" error={error} reload />;
  else if (!rows) body = <LoadingState label="Loading virtual machines" />;
  else if (rows.length === 0 && !isPartial) {
    body = (
      <EmptyStateView title="No virtual machines found" icon={PlusCircleIcon} actions={createButton}>
        {namespace
          ? `There are no virtual machines in namespace ${namespace}.`
          : 'There are no virtual machines in any namespace.'}
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
          bulkActions={<LazyBulkActions rows={selectedRows} onDeleted={onDeleted} />}
          createButton={createButton}
          columnChooser={<ColumnChooser shown={extraColumns} onChange={setExtraColumns} />}
          isPartial={isPartial}
        />
        <FilteredRows
          count={filtered.length}
          noun="virtual machines"
          pagination={
            <VmListPagination
              total={filtered.length}
              page={page}
              perPage={params.perPage}
              onPage={view.onPage}
              bottom
            />
          }
        >
          <VmTable
            rows={drawn}
            offset={(page - 1) * params.perPage}
            sort={params.sort}
            direction={params.direction}
            onSort={view.onSort}
            selected={selected}
            onSelect={onSelect}
            onSelectPage={onSelectPage}
            showNamespace={!namespace}
            extraColumns={extraColumns}
            instancetypes={instancetypes}
          />
        </FilteredRows>
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
