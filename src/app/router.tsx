import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary';
import { LoadingState } from '../components/loading-state';
import { vmListTargets } from '../features/vms/list/vm-list-targets';
import { useWatchManager } from '../k8s/watch/watch-context';
import { NotFoundPage } from './not-found-page';
import { RedirectHome } from './redirect-home';
import { AppShell } from './shell/app-shell';

/** A page's component from its own chunk, loaded on first visit. */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): ComponentType {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}

const OverviewPage = page(() => import('../features/overview/overview-page'), (m) => m.OverviewPage);
const VmListPage = page(() => import('../features/vms/vm-list-page'), (m) => m.VmListPage);
const ExposeVmPage = page(() => import('../features/services/expose/expose-vm-page'), (m) => m.ExposeVmPage);
const VmDetailsPage = page(() => import('../features/vms/details/vm-details-page'), (m) => m.VmDetailsPage);
const CreateVmPage = page(() => import('../features/create/create-vm-page'), (m) => m.CreateVmPage);
const ImportYamlPage = page(() => import('../features/create/import/import-yaml-page'), (m) => m.ImportYamlPage);
const VmiListPage = page(() => import('../features/vmis/vmi-list-page'), (m) => m.VmiListPage);
const ServiceListPage = page(() => import('../features/services/service-list-page'), (m) => m.ServiceListPage);
const ClusterPage = page(() => import('../features/cluster/cluster-page'), (m) => m.ClusterPage);
const StandaloneVmConsolePage = page(() => import('../features/consoles/standalone-console-page'), (m) => m.StandaloneVmConsolePage);
const StandaloneVmiConsolePage = page(() => import('../features/consoles/standalone-console-page'), (m) => m.StandaloneVmiConsolePage);

/** A list page served at /k8s/all-namespaces/<resource> and /k8s/ns/:ns/<resource>. */
function namespaced(resource: string, element: ReactNode) {
  return [
    <Route key={`all-${resource}`} path={`k8s/all-namespaces/${resource}`} element={element} />,
    <Route key={`ns-${resource}`} path={`k8s/ns/:ns/${resource}`} element={element} />,
  ];
}

/**
 * The VM list's route: starts its watches at navigation, in parallel with loading the page's code
 * (10,000 VMs take a while to list); the page joins the same watches when it mounts.
 */
function VmListRoute() {
  const { ns } = useParams();
  const manager = useWatchManager();
  // This route commits at once (the page suspends inside it), so its effect starts the watches
  // before the page's chunk arrives.
  useEffect(() => {
    const { vms, vmis } = vmListTargets(ns || undefined);
    manager.prefetch(vms);
    manager.prefetch(vmis);
  }, [manager, ns]);
  return (
    <Suspense fallback={<LoadingState label="Loading the console" />}>
      <VmListPage />
    </Suspense>
  );
}

/** A console page alone in the window (outside the shell), openable in a new browser tab. */
function Standalone({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<LoadingState label="Loading the console" />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** Every route of the console. Each page is its own chunk; the shell shows a spinner while one loads. */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="k8s/ns/:ns/virtualmachines/:name/console/standalone"
        element={
          <Standalone>
            <StandaloneVmConsolePage />
          </Standalone>
        }
      />
      <Route
        path="k8s/ns/:ns/virtualmachineinstances/:name/console/standalone"
        element={
          <Standalone>
            <StandaloneVmiConsolePage />
          </Standalone>
        }
      />
      <Route path="/" element={<AppShell />}>
        <Route index element={<RedirectHome />} />
        {namespaced('overview', <OverviewPage />)}
        {namespaced('virtualmachines', <VmListRoute />)}
        <Route path="k8s/ns/:ns/virtualmachines/:name/expose" element={<ExposeVmPage />} />
        <Route path="k8s/ns/:ns/virtualmachines/:name/*" element={<VmDetailsPage />} />
        {namespaced('virtualmachines/~new', <CreateVmPage />)}
        {namespaced('import', <ImportYamlPage />)}
        {namespaced('virtualmachineinstances', <VmiListPage />)}
        {namespaced('services', <ServiceListPage />)}
        <Route path="cluster" element={<ClusterPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
