/**
 * The embedded cluster's store: see server/cluster/README.md for the API.
 */
import { Store } from './store.js';
import type { StoreOptions } from './options.js';

export { Store };

export function createStore(opts: StoreOptions = {}): Store {
  return new Store(opts);
}

export type {
  StoreOptions,
  WriteOptions,
  UpdateOptions,
  ListOptions,
  ListResult,
  WatchOptions,
  DeleteOptions,
  DeleteResult,
} from './options.js';
export type { PatchOptions } from './verbs.js';
export type { PatchType } from './patch/patch.js';
export type { KObject, ObjectMeta, OwnerReference, WatchEvent, WatchEventType, ManagedFieldsEntry } from './types.js';
export type { Commit } from './storage.js';
export * from './status.js';
export * from './resources.js';
export type {
  AdmissionRequest,
  AdmissionResult,
  AdmitFn,
  UserInfo,
  AuthzAttributes,
  AuthHooks,
  SubjectRules,
  DecodeInfo,
} from './hooks.js';
export { allowAll, ADMIN, ALLOW_ALL_RULES } from './hooks.js';
export { parseLabelSelector, matchLabels, labelSelectorFromObject } from './selectors.js';
export { nowRfc3339, clone } from './util.js';
