import { Alert, Content, PageSection, Stack, StackItem } from '@patternfly/react-core';
import { useEffect, useMemo, useState } from 'react';
import { useActiveNamespace } from '../../components/active-namespace';
import { EmptyStateView } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { useAccessByNamespace } from '../../k8s/access-review';
import { VirtualMachineInstanceMigrationModel, VirtualMachineInstanceModel } from '../../k8s/models';
import { isPrometheusError } from '../../k8s/prometheus';
import { usePrometheusInstant } from '../../k8s/use-prometheus';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import { MIGRATION_PROCESSED, MIGRATION_REMAINING, migrationMetricQuery } from '../../kubevirt/metrics-queries';
import { CancelMigrationDialog } from './cancel-migration-dialog';
import { migrationDataByVmi, migrationRows, type MigrationRow } from './migration-rows';
import { MigrationsTable } from './migrations-table';

const CANCEL_IDS = ['cancel'] as const;
const CANCEL_ACCESS = {
  cancel: { group: 'kubevirt.io', resource: 'virtualmachineinstancemigrations', verb: 'delete' },
};

/** The clock, ticking every second while `live`: running migrations' durations move. */
function useNow(live: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [live]);
  return now;
}

/** Every VirtualMachineInstanceMigration (of the namespace, or all), live, with progress and Cancel. */
export function MigrationsPage() {
  const namespace = useActiveNamespace();
  const migrations = useK8sList(VirtualMachineInstanceMigrationModel, { namespace });
  const vmis = useK8sList(VirtualMachineInstanceModel, { namespace });
  const running = (migrations.data ?? []).some((m) => !['Succeeded', 'Failed'].includes(m.status?.phase ?? ''));
  const processed = usePrometheusInstant(
    migrationMetricQuery(MIGRATION_PROCESSED, namespace),
    running && 2000,
    running,
  );
  const remaining = usePrometheusInstant(
    migrationMetricQuery(MIGRATION_REMAINING, namespace),
    running && 2000,
    running,
  );
  const rows = useMemo(
    () =>
      migrations.data
        ? migrationRows(migrations.data, vmis.data ?? [], migrationDataByVmi(processed.data, remaining.data))
        : undefined,
    [migrations.data, vmis.data, processed.data, remaining.data],
  );
  const namespaces = useMemo(() => [...new Set((rows ?? []).map((r) => r.namespace))].sort(), [rows]);
  const access = useAccessByNamespace(CANCEL_IDS, CANCEL_ACCESS, namespaces);
  const [cancelling, setCancelling] = useState<MigrationRow>();
  const now = useNow(running);
  const metricsError = processed.error ?? remaining.error;

  let body;
  if (migrations.error && !rows) body = <ErrorState title="Cannot load migrations" error={migrations.error} reload />;
  else if (!rows) body = <LoadingState label="Loading migrations" />;
  else if (!rows.length)
    body = (
      <EmptyStateView title="No migrations found">
        {namespace
          ? `There are no VirtualMachineInstance migrations in namespace ${namespace}.`
          : 'There are no VirtualMachineInstance migrations in any namespace.'}{' '}
        Migrate a running VirtualMachine from its actions menu.
      </EmptyStateView>
    );
  else
    body = (
      <Stack hasGutter>
        {metricsError && running && (
          <StackItem>
            <Alert
              variant="info"
              isInline
              isPlain
              title={
                isPrometheusError(metricsError) && metricsError.notConfigured
                  ? 'Data processed and remaining need Prometheus: start the console server with --prometheus-url'
                  : `Cannot read migration progress: ${metricsError.message}`
              }
            />
          </StackItem>
        )}
        <StackItem>
          <MigrationsTable rows={rows} showNamespace={!namespace} access={access} now={now} onCancel={setCancelling} />
        </StackItem>
      </Stack>
    );

  return (
    <>
      <PageHeading title="Migrations">
        <Content component="p">
          Live migrations of VirtualMachine instances between nodes, with the migration policy that applies.
        </Content>
      </PageHeading>
      <PageSection isFilled aria-label="Migration list">
        {body}
      </PageSection>
      {cancelling && <CancelMigrationDialog row={cancelling} onClose={() => setCancelling(undefined)} />}
    </>
  );
}
