import { Pagination, Spinner, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState, type ReactNode } from 'react';
import type { K8sResource } from '../k8s/types';

export interface ResourceColumn<T> {
  /** Stable id: part of each cell's id (`<prefix>-<ns>-<name>-<id>`). */
  id: string;
  title: string;
  cell: (obj: T) => ReactNode;
}

export interface ResourceTableProps<T extends K8sResource> {
  /** The table's accessible name, e.g. "Virtual machines". */
  ariaLabel: string;
  /** Row and cell id prefix, e.g. "vm" gives rows `vm-<ns>-<name>` and cells `vm-<ns>-<name>-status`. */
  idPrefix: string;
  columns: ResourceColumn<T>[];
  rows: T[];
  perPageOptions?: number[];
  /** The rows are the first pages of a list still arriving: a spinner says so, "Loading more <noun>…". */
  loadingMore?: string;
}

/** The id of an object's row; cells append `-<column id>`. */
export const rowId = (prefix: string, obj: K8sResource): string =>
  [prefix, obj.metadata?.namespace, obj.metadata?.name].filter(Boolean).join('-');

/** A PatternFly table of Kubernetes objects with stable row/cell ids and client-side pages. */
export function ResourceTable<T extends K8sResource>({
  ariaLabel,
  idPrefix,
  columns,
  rows,
  perPageOptions = [20, 50, 100],
  loadingMore,
}: ResourceTableProps<T>) {
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(perPageOptions[1] ?? perPageOptions[0]);
  const lastPage = Math.max(1, Math.ceil(rows.length / perPage));
  const current = Math.min(page, lastPage);
  const visible = rows.slice((current - 1) * perPage, current * perPage);
  return (
    <>
      {(rows.length > perPageOptions[0] || loadingMore) && (
        <Toolbar>
          <ToolbarContent>
            {loadingMore && (
              <ToolbarItem id={`${idPrefix}-list-loading-more`} alignSelf="center">
                <Spinner size="md" aria-hidden="true" /> <span aria-live="polite">{loadingMore}</span>
              </ToolbarItem>
            )}
            <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
              <Pagination
                itemCount={rows.length}
                page={current}
                perPage={perPage}
                perPageOptions={perPageOptions.map((n) => ({ title: String(n), value: n }))}
                onSetPage={(_e, p) => setPage(p)}
                onPerPageSelect={(_e, n) => {
                  setPerPage(n);
                  setPage(1);
                }}
                titles={{ paginationAriaLabel: `${ariaLabel} pagination` }}
                isCompact
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      )}
      <Table aria-label={ariaLabel} variant="compact">
        <Thead>
          <Tr>
            {columns.map((c) => (
              <Th key={c.id}>{c.title}</Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {visible.map((obj) => {
            const id = rowId(idPrefix, obj);
            return (
              <Tr key={obj.metadata?.uid ?? id} id={id}>
                {columns.map((c) => (
                  <Td key={c.id} id={`${id}-${c.id}`} dataLabel={c.title}>
                    {c.cell(obj)}
                  </Td>
                ))}
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </>
  );
}
