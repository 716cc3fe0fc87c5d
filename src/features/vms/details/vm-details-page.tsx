import { Navigate, useNavigate, useParams } from 'react-router';
import { DetailsTabs, MissingObject, useWasThere } from '../../../components/details/details-tabs';
import { VirtualMachineModel } from '../../../k8s/models';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import { VmDeletedState, VmNotFoundState } from './missing-vm-state';
import { tabFromPath, vmDetailsPath, VM_DETAILS_TABS } from './tabs';
import { VmDetailsHeader } from './vm-details-header';
import { VmTabContent } from './vm-tab-content';
import './vm-details.css';

/** /k8s/ns/:ns/virtualmachines/:name/:tab — one VM, live, with its tabs in the URL. */
export function VmDetailsPage() {
  const params = useParams();
  const namespace = params.ns ?? '';
  const name = params.name ?? '';
  const tab = tabFromPath(params['*']);
  const navigate = useNavigate();
  const { data: vm, error, isLoading } = useK8sGet(VirtualMachineModel, name, namespace);
  const wasThere = useWasThere(vm);

  if (!tab) return <Navigate to={vmDetailsPath(namespace, name)} replace />;
  if (!vm) {
    const gone = wasThere ? (
      <VmDeletedState namespace={namespace} name={name} />
    ) : (
      <VmNotFoundState namespace={namespace} name={name} />
    );
    return <MissingObject kind="VirtualMachine" name={name} error={error} isLoading={isLoading} notFound={gone} />;
  }

  return (
    <>
      <VmDetailsHeader vm={vm} />
      <DetailsTabs
        idPrefix="vm"
        namespace={namespace}
        name={name}
        ariaLabel="VirtualMachine details"
        tabs={VM_DETAILS_TABS}
        active={tab}
        onSelect={(key) => navigate(vmDetailsPath(namespace, name, key))}
      >
        <VmTabContent tab={tab} vm={vm} />
      </DetailsTabs>
    </>
  );
}
