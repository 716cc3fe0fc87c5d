import { Label, LabelGroup } from '@patternfly/react-core';
import { InnerScrollContainer, Table, TableContext, Tbody, Thead, Tr, type ThProps } from '@patternfly/react-table';
import { memo, useContext, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
// Td and Th that measure their truncation once, not on every render of the table (stable-cells.tsx).
import { StableTd as Td, StableTh as Th } from '../../../components/stable-cells';
import { CellTimestamp } from '../../../components/timestamp';
import { namespacedPath } from '../../../lib/routes';
import { vmActiveConditions } from '../../../kubevirt/vm-selectors';
import { VmStatus } from '../status/vm-status';
import { RowActions } from './row-actions';
import { OPTIONAL_COLUMN_TITLES, type OptionalColumn } from './columns';
import type { SortColumn, SortDirection } from './list-params';
import type { VmRow } from './vm-rows';
import { vmSizing, type InstancetypeIndex } from './vm-sizing';
import './vm-table.css';

interface Column {
  id: string;
  title: string;
  sort?: SortColumn;
}

const COLUMNS: Column[] = [
  { id: 'name', title: 'Name', sort: 'name' },
  { id: 'namespace', title: 'Namespace', sort: 'namespace' },
  { id: 'status', title: 'Status', sort: 'status' },
  { id: 'conditions', title: 'Conditions' },
  { id: 'node', title: 'Node', sort: 'node' },
  { id: 'ip', title: 'IP address', sort: 'ip' },
  { id: 'created', title: 'Created', sort: 'created' },
];

/** Stable row id: vm-<ns>-<name>; cells append -<column>. */
export const vmRowId = (row: Pick<VmRow, 'namespace' | 'name'>): string => `vm-${row.namespace}-${row.name}`;

interface RowProps {
  row: VmRow;
  index: number;
  selected: boolean;
  onSelect: (key: string, selected: boolean) => void;
  showNamespace: boolean;
  extraColumns: readonly OptionalColumn[];
  instancetypes: InstancetypeIndex;
}

/** The optional sizing cells, computed for the rows of the page only. */
function SizingCells({
  row,
  columns,
  instancetypes,
}: {
  row: VmRow;
  columns: readonly OptionalColumn[];
  instancetypes: InstancetypeIndex;
}) {
  const id = vmRowId(row);
  const size = vmSizing(row.vm, row.vmi, instancetypes);
  const text: Record<OptionalColumn, string> = {
    cpu: size.cpu ? `${size.cpu} vCPU` : '-',
    memory: size.memory ?? '-',
    instancetype: size.instancetype ?? '-',
  };
  return columns.map((c) => (
    <Td
      key={c}
      id={`${id}-${c}`}
      dataLabel={OPTIONAL_COLUMN_TITLES[c]}
      modifier="nowrap"
      title={c === 'instancetype' ? size.instancetypeKind : undefined}
    >
      {text[c]}
    </Td>
  ));
}

const VmTableRow = memo(function VmTableRow({
  row,
  index,
  selected,
  onSelect,
  showNamespace,
  extraColumns,
  instancetypes,
}: RowProps) {
  const id = vmRowId(row);
  const conditions = vmActiveConditions(row.vm);
  return (
    <Tr id={id} isSelectable isRowSelected={selected}>
      <Td
        select={{
          rowIndex: index,
          isSelected: selected,
          onSelect: (_e, isSelecting) => onSelect(row.key, isSelecting),
        }}
        aria-label={`Select ${row.name}`}
      />
      <Td id={`${id}-name`} modifier="breakWord" dataLabel="Name">
        <Link to={namespacedPath('virtualmachines', row.namespace, row.name)}>{row.name}</Link>
      </Td>
      {showNamespace && (
        <Td id={`${id}-namespace`} modifier="breakWord" dataLabel="Namespace">
          {row.namespace}
        </Td>
      )}
      <Td id={`${id}-status`} dataLabel="Status">
        <VmStatus vm={row.vm} vmi={row.vmi} />
      </Td>
      <Td id={`${id}-conditions`} dataLabel="Conditions">
        {conditions.length ? (
          <LabelGroup numLabels={2} aria-label={`Conditions of ${row.name}`}>
            {conditions.map((c) => (
              <Label key={c.type} isCompact color={c.type === 'Failure' ? 'red' : 'grey'} title={c.message || c.reason}>
                {c.type}
              </Label>
            ))}
          </LabelGroup>
        ) : (
          '-'
        )}
      </Td>
      <Td id={`${id}-node`} modifier="breakWord" dataLabel="Node">
        {row.node || '-'}
      </Td>
      <Td id={`${id}-ip`} modifier="nowrap" dataLabel="IP address">
        {row.ips[0] ?? '-'}
        {row.ips.length > 1 && <span className="pf-v6-u-text-color-subtle"> +{row.ips.length - 1}</span>}
      </Td>
      {extraColumns.length > 0 && <SizingCells row={row} columns={extraColumns} instancetypes={instancetypes} />}
      <Td id={`${id}-created`} dataLabel="Created">
        <CellTimestamp value={row.created} />
      </Td>
      {/* Sticky: the row's actions stay in view when long names make the table scroll sideways. */}
      <Td isActionCell isStickyColumn stickyMinWidth="0" stickyRightOffset="0" hasLeftBorder id={`${id}-actions`}>
        <RowActions vm={row.vm} vmi={row.vmi} />
      </Td>
    </Tr>
  );
});

/**
 * PatternFly's Table hands its cells a new context object on every render, so every cell of every
 * row re-renders with it, memoized rows or not. This passes one object on for as long as its
 * contents mean the same: the first registerSelectableRow stays valid (it only ever turns on the
 * table's "has selectable rows" state).
 */
function StableTableContext({ children }: { children: ReactNode }) {
  const { registerSelectableRow, hasAnimations, variant } = useContext(TableContext);
  const [register] = useState(() => registerSelectableRow);
  const value = useMemo(
    () => ({ registerSelectableRow: register, hasAnimations, variant }),
    [register, hasAnimations, variant],
  );
  return <TableContext.Provider value={value}>{children}</TableContext.Provider>;
}

export interface VmTableProps {
  rows: readonly VmRow[];
  /** Index of the page's first row in the whole filtered list (for row select indexes). */
  offset: number;
  sort: SortColumn;
  direction: SortDirection;
  onSort: (column: SortColumn, direction: SortDirection) => void;
  selected: ReadonlySet<string>;
  onSelect: (key: string, selected: boolean) => void;
  onSelectPage: (selected: boolean) => void;
  /** All namespaces are listed: show the Namespace column (one namespace: its name is in the selector). */
  showNamespace: boolean;
  /** The optional columns shown (after IP address), and the instance types they read. */
  extraColumns: readonly OptionalColumn[];
  instancetypes: InstancetypeIndex;
}

/**
 * The VM table of one page: sortable headers, row selection, status, kebab. Memoized, like its
 * rows: a watch batch that changes no row of the page renders nothing here.
 */
export const VmTable = memo(function VmTable({
  rows,
  offset,
  sort,
  direction,
  onSort,
  selected,
  onSelect,
  onSelectPage,
  showNamespace,
  extraColumns,
  instancetypes,
}: VmTableProps) {
  const columns = useMemo(() => {
    const base = showNamespace ? COLUMNS : COLUMNS.filter((c) => c.id !== 'namespace');
    const at = base.findIndex((c) => c.id === 'ip') + 1;
    const extra = extraColumns.map((c): Column => ({ id: c, title: OPTIONAL_COLUMN_TITLES[c] }));
    return [...base.slice(0, at), ...extra, ...base.slice(at)];
  }, [showNamespace, extraColumns]);
  const sortIndex = columns.findIndex((c) => c.sort === sort);
  const sortBy = (column: SortColumn, index: number): ThProps['sort'] => ({
    sortBy: { index: sortIndex, direction, defaultDirection: 'asc' },
    onSort: (_e, _i, dir) => onSort(column, dir),
    columnIndex: index,
  });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.key));
  // A window narrower than the table scrolls the table sideways, not the whole page.
  return (
    <InnerScrollContainer>
      <Table aria-label="Virtual machines" variant="compact" id="vm-table" className="kv-vm-table">
        <StableTableContext>
          <Thead>
            <Tr>
              <Th
                select={{ onSelect: (_e, isSelecting) => onSelectPage(isSelecting), isSelected: allSelected }}
                aria-label="Select all rows of this page"
              />
              {columns.map((c, i) => (
                <Th key={c.id} id={`vm-column-${c.id}`} modifier="wrap" sort={c.sort ? sortBy(c.sort, i) : undefined}>
                  {c.title}
                </Th>
              ))}
              <Th screenReaderText="Actions" isStickyColumn stickyMinWidth="0" stickyRightOffset="0" hasLeftBorder />
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row, i) => (
              <VmTableRow
                key={row.key}
                row={row}
                index={offset + i}
                selected={selected.has(row.key)}
                onSelect={onSelect}
                showNamespace={showNamespace}
                extraColumns={extraColumns}
                instancetypes={instancetypes}
              />
            ))}
          </Tbody>
        </StableTableContext>
      </Table>
    </InnerScrollContainer>
  );
});
