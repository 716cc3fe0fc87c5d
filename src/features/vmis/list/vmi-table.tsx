import { InnerScrollContainer, Table, Tbody, Td, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
import { Link } from 'react-router';
import { CellTimestamp } from '../../../components/timestamp';
import type { SortDirection } from '../../../lib/list-params';
import { namespacedPath } from '../../../lib/routes';
import { VmiActionsMenu } from '../actions/vmi-actions-ui';
import { VmiStatus } from '../vmi-status';
import type { VmiRow, VmiSortColumn } from './vmi-rows';
import './vmi-table.css';

const COLUMNS: Array<{ id: VmiSortColumn; title: string }> = [
  { id: 'name', title: 'Name' },
  { id: 'namespace', title: 'Namespace' },
  { id: 'phase', title: 'Phase' },
  { id: 'node', title: 'Node' },
  { id: 'ip', title: 'IP address' },
  { id: 'owner', title: 'Owner' },
  { id: 'created', title: 'Created' },
];

function VmiTableRow({ row }: { row: VmiRow }) {
  const id = `vmi-${row.namespace}-${row.name}`;
  return (
    <Tr id={id}>
      <Td id={`${id}-name`} modifier="nowrap" dataLabel="Name">
        <Link
          to={namespacedPath('virtualmachineinstances', row.namespace, row.name)}
          className="kv-vmi-cell-text"
          title={row.name}
        >
          {row.name}
        </Link>
      </Td>
      <Td id={`${id}-namespace`} modifier="nowrap" dataLabel="Namespace">
        <span className="kv-vmi-cell-text" title={row.namespace}>
          {row.namespace}
        </span>
      </Td>
      <Td id={`${id}-phase`} dataLabel="Phase">
        <VmiStatus vmi={row.vmi} />
      </Td>
      <Td id={`${id}-node`} modifier="nowrap" dataLabel="Node">
        <span className="kv-vmi-cell-text" title={row.node || undefined}>
          {row.node || '-'}
        </span>
      </Td>
      <Td id={`${id}-ip`} modifier="nowrap" dataLabel="IP address">
        <span className="kv-vmi-cell-text" title={row.ips.length ? row.ips.join(', ') : undefined}>
          {row.ips[0] ?? '-'}
          {row.ips.length > 1 && <span className="pf-v6-u-text-color-subtle"> +{row.ips.length - 1}</span>}
        </span>
      </Td>
      <Td id={`${id}-owner`} modifier="nowrap" dataLabel="Owner">
        {row.owner ? (
          <Link
            to={namespacedPath('virtualmachines', row.namespace, row.owner)}
            aria-label={`VirtualMachine ${row.owner}`}
            className="kv-vmi-cell-text"
            title={row.owner}
          >
            {row.owner}
          </Link>
        ) : (
          <span className="pf-v6-u-text-color-subtle">None</span>
        )}
      </Td>
      <Td id={`${id}-created`} dataLabel="Created">
        <CellTimestamp value={row.created} />
      </Td>
      <Td isActionCell id={`${id}-actions`}>
        <VmiActionsMenu vmi={row.vmi} />
      </Td>
    </Tr>
  );
}

export interface VmiTableProps {
  rows: readonly VmiRow[];
  sort: VmiSortColumn;
  direction: SortDirection;
  onSort: (column: VmiSortColumn, direction: SortDirection) => void;
}

/** One page of VMIs: sortable headers, linked names and owners, a kebab per row. */
export function VmiTable({ rows, sort, direction, onSort }: VmiTableProps) {
  const sortIndex = COLUMNS.findIndex((c) => c.id === sort);
  const sortBy = (column: VmiSortColumn, index: number): ThProps['sort'] => ({
    sortBy: { index: sortIndex, direction, defaultDirection: 'asc' },
    onSort: (_e, _i, dir) => onSort(column, dir),
    columnIndex: index,
  });
  // Long names are cut (kv-vmi-cell-text) so the table and its actions fit a 1280 px window; a
  // narrower one scrolls the table sideways, not the whole page.
  return (
    <InnerScrollContainer>
      <Table aria-label="VirtualMachine instances" variant="compact" id="vmi-table" className="kv-vmi-table">
        <Thead>
          <Tr>
            {COLUMNS.map((c, i) => (
              <Th key={c.id} id={`vmi-column-${c.id}`} modifier="wrap" sort={sortBy(c.id, i)}>
                {c.title}
              </Th>
            ))}
            <Th screenReaderText="Actions" id="vmi-column-actions" />
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <VmiTableRow key={row.key} row={row} />
          ))}
        </Tbody>
      </Table>
    </InnerScrollContainer>
  );
}
