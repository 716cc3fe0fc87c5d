/** Options and results of the store's verbs. */
import type { KObject } from './types.js';
import type { ClusterLog } from '../log.js';
import type { DecodeInfo } from './hooks.js';

export interface StoreOptions {
  /** Directory for the write-ahead log; without it the store lives in memory only. */
  dataDir?: string;
  /** How many changes the watch history keeps for resuming (default 20000). */
  historySize?: number;
  /** The most serialized bytes of objects the watch history keeps (default 8 MiB, watch.ts). */
  historyBytes?: number;
  log?: ClusterLog;
}

export interface WriteOptions {
  dryRun?: boolean;
  /** managedFields manager name (default: "unknown" for in-process writers). */
  fieldManager?: string;
  /** The user the admission hook sees (default "system:admin"). */
  user?: string;
  /** The version the request used, e.g. "v1alpha3" (admission and managedFields see it). */
  version?: string;
  /** Collected admission warnings, to send as Warning headers. */
  warnings?: string[];
  /** fieldValidation and duplicate fields of an HTTP request body (admission checks unknown fields with it). */
  decode?: DecodeInfo;
  /** Internal: managedFields already computed (server-side apply). */
  skipManagedFields?: boolean;
}

export interface UpdateOptions extends WriteOptions {
  subresource?: 'status';
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface ListResult {
  items: KObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface WatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Unset or "0": synthetic ADDED events for current objects first; "N": every change after N. */
  resourceVersion?: string;
  /** Emit BOOKMARK events this often (ms) when idle. */
  bookmarkIntervalMs?: number;
  /** After the initial ADDED events, a BOOKMARK annotated k8s.io/initial-events-end (sendInitialEvents). */
  initialEventsEnd?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
  gracePeriodSeconds?: number;
}

export interface DeleteResult {
  /** The deleted object, or the object now carrying a deletionTimestamp when finalizers hold it. */
  object: KObject;
  deleted: boolean;
}
