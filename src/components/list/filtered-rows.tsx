import type { ReactNode } from 'react';
import { EmptyStateView } from '../empty-state';

export interface FilteredRowsProps {
  /** How many rows pass the filters (on every page). */
  count: number;
  /** What the rows are, plural and lower-case in a sentence: "virtual machines". */
  noun: string;
  /** The table of this page's rows. */
  children: ReactNode;
  /** The page selector under the table (a ListPagination with `bottom`). */
  pagination: ReactNode;
}

/** A filtered list's table and its bottom page selector, or an empty state when no row passes the filters. */
export function FilteredRows({ count, noun, children, pagination }: FilteredRowsProps) {
  if (count === 0) {
    return (
      <EmptyStateView title={`No ${noun} match the filters`}>
        {`Change or clear the filters to see more ${noun}.`}
      </EmptyStateView>
    );
  }
  return (
    <>
      {children}
      {pagination}
    </>
  );
}
