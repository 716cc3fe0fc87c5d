import type { ReactNode } from 'react';
import type { K8sResource } from '../k8s/types';
import { EmptyStateView } from './empty-state';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';
import { ResourceTable, type ResourceColumn } from './resource-table';

export interface ResourceListProps<T extends K8sResource> {
  /** Plural, lower-case words for messages: "virtual machines". */
  noun: string;
  ariaLabel: string;
  idPrefix: string;
  columns: ResourceColumn<T>[];
  data: T[] | undefined;
  error: unknown;
  isLoading: boolean;
  /** `data` is the first pages of a list still arriving (useK8sList's `partial`): shown at once. */
  isPartial?: boolean;
  namespace: string | undefined;
  emptyActions?: ReactNode;
}

/** Loading, error, empty or the table: every list page handles the four the same way. */
export function ResourceList<T extends K8sResource>(p: ResourceListProps<T>) {
  if (p.error && !p.data) return <ErrorState title={`Cannot load ${p.noun}`} error={p.error} reload />;
  if (p.isLoading || !p.data || (p.isPartial && !p.data.length)) return <LoadingState label={`Loading ${p.noun}`} />;
  if (!p.data.length) {
    return (
      <EmptyStateView title={`No ${p.noun} found`} actions={p.emptyActions}>
        {p.namespace
          ? `There are no ${p.noun} in namespace ${p.namespace}.`
          : `There are no ${p.noun} in any namespace.`}
      </EmptyStateView>
    );
  }
  return (
    <ResourceTable
      ariaLabel={p.ariaLabel}
      idPrefix={p.idPrefix}
      columns={p.columns}
      rows={p.data}
      loadingMore={p.isPartial ? `Loading more ${p.noun}…` : undefined}
    />
  );
}
