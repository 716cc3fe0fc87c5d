import { useEffect, useState } from 'react';
import { UNSAFE_createBrowserHistory, unstable_HistoryRouter as HistoryRouter } from 'react-router';
import { NavigationGuardProvider } from '../components/navigation-guard';
import { WatchManager } from '../k8s/watch/watch-manager';
import { guardHistory } from '../lib/guarded-history';
import { AppProviders, createQueryClient } from './providers';
import { AppRoutes } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  // Made here rather than in the providers so that routes can start a page's watches early.
  const [watchManager] = useState(() => new WatchManager({ queryClient }));
  useEffect(() => () => watchManager.dispose(), [watchManager]);
  // The browser's history, behind a guard that pages with unsaved work can hold navigation with.
  const [{ history, guard }] = useState(() => guardHistory(UNSAFE_createBrowserHistory({ v5Compat: true })));
  return (
    <AppProviders queryClient={queryClient} watchManager={watchManager}>
      <NavigationGuardProvider value={guard}>
        <HistoryRouter history={history}>
          <AppRoutes />
        </HistoryRouter>
      </NavigationGuardProvider>
    </AppProviders>
  );
}
