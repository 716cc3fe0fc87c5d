import { PageSection, Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import { useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { isK8sError } from '../../../k8s/k8s-error';
import { VirtualMachineInstanceModel } from '../../../k8s/models';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import { uidOf } from '../../../k8s/meta';
import { MissingVmiState } from './missing-vmi-state';
import { vmiDetailsPath, vmiTabFromPath, VMI_DETAILS_TABS, type VmiDetailsTab } from './tabs';
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

  // Remember that the VMI was there, to tell "deleted while open" from "never existed".
  const [seenUid, setSeenUid] = useState<string | undefined>();
  const uid = uidOf(vmi);
  if (uid && uid !== seenUid) setSeenUid(uid);

  if (!tab) return <Navigate to={vmiDetailsPath(namespace, name)} replace />;
  if (!vmi) {
    if (isK8sError(error) && error.code === 404)
      return <MissingVmiState namespace={namespace} name={name} deleted={Boolean(seenUid)} />;
    if (error && !isLoading)
      return <ErrorState title={`Cannot load VirtualMachine instance ${name}`} error={error} reload />;
    return <LoadingState label={`Loading VirtualMachine instance ${name}`} />;
  }

  return (
    <>
      <VmiDetailsHeader vmi={vmi} />
      <PageSection type="tabs">
        <Tabs
          id={`vmi-${namespace}-${name}-tabs`}
          aria-label="VirtualMachine instance details"
          activeKey={tab}
          onSelect={(_e, key) => navigate(vmiDetailsPath(namespace, name, key as VmiDetailsTab))}
          usePageInsets
        >
          {VMI_DETAILS_TABS.map((t) => (
            <Tab
              key={t.id}
              eventKey={t.id}
              title={<TabTitleText>{t.title}</TabTitleText>}
              id="vmi-tab"
              tabContentId={`vmi-tabpanel-${t.id}`}
            />
          ))}
        </Tabs>
      </PageSection>
      <PageSection isFilled>
        {/* The tabs above control this one panel; only the active tab is mounted (and watches). */}
        <section role="tabpanel" id={`vmi-tabpanel-${tab}`} aria-labelledby={`pf-tab-${tab}-vmi-tab`}>
          <VmiTabContent tab={tab} vmi={vmi} />
        </section>
      </PageSection>
    </>
  );
}
