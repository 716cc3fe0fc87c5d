import { Spinner, Toolbar, ToolbarContent, ToolbarFilter, ToolbarGroup, ToolbarItem } from '@patternfly/react-core';
import { CheckboxFilter } from '../../../components/list/checkbox-filter';
import { FilterBox } from '../../../components/list/filter-box';
import { ListPagination } from '../../../components/list/list-pagination';
import type { VmiPhase } from '../../../kubevirt/vmi-selectors';
import { VMI_PHASES, type VmiListView } from './vmi-rows';

export interface VmiListToolbarProps {
  text: string;
  onText: (text: string) => void;
  view: VmiListView;
  onPhases: (phases: VmiPhase[]) => void;
  onClearFilters: () => void;
  counts: ReadonlyMap<VmiPhase, number>;
  total: number;
  page: number;
  onPage: (page: number, perPage: number) => void;
  isPartial?: boolean;
}

/** Filter by name/labels and phase, and the page selector. */
export function VmiListToolbar(p: VmiListToolbarProps) {
  return (
    <Toolbar id="vmi-list-toolbar" clearAllFilters={p.onClearFilters} collapseListedFiltersBreakpoint="md">
      <ToolbarContent>
        <ToolbarGroup variant="filter-group">
          <ToolbarItem>
            <FilterBox id="vmi-filter" value={p.text} onChange={p.onText} />
          </ToolbarItem>
          <ToolbarFilter
            categoryName="Phase"
            labels={p.view.statuses}
            deleteLabel={(_c, label) => p.onPhases(p.view.statuses.filter((s) => s !== label))}
            deleteLabelGroup={() => p.onPhases([])}
          >
            <CheckboxFilter
              id="vmi-phase-filter"
              label="Phase"
              listLabel="Phases"
              values={VMI_PHASES}
              selected={p.view.statuses}
              counts={p.counts}
              onChange={p.onPhases}
            />
          </ToolbarFilter>
        </ToolbarGroup>
        {p.isPartial && (
          <ToolbarItem id="vmi-list-loading-more" alignSelf="center">
            <Spinner size="md" aria-hidden="true" />{' '}
            <span aria-live="polite">Loading more VirtualMachine instances…</span>
          </ToolbarItem>
        )}
        <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
          <ListPagination
            id="vmi-pagination"
            ariaLabel="VirtualMachine instances pagination"
            total={p.total}
            page={p.page}
            perPage={p.view.perPage}
            onPage={p.onPage}
          />
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
}
