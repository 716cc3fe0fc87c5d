import { Card, CardBody, CardTitle, Gallery } from '@patternfly/react-core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { VmThumbnailGalleryProps } from '../../components/console-slots';
import { EmptyStateView } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { VirtualMachineInstanceModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import { namespacedPath } from '../../lib/routes';
import { isVmiRunning } from './diagnose';
import { ScreenThumbnail } from './screen-thumbnail';
import { nameOf, namespaceOf } from '../../k8s/meta';

/** At most this many screens on the overview. */
export const GALLERY_MAX = 12;

/** The screens of running VMIs, each a link to its console tab (a VM's VMI: the VM's; else the VMI's). */
export function VmThumbnailGallery({ namespace }: VmThumbnailGalleryProps) {
  const vmis = useK8sList(VirtualMachineInstanceModel, { namespace });
  const running = useMemo(
    () =>
      (vmis.data ?? [])
        .filter(isVmiRunning)
        .sort((a, b) =>
          `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(`${b.metadata?.namespace}/${b.metadata?.name}`),
        )
        .slice(0, GALLERY_MAX),
    [vmis.data],
  );
  if (vmis.error) return <ErrorState title="Cannot load VirtualMachine instances" error={vmis.error} />;
  if (!vmis.data) return <LoadingState label="Loading screens" />;
  if (running.length === 0)
    return <EmptyStateView title="No running virtual machines">Screens of running VMs appear here.</EmptyStateView>;
  return (
    <Gallery hasGutter minWidths={{ default: '200px' }} aria-label="Screens of running VMs" component="ul">
      {running.map((vmi) => {
        const ns = namespaceOf(vmi);
        const name = nameOf(vmi);
        const ownedByVm = vmi.metadata?.ownerReferences?.some((o) => o.kind === 'VirtualMachine');
        const to = ownedByVm
          ? `${namespacedPath('virtualmachines', ns, name, 'console')}?type=vnc`
          : `${namespacedPath('virtualmachineinstances', ns, name, 'console')}?type=vnc`;
        return (
          <Card key={`${ns}/${name}`} component="li" isCompact>
            <CardTitle>
              <Link to={to}>{name}</Link>
              {!namespace && <span className="pf-v6-u-text-color-subtle"> ({ns})</span>}
            </CardTitle>
            <CardBody>
              <ScreenThumbnail namespace={ns} name={name} running />
            </CardBody>
          </Card>
        );
      })}
    </Gallery>
  );
}
