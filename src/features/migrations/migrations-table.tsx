import { Label, Progress, ProgressMeasureLocation } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import { ReasonButton } from '../../components/disabled-reason/reason-button';
import type { AccessVerdict } from '../../k8s/access-review';
import { cancelDisabledReason, formatDuration } from '../../kubevirt/migrations';
import { formatBytes } from '../../lib/quantity';
import { namespacedPath } from '../../lib/routes';
import { rowDuration, type MigrationRow } from './migration-rows';

const PHASE_COLOR: Record<string, 'green' | 'red' | 'blue' | 'grey'> = {
  Succeeded: 'green',
  Failed: 'red',
  Running: 'blue',
};

function ProgressCell({ row }: { row: MigrationRow }) {
  const id = `migration-${row.namespace}-${row.name}-progress`;
  if (!row.progress) {
    return (
      <span id={id} className="pf-v6-u-text-color-subtle">
        {row.final ? '-' : row.phase === 'Running' ? 'Migrating: no data figures yet' : 'Not started'}
      </span>
    );
  }
  const { percent, data } = row.progress;
  const text = data
    ? `${formatBytes(data.processed)} processed, ${formatBytes(Math.max(0, data.remaining))} remaining`
    : undefined;
  return (
    <Progress
      id={id}
      value={percent}
      size="sm"
      measureLocation={ProgressMeasureLocation.outside}
      // the table's cells break words anywhere: "100%" broke over three lines
      label={<span className="pf-v6-u-text-nowrap">{Math.floor(percent)}%</span>}
      aria-label={`Progress of migration ${row.name}`}
      helperText={text}
      variant={row.phase === 'Failed' ? 'danger' : row.phase === 'Succeeded' ? 'success' : undefined}
    />
  );
}

export function MigrationsTable({
  rows,
  showNamespace,
  access,
  now,
  onCancel,
}: {
  rows: MigrationRow[];
  showNamespace: boolean;
  access: Map<string, { cancel: AccessVerdict }>;
  now: number;
  onCancel: (row: MigrationRow) => void;
}) {
  return (
    <Table aria-label="VirtualMachineInstance migrations" id="migration-table" variant="compact">
      <Thead>
        <Tr>
          <Th modifier="wrap">Name</Th>
          {showNamespace && <Th modifier="wrap">Namespace</Th>}
          <Th modifier="wrap">VirtualMachine instance</Th>
          <Th modifier="wrap">Phase</Th>
          <Th modifier="wrap">Source node</Th>
          <Th modifier="wrap">Target node</Th>
          <Th modifier="wrap">Progress</Th>
          <Th modifier="wrap">Duration</Th>
          <Th modifier="wrap">Migration policy</Th>
          <Th screenReaderText="Actions" />
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((r) => {
          const verdict = access.get(r.namespace)?.cancel;
          const reason = cancelDisabledReason(r.migration, verdict?.loading ? undefined : verdict?.allowed);
          const id = (field: string) => `migration-${r.namespace}-${r.name}-${field}`;
          return (
            <Tr key={r.key} id={id('row')}>
              <Td dataLabel="Name">{r.name}</Td>
              {showNamespace && <Td dataLabel="Namespace">{r.namespace}</Td>}
              <Td dataLabel="VirtualMachine instance">
                <Link to={namespacedPath('virtualmachineinstances', r.namespace, r.vmiName)}>{r.vmiName}</Link>
              </Td>
              <Td dataLabel="Phase" id={id('phase')}>
                <Label isCompact color={PHASE_COLOR[r.phase] ?? 'grey'}>
                  {r.phase}
                </Label>
              </Td>
              <Td dataLabel="Source node" id={id('source')}>
                {r.sourceNode ?? '-'}
              </Td>
              <Td dataLabel="Target node" id={id('target')}>
                {r.targetNode ?? '-'}
              </Td>
              <Td dataLabel="Progress" style={{ minWidth: '10rem' }}>
                <ProgressCell row={r} />
              </Td>
              <Td dataLabel="Duration" id={id('duration')}>
                {formatDuration(rowDuration(r, now))}
              </Td>
              <Td dataLabel="Migration policy" id={id('policy')}>
                {r.policyName ?? <span className="pf-v6-u-text-color-subtle">Cluster settings</span>}
                {r.policySettings.length > 0 && (
                  <div className="pf-v6-u-font-size-sm pf-v6-u-text-color-subtle">{r.policySettings.join(', ')}</div>
                )}
              </Td>
              <Td isActionCell>
                <ReasonButton
                  id={id('cancel')}
                  variant="link"
                  isDanger
                  isInline
                  aria-label={`Cancel migration ${r.name}`}
                  disabledReason={reason}
                  onClick={() => onCancel(r)}
                >
                  Cancel
                </ReasonButton>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}
