import { PageSection, Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import { useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { isK8sError } from '../../../k8s/k8s-error';
import { VirtualMachineModel } from '../../../k8s/models';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import { uidOf } from '../../../k8s/meta';
import { VmDeletedState, VmNotFoundState } from './missing-vm-state';
import { tabFromPath, vmDetailsPath, VM_DETAILS_TABS, type VmDetailsTab } from './tabs';
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

  // Remember that the VM was there, to tell "deleted while open" from "never existed".
  const [seenUid, setSeenUid] = useState<string | undefined>();
  const uid = uidOf(vm);
  if (uid && uid !== seenUid) setSeenUid(uid);

  if (!tab) return <Navigate to={vmDetailsPath(namespace, name)} replace />;
  if (!vm) {
    if (isK8sError(error) && error.code === 404) {
      return seenUid ? (
        <VmDeletedState namespace={namespace} name={name} />
      ) : (
        <VmNotFoundState namespace={namespace} name={name} />
      );
    }
    if (error && !isLoading) return <ErrorState title={`Cannot load VirtualMachine ${name}`} error={error} reload />;
    return <LoadingState label={`Loading VirtualMachine ${name}`} />;
  }

  return (
    <>
      <VmDetailsHeader vm={vm} />
      <PageSection type="tabs">
        <Tabs
          id={`vm-${namespace}-${name}-tabs`}
          aria-label="VirtualMachine details"
          activeKey={tab}
          onSelect={(_e, key) => navigate(vmDetailsPath(namespace, name, key as VmDetailsTab))}
          usePageInsets
        >
          {VM_DETAILS_TABS.map((t) => (
            <Tab
              key={t.id}
              eventKey={t.id}
              title={<TabTitleText>{t.title}</TabTitleText>}
              id="vm-tab"
              tabContentId={`vm-tabpanel-${t.id}`}
            />
          ))}
        </Tabs>
      </PageSection>
      <PageSection isFilled>
        {/* The tabs above control this one panel; only the active tab is mounted (and watches). */}
        <section role="tabpanel" id={`vm-tabpanel-${tab}`} aria-labelledby={`pf-tab-${tab}-vm-tab`}>
          <VmTabContent tab={tab} vm={vm} />
        </section>
      </PageSection>
    </>
  );
}
