import { PageSection } from '@patternfly/react-core';
import { useDeferredValue, useMemo } from 'react';
import { useActiveNamespace } from '../../components/active-namespace';
import { EmptyStateView } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { FilteredRows } from '../../components/list/filtered-rows';
import { useListView } from '../../components/list/use-list-view';
import { ListPagination } from '../../components/list/list-pagination';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { VirtualMachineInstanceModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import type { VmiPhase } from '../../kubevirt/vmi-selectors';
import { pageOf } from '../../lib/list-query';
import { VmiActionAlerts } from './actions/vmi-action-alerts';
import { VmiListToolbar } from './list/vmi-list-toolbar';
import { makeVmiRow, selectVmiRows, VMI_LIST_VIEW } from './list/vmi-rows';
import { VmiTable } from './list/vmi-table';

/** Every VirtualMachineInstance, including those no VirtualMachine owns, live; filter, sort and pages in the URL. */
export function VmiListPage() {
  const namespace = useActiveNamespace();
  // Shown from the list's first page on: thousands of VMIs take a while to arrive.
  const { data, error, isPartial } = useK8sList(VirtualMachineInstanceModel, { namespace, partial: true });
  const rows = useMemo(() => data?.map(makeVmiRow), [data]);
  const view = useListView(VMI_LIST_VIEW);
  const { params } = view;
  // The box's own text, deferred: typing stays responsive while the table catches up.
  const text = useDeferredValue(view.text);
  const { statuses, sort, direction } = params;
  const filtered = useMemo(
    () => selectVmiRows(rows ?? [], { text, statuses, sort, direction }),
    [rows, text, statuses, sort, direction],
  );
  const counts = useMemo(() => {
    const m = new Map<VmiPhase, number>();
    for (const r of rows ?? []) m.set(r.phase, (m.get(r.phase) ?? 0) + 1);
    return m;
  }, [rows]);
  // While the typed filter has not reached the URL yet, its page is the first.
  const { items, page } = pageOf(filtered, text === params.text ? params.page : 1, params.perPage);

  let body;
  if (error && !rows) body = <ErrorState title="Cannot load VirtualMachine instances" error={error} reload />;
  else if (!rows || (isPartial && !rows.length)) body = <LoadingState label="Loading VirtualMachine instances" />;
  else if (!rows.length) {
    body = (
      <EmptyStateView title="No VirtualMachine instances found">
        {namespace
          ? `There are no VirtualMachine instances in namespace ${namespace}.`
          : 'There are no VirtualMachine instances in any namespace.'}
      </EmptyStateView>
    );
  } else {
    body = (
      <>
        <VmiListToolbar
          text={view.text}
          onText={view.onText}
          view={params}
          onPhases={view.onStatuses}
          onClearFilters={view.onClearFilters}
          counts={counts}
          total={filtered.length}
          page={page}
          onPage={view.onPage}
          isPartial={isPartial}
        />
        <FilteredRows
          count={filtered.length}
          noun="VirtualMachine instances"
          pagination={
            <ListPagination
              id="vmi-pagination"
              ariaLabel="VirtualMachine instances pagination"
              total={filtered.length}
              page={page}
              perPage={params.perPage}
              onPage={view.onPage}
              bottom
            />
          }
        >
          <VmiTable rows={items} sort={sort} direction={direction} onSort={view.onSort} />
        </FilteredRows>
      </>
    );
  }

  return (
    <>
      <PageHeading title="VirtualMachine instances" />
      <PageSection isFilled aria-label="VirtualMachine instance list">
        {body}
      </PageSection>
      <VmiActionAlerts />
    </>
  );
}
