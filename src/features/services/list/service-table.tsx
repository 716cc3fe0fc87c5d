import { Button, Pagination } from '@patternfly/react-core';
import { AngleDownIcon } from '@patternfly/react-icons/dist/esm/icons/angle-down-icon';
import { AngleRightIcon } from '@patternfly/react-icons/dist/esm/icons/angle-right-icon';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { ServiceActionsMenu } from '../../../components/services/service-actions-menu';
import { AccessHintsList } from '../components/access-hints-list';
import type { ServiceRow } from '../model/service-rows';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { serviceColumns } from './service-columns';

const PER_PAGE = 50;

export const serviceRowId = (row: ServiceRow): string => `service-${namespaceOf(row.service)}-${nameOf(row.service)}`;

/** Services with what they expose; a row expands into its access hints. */
export interface ServiceTableProps {
  rows: ServiceRow[];
  routesServed: boolean;
  /** All namespaces: show a Namespace column. */
  showNamespace: boolean;
}

export function ServiceTable({ rows, routesServed, showNamespace }: ServiceTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [page, setPage] = useState(1);
  const columns = serviceColumns(routesServed, showNamespace);
  const lastPage = Math.max(1, Math.ceil(rows.length / PER_PAGE));
  const current = Math.min(page, lastPage);
  const visible = rows.slice((current - 1) * PER_PAGE, current * PER_PAGE);
  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <>
      {rows.length > PER_PAGE && (
        <Pagination
          itemCount={rows.length}
          page={current}
          perPage={PER_PAGE}
          perPageOptions={[{ title: String(PER_PAGE), value: PER_PAGE }]}
          onSetPage={(_e, p) => setPage(p)}
          titles={{ paginationAriaLabel: 'Services pagination' }}
          isCompact
        />
      )}
      <Table aria-label="Services" variant="compact">
        <Thead>
          <Tr>
            <Th screenReaderText="Access hints" />
            <Th modifier="wrap">Name</Th>
            {columns.map((c) => (
              <Th key={c.id} modifier="wrap">
                {c.title}
              </Th>
            ))}
            <Th screenReaderText="Actions" />
          </Tr>
        </Thead>
        {visible.map((row) => {
          const id = serviceRowId(row);
          const name = nameOf(row.service);
          const isOpen = expanded.has(row.key);
          return (
            <Tbody key={row.service.metadata?.uid ?? row.key} isExpanded={isOpen}>
              <Tr id={id}>
                <Td>
                  <Button
                    variant="plain"
                    id={`${id}-toggle`}
                    aria-label={`Access to ${name}`}
                    aria-expanded={isOpen}
                    aria-controls={`${id}-access`}
                    onClick={() => toggle(row.key)}
                    icon={isOpen ? <AngleDownIcon /> : <AngleRightIcon />}
                  />
                </Td>
                <Td id={`${id}-name`} dataLabel="Name" modifier="nowrap">
                  {name}
                </Td>
                {columns.map((c) => (
                  <Td key={c.id} id={`${id}-${c.id}`} dataLabel={c.title} modifier={c.modifier}>
                    {c.cell(row)}
                  </Td>
                ))}
                <Td isActionCell>
                  <ServiceActionsMenu service={row.service} routes={row.routes} />
                </Td>
              </Tr>
              <Tr isExpanded={isOpen} id={`${id}-access`}>
                <Td colSpan={columns.length + 3}>
                  {isOpen && (
                    <ExpandableRowContent>
                      <AccessHintsList hints={row.hints} idPrefix={id} />
                    </ExpandableRowContent>
                  )}
                </Td>
              </Tr>
            </Tbody>
          );
        })}
      </Table>
    </>
  );
}
