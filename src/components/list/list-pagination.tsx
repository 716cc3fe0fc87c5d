import { Pagination } from '@patternfly/react-core';
import { PER_PAGE_OPTIONS } from '../../lib/list-params';

export interface ListPaginationProps {
  /** "vmi-pagination" (the bottom one gets "-bottom"). */
  id: string;
  /** "VirtualMachine instances pagination" (the bottom one gets ", bottom"). */
  ariaLabel: string;
  total: number;
  page: number;
  perPage: number;
  onPage: (page: number, perPage: number) => void;
  bottom?: boolean;
}

/** A list's page selector, compact above the table, full below it. */
export function ListPagination({ id, ariaLabel, total, page, perPage, onPage, bottom }: ListPaginationProps) {
  return (
    <Pagination
      id={bottom ? `${id}-bottom` : id}
      itemCount={total}
      page={page}
      perPage={perPage}
      perPageOptions={PER_PAGE_OPTIONS.map((n) => ({ title: String(n), value: n }))}
      onSetPage={(_e, p) => onPage(p, perPage)}
      onPerPageSelect={(_e, n) => onPage(1, n)}
      variant={bottom ? 'bottom' : 'top'}
      isCompact={!bottom}
      titles={{ paginationAriaLabel: bottom ? `${ariaLabel}, bottom` : ariaLabel }}
    />
  );
}
