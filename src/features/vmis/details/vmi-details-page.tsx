import { Navigate, useNavigate, useParams } from 'react-router';
import { DetailsTabs, MissingObject, useWasThere } from '../../../components/details/details-tabs';
import { VirtualMachineInstanceModel } from '../../../k8s/models';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import { MissingVmiState } from './missing-vmi-state';
import { vmiDetailsPath, vmiTabFromPath, VMI_DETAILS_TABS } from './tabs';
import { VmiDetailsHeader } from './vmi-details-header';
import { VmiTabContent } from './vmi-tab-content';

/** /k8s/ns/:ns/virtualmachineinstances/:name/:tab — one VMI, live, with its tabs in the URL. */
export function VmiDetailsPage() {
  const params = useParams();
  const namespace = params.ns ?? '';
  const name = params.name ?? '';
  const tab = vmiTabFromPath(params['*']);
  const navigate = useNavigate();
  const { data: vmi, error, isLoading } = useK8sGet(VirtualMachineInstanceModel, name, namespace);
  const wasThere = useWasThere(vmi);

  if (!tab) return <Navigate to={vmiDetailsPath(namespace, name)} replace />;
  if (!vmi) {
    return (
      <MissingObject
        kind="VirtualMachine instance"
        name={name}
        error={error}
        isLoading={isLoading}
        notFound={<MissingVmiState namespace={namespace} name={name} deleted={wasThere} />}
      />
    );
  }

  return (
    <>
      <VmiDetailsHeader vmi={vmi} />
      <DetailsTabs
        idPrefix="vmi"
        namespace={namespace}
        name={name}
        ariaLabel="VirtualMachine instance details"
        tabs={VMI_DETAILS_TABS}
        active={tab}
        onSelect={(key) => navigate(vmiDetailsPath(namespace, name, key))}
      >
        <VmiTabContent tab={tab} vmi={vmi} />
      </DetailsTabs>
    </>
  );
}
