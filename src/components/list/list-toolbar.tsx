import { Spinner, Toolbar, ToolbarContent, ToolbarFilter, ToolbarGroup, ToolbarItem } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { FilterBox } from './filter-box';

export interface ListToolbarFilter<S extends string> {
  /** The chip group's name: "Status", "Phase". */
  category: string;
  selected: S[];
  onChange: (values: S[]) => void;
  /** What chooses the values (a CheckboxFilter). */
  control: ReactNode;
}

export interface ListToolbarProps<S extends string> {
  /** "vm", "vmi": the ids are `<prefix>-list-toolbar`, `<prefix>-filter` and `<prefix>-list-loading-more`. */
  idPrefix: string;
  text: string;
  onText: (text: string) => void;
  onClearFilters: () => void;
  filter: ListToolbarFilter<S>;
  /** Buttons after the filters (create, bulk actions), one toolbar item each. */
  actions?: ReactNode[];
  /** While the list is still arriving, what the spinner says ("Loading more virtual machines…"). */
  loadingMore?: string;
  /** The page selector (a ListPagination). */
  pagination: ReactNode;
}

/** A list's toolbar: filter by name/labels and by one kind of value, actions, and the page selector. */
export function ListToolbar<S extends string>(p: ListToolbarProps<S>) {
  const { filter } = p;
  return (
    <Toolbar id={`${p.idPrefix}-list-toolbar`} clearAllFilters={p.onClearFilters} collapseListedFiltersBreakpoint="md">
      <ToolbarContent>
        <ToolbarGroup variant="filter-group">
          <ToolbarItem>
            <FilterBox id={`${p.idPrefix}-filter`} value={p.text} onChange={p.onText} />
          </ToolbarItem>
          <ToolbarFilter
            categoryName={filter.category}
            labels={filter.selected}
            deleteLabel={(_c, label) => filter.onChange(filter.selected.filter((s) => s !== label))}
            deleteLabelGroup={() => filter.onChange([])}
          >
            {filter.control}
          </ToolbarFilter>
        </ToolbarGroup>
        {p.actions && (
          <ToolbarGroup>
            {p.actions.map((action, i) => (
              <ToolbarItem key={i}>{action}</ToolbarItem>
            ))}
          </ToolbarGroup>
        )}
        {p.loadingMore && (
          <ToolbarItem id={`${p.idPrefix}-list-loading-more`} alignSelf="center">
            <Spinner size="md" aria-hidden="true" /> <span aria-live="polite">{p.loadingMore}</span>
          </ToolbarItem>
        )}
        <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
          {p.pagination}
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
}
