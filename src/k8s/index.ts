/**
 * The data layer: the only code that talks to the cluster (HTTP and websockets, through the
 * console server's /api/kubernetes proxy). Everything it reads lands in the react-query cache.
 *
 * - Reads that stay live: useK8sList(model, {namespace, labelSelector, fieldSelector}) and
 *   useK8sGet(model, name, namespace), both list-then-watch (see watch/watch-manager.ts).
 * - Writes: k8sCreate, k8sUpdate, k8sPatch (merge, json, apply), k8sDelete, k8sPutSubresource;
 *   failures throw K8sError with the server's v1 Status.
 * - Permissions: useAccessReview(attrs).
 */
export { useAccessReview, checkAccess, type AccessReviewResult, type AccessReviewState } from './access-review';
export {
  k8sCreate,
  k8sDelete,
  k8sGet,
  k8sList,
  k8sListAll,
  k8sPatch,
  k8sPutSubresource,
  k8sRequest,
  k8sUpdate,
  type DeleteOptions,
  type JsonPatchOperation,
  type ListAllOptions,
  type ListOptions,
  type PatchOptions,
  type PatchType,
  type WriteOptions,
} from './client';
export { K8sError, isK8sError, isRetriable, type StatusCause } from './k8s-error';
export * from './models';
export { k8sKeys, type AccessReviewAttributes } from './query-keys';
export type { K8sList, K8sResource, ListSelector, ObjectMeta, Status, WatchEvent } from './types';
export { API_PREFIX, kubevirtSubresourceUrl, resourcePath, resourceUrl, watchUrl } from './urls';
export { useK8sGet, type K8sGetResult } from './watch/use-k8s-get';
export { useK8sList, type K8sListOptions, type K8sListResult } from './watch/use-k8s-list';
export { K8sWatchProvider, useWatchManager } from './watch/watch-context';
export type { ListData } from './watch/reducer';
