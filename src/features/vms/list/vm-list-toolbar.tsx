import {
  Button,
  Spinner,
  TextInputGroup,
  TextInputGroupMain,
  TextInputGroupUtilities,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { TimesIcon } from '@patternfly/react-icons/dist/esm/icons/times-icon';
import type { ReactNode } from 'react';
import type { PrintableStatus } from '../../../kubevirt/printable-status';
import { ListPagination } from '../../../components/list/list-pagination';
import { type ListParams } from './list-params';
import { StatusFilter } from './status-filter';

export interface VmListToolbarProps {
  text: string;
  onText: (text: string) => void;
  params: ListParams;
  onStatuses: (statuses: PrintableStatus[]) => void;
  onClearFilters: () => void;
  counts: ReadonlyMap<PrintableStatus, number>;
  total: number;
  page: number;
  onPage: (page: number, perPage: number) => void;
  bulkActions: ReactNode;
  createButton: ReactNode;
  /** The list is still arriving: the rows so far are shown, and a spinner says more are coming. */
  isPartial?: boolean;
}

export function VmListPagination(props: {
  total: number;
  page: number;
  perPage: number;
  onPage: (page: number, perPage: number) => void;
  bottom?: boolean;
}) {
  return <ListPagination id="vm-pagination" ariaLabel="Virtual machines pagination" {...props} />;
}

/** Filter by name/labels and status, bulk actions, create, and the page selector. */
export function VmListToolbar(p: VmListToolbarProps) {
  return (
    <Toolbar id="vm-list-toolbar" clearAllFilters={p.onClearFilters} collapseListedFiltersBreakpoint="md">
      <ToolbarContent>
        <ToolbarGroup variant="filter-group">
          <ToolbarItem>
            {/* PatternFly's filter box (the text input group SearchInput is made of), without
                SearchInput's advanced-search form, which this list does not use. */}
            <TextInputGroup id="vm-filter">
              <TextInputGroupMain
                icon={<SearchIcon />}
                aria-label="Filter by name or label"
                placeholder="Filter by name or label (key=value)"
                value={p.text}
                onChange={(_e, v) => p.onText(v)}
              />
              {p.text && (
                <TextInputGroupUtilities>
                  <Button
                    variant="plain"
                    aria-label="Clear the filter"
                    icon={<TimesIcon />}
                    onClick={() => p.onText('')}
                  />
                </TextInputGroupUtilities>
              )}
            </TextInputGroup>
          </ToolbarItem>
          <ToolbarFilter
            categoryName="Status"
            labels={p.params.statuses}
            deleteLabel={(_c, label) => p.onStatuses(p.params.statuses.filter((s) => s !== label))}
            deleteLabelGroup={() => p.onStatuses([])}
          >
            <StatusFilter selected={p.params.statuses} counts={p.counts} onChange={p.onStatuses} />
          </ToolbarFilter>
        </ToolbarGroup>
        <ToolbarGroup>
          <ToolbarItem>{p.createButton}</ToolbarItem>
          <ToolbarItem>{p.bulkActions}</ToolbarItem>
        </ToolbarGroup>
        {p.isPartial && (
          <ToolbarItem id="vm-list-loading-more" alignSelf="center">
            <Spinner size="md" aria-hidden="true" /> <span aria-live="polite">Loading more virtual machines…</span>
          </ToolbarItem>
        )}
        <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
          <VmListPagination total={p.total} page={p.page} perPage={p.params.perPage} onPage={p.onPage} />
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
}
