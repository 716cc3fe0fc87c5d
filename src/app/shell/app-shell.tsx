import { Page, PageSidebar, PageSidebarBody, SkipToContent } from '@patternfly/react-core';
import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../../components/error-boundary';
import { EmulationBanner } from '../../components/kubevirt/emulation-banner';
import { LoadingState } from '../../components/loading-state';
import { AppMasthead } from './app-masthead';
import { AppNav } from './app-nav';
import { useKeyboardLayer } from './use-keyboard-layer';
import { useNamespaceChoice } from './use-namespace-choice';

const MAIN_ID = 'main-content';

/**
 * The page frame: masthead, sidebar and the current route. A page that fails to render (or whose
 * code fails to load) shows its error here, and the next path starts afresh.
 */
export function AppShell() {
  const [namespace] = useNamespaceChoice();
  const location = useLocation();
  const { openPalette, layer } = useKeyboardLayer(namespace);
  return (
    <Page
      masthead={<AppMasthead onOpenPalette={openPalette} />}
      banner={<EmulationBanner />}
      sidebar={
        <PageSidebar>
          <PageSidebarBody>
            <AppNav namespace={namespace} />
          </PageSidebarBody>
        </PageSidebar>
      }
      isManagedSidebar
      skipToContent={<SkipToContent href={`#${MAIN_ID}`}>Skip to content</SkipToContent>}
      mainContainerId={MAIN_ID}
      mainAriaLabel="Page content"
    >
      <ErrorBoundary key={location.pathname}>
        <Suspense fallback={<LoadingState label="Loading the console" />}>
          <Outlet />
        </Suspense>
      </ErrorBoundary>
      {layer}
    </Page>
  );
}
