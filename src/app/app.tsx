import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from './providers';
import { appRoutes } from './router';

export function App() {
  // react-router's data router: pages with unsaved work hold navigation with its useBlocker.
  const [router] = useState(() => createBrowserRouter(appRoutes()));
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
