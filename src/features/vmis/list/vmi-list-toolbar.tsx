import { CheckboxFilter } from '../../../components/list/checkbox-filter';
import { ListPagination } from '../../../components/list/list-pagination';
import { ListToolbar } from '../../../components/list/list-toolbar';
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
    <ListToolbar
      idPrefix="vmi"
      text={p.text}
      onText={p.onText}
      onClearFilters={p.onClearFilters}
      filter={{
        category: 'Phase',
        selected: p.view.statuses,
        onChange: p.onPhases,
        control: (
          <CheckboxFilter
            id="vmi-phase-filter"
            label="Phase"
            listLabel="Phases"
            values={VMI_PHASES}
            selected={p.view.statuses}
            counts={p.counts}
            onChange={p.onPhases}
          />
        ),
      }}
      loadingMore={p.isPartial ? 'Loading more VirtualMachine instances…' : undefined}
      pagination={
        <ListPagination
          id="vmi-pagination"
          ariaLabel="VirtualMachine instances pagination"
          total={p.total}
          page={p.page}
          perPage={p.view.perPage}
          onPage={p.onPage}
        />
      }
    />
  );
}
