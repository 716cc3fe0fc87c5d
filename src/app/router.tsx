import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoadingState } from '../components/loading-state';
import { NotFoundPage } from './not-found-page';
import { RedirectHome } from './redirect-home';
import { RouteErrorPage } from './route-error-page';
import { AppShell } from './shell/app-shell';

/** A list page served at /k8s/all-namespaces/<resource> and /k8s/ns/:ns/<resource>. */
function namespaced(resource: string, lazy: RouteObject['lazy']): RouteObject[] {
  return [
    { path: `k8s/all-namespaces/${resource}`, lazy },
    { path: `k8s/ns/:ns/${resource}`, lazy },
  ];
}

/** A console page alone in the window (outside the shell), openable in a new browser tab. */
const standaloneConsole = (resource: string, page: 'StandaloneVmConsolePage' | 'StandaloneVmiConsolePage'): RouteObject => ({
  path: `k8s/ns/:ns/${resource}/:name/console/standalone`,
  errorElement: <RouteErrorPage />,
  HydrateFallback: () => <LoadingState label="Loading the console" />,
  lazy: async () => ({ Component: (await import('../features/consoles/standalone-console-page'))[page] }),
});

// Each page is its own chunk, loaded on first visit.
export const routes: RouteObject[] = [
  standaloneConsole('virtualmachines', 'StandaloneVmConsolePage'),
  standaloneConsole('virtualmachineinstances', 'StandaloneVmiConsolePage'),
  {
    path: '/',
    Component: AppShell,
    errorElement: <RouteErrorPage />,
    HydrateFallback: () => <LoadingState label="Loading the console" />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, Component: RedirectHome },
          ...namespaced('overview', async () => ({
            Component: (await import('../features/overview/overview-page')).OverviewPage,
          })),
          ...namespaced('virtualmachines', async () => ({
            Component: (await import('../features/vms/vm-list-page')).VmListPage,
          })),
          {
            path: 'k8s/ns/:ns/virtualmachines/:name/expose',
            lazy: async () => ({ Component: (await import('../features/services/expose/expose-vm-page')).ExposeVmPage }),
          },
          {
            path: 'k8s/ns/:ns/virtualmachines/:name/*',
            lazy: async () => ({ Component: (await import('../features/vms/details/vm-details-page')).VmDetailsPage }),
          },
          ...namespaced('virtualmachines/~new', async () => ({
            Component: (await import('../features/create/create-vm-page')).CreateVmPage,
          })),
          ...namespaced('import', async () => ({
            Component: (await import('../features/create/import/import-yaml-page')).ImportYamlPage,
          })),
          ...namespaced('virtualmachineinstances', async () => ({
            Component: (await import('../features/vmis/vmi-list-page')).VmiListPage,
          })),
          ...namespaced('services', async () => ({
            Component: (await import('../features/services/service-list-page')).ServiceListPage,
          })),
          {
            path: 'cluster',
            lazy: async () => ({ Component: (await import('../features/cluster/cluster-page')).ClusterPage }),
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
