import { Content, PageSection, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useActiveNamespace } from '../../components/active-namespace';
import { accessDeniedReason, ReasonButton } from '../../components/disabled-reason';
import { useBootSources } from '../../components/kubevirt/use-boot-sources';
import { PageHeading } from '../../components/page-heading';
import { ResourceList } from '../../components/resource-list';
import { useAccessByNamespace, useAccessReview } from '../../k8s/access-review';
import { BOOT_SOURCE_NAMESPACES, type VolumeRow } from '../../kubevirt/boot-sources';
import { DeleteVolumeDialog } from './list/delete-volume-dialog';
import { volumeColumns } from './list/volume-columns';

// The dialog (form, upload, file inspection) loads when first opened.
const AddVolumeDialog = lazy(() => import('./add/add-volume-dialog').then((m) => ({ default: m.AddVolumeDialog })));

const DELETE_IDS = ['delete'] as const;
const DELETE_REVIEW = { delete: { group: 'cdi.kubevirt.io', resource: 'datasources', verb: 'delete' } };

/** The DataSources VMs can boot from: the user's and the cluster's boot sources, with add and delete. */
export function BootableVolumesPage() {
  const namespace = useActiveNamespace();
  const { rows, error } = useBootSources(namespace);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<VolumeRow>();
  const target = namespace ?? 'default';
  const create = useAccessReview({
    group: 'cdi.kubevirt.io',
    resource: 'datavolumes',
    verb: 'create',
    namespace: target,
  });
  const addReason = accessDeniedReason(create, `create DataVolumes in namespace ${target}`);
  const namespaces = useMemo(() => [...new Set((rows ?? []).map((r) => r.namespace))].sort(), [rows]);
  const access = useAccessByNamespace(DELETE_IDS, DELETE_REVIEW, namespaces);
  const byKey = useMemo(() => new Map((rows ?? []).map((r) => [r.key, r])), [rows]);
  const columns = volumeColumns({
    rows: byKey,
    showNamespace: true,
    onDelete: setDeleting,
    deleteReason: (ns) => {
      const v = access.get(ns)?.delete;
      if (v?.allowed) return undefined;
      if (!v || v.loading) return 'Checking your permissions…';
      return `You are not allowed to delete DataSources in namespace ${ns}${v.reason ? ` (${v.reason})` : ''}`;
    },
  });
  const addButton = (
    <ReasonButton
      id="bootable-volumes-add"
      variant="primary"
      onClick={() => setAdding(true)}
      disabledReason={addReason}
    >
      Add volume
    </ReasonButton>
  );
  return (
    <>
      <PageHeading title="Bootable volumes">
        <Content component="p">
          DataSources that VMs clone their root disk from: in {namespace ? `namespace ${namespace}` : 'every namespace'}{' '}
          and the cluster&apos;s boot sources ({BOOT_SOURCE_NAMESPACES.join(', ')}), kept fresh by DataImportCrons.
        </Content>
      </PageHeading>
      <PageSection isFilled aria-label="Bootable volume list">
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>{addButton}</ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <ResourceList
          noun="bootable volumes"
          ariaLabel="Bootable volumes"
          idPrefix="bootable-volume"
          columns={columns}
          data={rows?.map((r) => r.dataSource)}
          error={error}
          isLoading={!rows}
          namespace={namespace}
        />
      </PageSection>
      {adding && (
        <Suspense fallback={null}>
          <AddVolumeDialog namespace={target} onClose={() => setAdding(false)} />
        </Suspense>
      )}
      {deleting && <DeleteVolumeDialog row={deleting} onClose={() => setDeleting(undefined)} />}
    </>
  );
}
