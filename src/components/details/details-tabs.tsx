import { PageSection, Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import { useState, type ReactNode } from 'react';
import { isK8sError } from '../../k8s/k8s-error';
import { uidOf } from '../../k8s/meta';
import type { K8sResource } from '../../k8s/types';
import type { DetailsTab } from '../../lib/details-tabs';
import { ErrorState } from '../error-state';
import { LoadingState } from '../loading-state';

export interface DetailsTabsProps<Id extends string> {
  /** "vm", "vmi": the ids are `<prefix>-<ns>-<name>-tabs`, `<prefix>-tab` and `<prefix>-tabpanel-<tab>`. */
  idPrefix: string;
  namespace: string;
  name: string;
  /** The tab list's accessible name: "VirtualMachine details". */
  ariaLabel: string;
  tabs: readonly DetailsTab<Id>[];
  active: Id;
  onSelect: (tab: Id) => void;
  /** The active tab's content: only that one is mounted (and watches). */
  children: ReactNode;
}

/** A details page's tabs (in the URL: the caller navigates on select) and the one panel they control. */
export function DetailsTabs<Id extends string>(p: DetailsTabsProps<Id>) {
  return (
    <>
      <PageSection type="tabs">
        <Tabs
          id={`${p.idPrefix}-${p.namespace}-${p.name}-tabs`}
          aria-label={p.ariaLabel}
          activeKey={p.active}
          onSelect={(_e, key) => p.onSelect(key as Id)}
          usePageInsets
        >
          {p.tabs.map((t) => (
            <Tab
              key={t.id}
              eventKey={t.id}
              title={<TabTitleText>{t.title}</TabTitleText>}
              id={`${p.idPrefix}-tab`}
              tabContentId={`${p.idPrefix}-tabpanel-${t.id}`}
            />
          ))}
        </Tabs>
      </PageSection>
      <PageSection isFilled>
        {/* The tabs above control this one panel; only the active tab is mounted (and watches). */}
        <section
          role="tabpanel"
          id={`${p.idPrefix}-tabpanel-${p.active}`}
          aria-labelledby={`pf-tab-${p.active}-${p.idPrefix}-tab`}
        >
          {p.children}
        </section>
      </PageSection>
    </>
  );
}

/** Whether the object was there at some point of this page's life: tells "deleted while open" from "never existed". */
export function useWasThere(obj: K8sResource | undefined): boolean {
  const [seenUid, setSeenUid] = useState<string | undefined>();
  const uid = uidOf(obj);
  if (uid && uid !== seenUid) setSeenUid(uid);
  return Boolean(seenUid);
}

export interface MissingObjectProps {
  /** "VirtualMachine", "VirtualMachine instance". */
  kind: string;
  name: string;
  error: unknown;
  isLoading: boolean;
  /** What a 404 shows (deleted, or never there). */
  notFound: ReactNode;
}

/** What a details page shows while its object is not there: not found, the error, or loading. */
export function MissingObject({ kind, name, error, isLoading, notFound }: MissingObjectProps) {
  if (isK8sError(error) && error.code === 404) return <>{notFound}</>;
  if (error && !isLoading) return <ErrorState title={`Cannot load ${kind} ${name}`} error={error} reload />;
  return <LoadingState label={`Loading ${kind} ${name}`} />;
}
