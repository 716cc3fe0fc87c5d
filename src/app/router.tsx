import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { LoadingState } from '../components/loading-state';
import { vmListTargets } from '../features/vms/list/vm-list-targets';
import type { WatchManager } from '../k8s/watch/watch-manager';
import { NotFoundPage } from './not-found-page';
import { RedirectHome } from './redirect-home';
import { RouteErrorPage } from './route-error-page';
import { AppShell } from './shell/app-shell';

/** What route loaders may use. */
export interface RouterContext {
  watchManager?: WatchManager;
}

/** Route options beyond `lazy`: a loader that starts data while the page's code loads. */
type Extra = Pick<RouteObject, 'loader' | 'shouldRevalidate'>;

/** A list page served at /k8s/all-namespaces/<resource> and /k8s/ns/:ns/<resource>. */
function namespaced(resource: string, lazy: RouteObject['lazy'], extra: Extra = {}): RouteObject[] {
  return [
    { path: `k8s/all-namespaces/${resource}`, lazy, ...extra },
    { path: `k8s/ns/:ns/${resource}`, lazy, ...extra },
  ];
}

/** Starts the VM list's watches at navigation, in parallel with loading the page (10,000 VMs take a while). */
const prefetchVmList = (context: RouterContext): Extra => ({
  loader: ({ params }: LoaderFunctionArgs) => {
    const { vms, vmis } = vmListTargets(params.ns || undefined);
    context.watchManager?.prefetch(vms);
    context.watchManager?.prefetch(vmis);
    return null;
  },
  // Filter, sort and page live in the query string: changing them needs no new start.
  shouldRevalidate: ({ currentParams, nextParams }) => currentParams.ns !== nextParams.ns,
});

/** A console page alone in the window (outside the shell), openable in a new browser tab. */
const standaloneConsole = (resource: string, page: 'StandaloneVmConsolePage' | 'StandaloneVmiConsolePage'): RouteObject => ({
  path: `k8s/ns/:ns/${resource}/:name/console/standalone`,
  errorElement: <RouteErrorPage />,
  HydrateFallback: () => <LoadingState label="Loading the console" />,
  lazy: async () => ({ Component: (await import('../features/consoles/standalone-console-page'))[page] }),
});

// Each page is its own chunk, loaded on first visit.
export const appRoutes = (context: RouterContext = {}): RouteObject[] => [
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
          ...namespaced(
            'virtualmachines',
            async () => ({ Component: (await import('../features/vms/vm-list-page')).VmListPage }),
            prefetchVmList(context),
          ),
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

export const routes: RouteObject[] = appRoutes();

export const createAppRouter = (context: RouterContext = {}) => createBrowserRouter(appRoutes(context));
