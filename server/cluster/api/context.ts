/** What every resource handler gets. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceInfo, Store, UserInfo } from '../store/index.js';
import type { ResourceRequest } from './request-info.js';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  ri: ResourceRequest;
  info: ResourceInfo;
  user: UserInfo;
  store: Store;
  log: (m: string) => void;
}
