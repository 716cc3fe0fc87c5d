/** Test helper: an API server on a random port over a fresh store (no controllers). */
import type { AddressInfo } from 'node:net';
import { createStore, type AuthHooks, type Store, type StoreOptions } from '../../../server/cluster/store/index.js';
import { createApiServer } from '../../../server/cluster/api/server.js';
import type { ClusterApi } from '../../../server/cluster/api/subresources.js';

export interface TestServer {
  url: string;
  store: Store;
  api: ClusterApi;
  close(): Promise<void>;
}

export async function startTestServer(opts: StoreOptions & { auth?: AuthHooks } = {}): Promise<TestServer> {
  const store = createStore(opts);
  const { server, api } = createApiServer({ store, auth: opts.auth });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    api,
    close: async () => {
      store.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
