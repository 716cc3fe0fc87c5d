import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { WatchManager } from '../k8s/watch/watch-manager';
import { AppProviders, createQueryClient } from './providers';
import { createAppRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  // Made here rather than in the providers so that route loaders can start a page's watches.
  const [watchManager] = useState(() => new WatchManager({ queryClient }));
  useEffect(() => () => watchManager.dispose(), [watchManager]);
  const [router] = useState(() => createAppRouter({ watchManager }));
  return (
    <AppProviders queryClient={queryClient} watchManager={watchManager}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
