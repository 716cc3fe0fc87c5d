import { useState } from 'react';
import { UNSAFE_createBrowserHistory, unstable_HistoryRouter as HistoryRouter } from 'react-router';
import { NavigationGuardProvider } from '../components/navigation-guard';
import { guardHistory } from '../lib/guarded-history';
import { AppProviders } from './providers';
import { AppRoutes } from './router';

export function App() {
  // The browser's history, behind a guard that pages with unsaved work can hold navigation with.
  const [{ history, guard }] = useState(() => guardHistory(UNSAFE_createBrowserHistory({ v5Compat: true })));
  return (
    <AppProviders>
      <NavigationGuardProvider value={guard}>
        <HistoryRouter history={history}>
          <AppRoutes />
        </HistoryRouter>
      </NavigationGuardProvider>
    </AppProviders>
  );
}
