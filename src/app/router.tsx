import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createRoutesFromElements, Route, type RouteObject } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary';
import { LoadingState } from '../components/loading-state';
// The console's home page (where "/" leads) is part of the first file the browser loads: its table
// shows without waiting for a second request, and one compressed file is smaller than several.
import { VmListPage } from '../features/vms/vm-list-page';
import { NotFoundPage } from './not-found-page';
import { RedirectHome } from './redirect-home';
import { AppShell } from './shell/app-shell';

/** A page's component from its own chunk, loaded on first visit. */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): ComponentType {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}

const OverviewPage = page(
  () => import('../features/overview/overview-page'),
  (m) => m.OverviewPage,
);
const ExposeVmPage = page(
  () => import('../features/services/expose/expose-vm-page'),
  (m) => m.ExposeVmPage,
);
const VmDetailsPage = page(
  () => import('../features/vms/details/vm-details-page'),
  (m) => m.VmDetailsPage,
);
const CreateVmPage = page(
  () => import('../features/create/create-vm-page'),
  (m) => m.CreateVmPage,
);
const ImportYamlPage = page(
  () => import('../features/create/import/import-yaml-page'),
  (m) => m.ImportYamlPage,
);
const VmiListPage = page(
  () => import('../features/vmis/vmi-list-page'),
  (m) => m.VmiListPage,
);
const VmiDetailsPage = page(
  () => import('../features/vmis/details/vmi-details-page'),
  (m) => m.VmiDetailsPage,
);
const MigrationsPage = page(
  () => import('../features/migrations/migrations-page'),
  (m) => m.MigrationsPage,
);
const ServiceListPage = page(
  () => import('../features/services/service-list-page'),
  (m) => m.ServiceListPage,
);
const BootableVolumesPage = page(
  () => import('../features/bootable-volumes/bootable-volumes-page'),
  (m) => m.BootableVolumesPage,
);
const ClusterPage = page(
  () => import('../features/cluster/cluster-page'),
  (m) => m.ClusterPage,
);
const StandaloneVmConsolePage = page(
  () => import('../features/consoles/standalone-console-page'),
  (m) => m.StandaloneVmConsolePage,
);
const StandaloneVmiConsolePage = page(
  () => import('../features/consoles/standalone-console-page'),
  (m) => m.StandaloneVmiConsolePage,
);

/** A list page served at /k8s/all-namespaces/<resource> and /k8s/ns/:ns/<resource>. */
function namespaced(resource: string, element: ReactNode) {
  return [
    <Route key={`all-${resource}`} path={`k8s/all-namespaces/${resource}`} element={element} />,
    <Route key={`ns-${resource}`} path={`k8s/ns/:ns/${resource}`} element={element} />,
  ];
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
export function appRoutes(): RouteObject[] {
  return createRoutesFromElements(
    <>
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
        {namespaced('virtualmachines', <VmListPage />)}
        <Route path="k8s/ns/:ns/virtualmachines/:name/expose" element={<ExposeVmPage />} />
        <Route path="k8s/ns/:ns/virtualmachines/:name/*" element={<VmDetailsPage />} />
        {namespaced('virtualmachines/~new', <CreateVmPage />)}
        {namespaced('import', <ImportYamlPage />)}
        {namespaced('virtualmachineinstances', <VmiListPage />)}
        <Route path="k8s/ns/:ns/virtualmachineinstances/:name/*" element={<VmiDetailsPage />} />
        {namespaced('migrations', <MigrationsPage />)}
        {namespaced('services', <ServiceListPage />)}
        {namespaced('bootablevolumes', <BootableVolumesPage />)}
        <Route path="cluster" element={<ClusterPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </>,
  );
}
