import { adoptEarly, type EarlyAnswer } from './early-store';
import { csrfHeaders } from './csrf';
import { errorFromResponse, isK8sError, networkError } from './k8s-error';
import type { K8sModel } from './models';
import type { K8sList, K8sResource, ListSelector, Status } from './types';
import { kubevirtSubresourceUrl, resourceUrl, selectorParams, type QueryParams } from './urls';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
}

interface RawRequest extends RequestOptions {
  method: Method;
  body?: unknown;
  contentType?: string;
}

/**
 * Sends one request to the API through the proxy and returns the parsed JSON (undefined for an
 * empty body). Non-2xx answers throw a K8sError with the server's Status.
 */
export async function k8sRequest<R>(url: string, req: RawRequest): Promise<R> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.method !== 'GET') Object.assign(headers, csrfHeaders());
  let body: string | undefined;
  if (req.body !== undefined) {
    headers['Content-Type'] = req.contentType ?? 'application/json';
    body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  }
  // The answer of the same GET the early module started before the app ran, if it is the first such request.
  const early = req.method === 'GET' ? await adoptEarly(url)?.catch(() => undefined) : undefined;
  req.signal?.throwIfAborted();
  let res: EarlyAnswer;
  try {
    res =
      early ??
      (await answerOf(
        fetch(url, { method: req.method, headers, body, signal: req.signal, credentials: 'same-origin' }),
      ));
  } catch (e) {
    if (req.signal?.aborted) throw e;
    throw networkError(e);
  }
  const { text } = res;
  if (res.status < 200 || res.status > 299) throw errorFromResponse(res.status, res.statusText, text);
  return (text ? JSON.parse(text) : undefined) as R;
}

async function answerOf(response: Promise<Response>): Promise<EarlyAnswer> {
  const res = await response;
  return { status: res.status, statusText: res.statusText, text: await res.text() };
}

export interface NamespacedOptions extends RequestOptions {
  namespace?: string;
}

export interface WriteOptions extends NamespacedOptions {
  /** Validate and run admission without storing anything (`dryRun=All`). */
  dryRun?: boolean;
  fieldManager?: string;
}

const writeParams = (o: WriteOptions): QueryParams => ({
  dryRun: o.dryRun ? 'All' : undefined,
  fieldManager: o.fieldManager,
});

const nsOf = (obj: K8sResource, explicit?: string): string | undefined => explicit ?? obj.metadata?.namespace;

function nameOf(obj: K8sResource): string {
  const name = obj.metadata?.name;
  if (!name) throw new Error(`${obj.kind ?? 'Object'} has no metadata.name`);
  return name;
}

export const k8sGet = <T extends K8sResource>(model: K8sModel<T>, name: string, o: NamespacedOptions = {}) =>
  k8sRequest<T>(resourceUrl(model, { namespace: o.namespace, name }), { method: 'GET', signal: o.signal });

export interface ListOptions extends ListSelector, RequestOptions {
  limit?: number;
  continue?: string;
}

/** One page of a list. */
export const k8sList = <T extends K8sResource>(model: K8sModel<T>, o: ListOptions = {}) =>
  k8sRequest<K8sList<T>>(
    resourceUrl(model, { namespace: o.namespace }, { limit: o.limit, continue: o.continue, ...selectorParams(o) }),
    { method: 'GET', signal: o.signal },
  );

export interface ListAllOptions<T extends K8sResource = K8sResource> extends Omit<ListOptions, 'continue'> {
  /** Page size after the first page (defaults to `limit`): a small first page shows sooner. */
  nextLimit?: number;
  /**
   * Called with the items so far after every page that has a next one. After a restart (see
   * below) the items start over, so this always shows a prefix of one consistent snapshot.
   */
  onPage?: (list: K8sList<T>) => void;
}

/** How many times a list whose `continue` token expired (410) is started over before failing. */
const EXPIRED_CONTINUE_RESTARTS = 2;

/**
 * Every page of a list, following `continue`; the resourceVersion is the first page's (a consistent
 * snapshot). A 410 on a `continue` request (the snapshot was compacted away) starts the list over.
 */
export async function k8sListAll<T extends K8sResource>(
  model: K8sModel<T>,
  o: ListAllOptions<T> = {},
): Promise<K8sList<T>> {
  const { nextLimit, onPage, ...listOptions } = o;
  for (let restarts = 0; ; restarts++) {
    const first = await k8sList(model, listOptions);
    const items = [...first.items];
    const snapshot = (): K8sList<T> => ({
      ...first,
      metadata: { ...first.metadata, continue: undefined, remainingItemCount: undefined },
      items,
    });
    let next = first.metadata?.continue;
    try {
      while (next) {
        // A copy: `items` keeps growing, and what onPage got must not change under it.
        onPage?.({ ...snapshot(), items: items.slice() });
        const page = await k8sList(model, { ...listOptions, limit: nextLimit ?? listOptions.limit, continue: next });
        for (const item of page.items) items.push(item);
        next = page.metadata?.continue;
      }
    } catch (e) {
      if (isK8sError(e) && e.code === 410 && restarts < EXPIRED_CONTINUE_RESTARTS) continue;
      throw e;
    }
    return snapshot();
  }
}

export const k8sCreate = <T extends K8sResource>(model: K8sModel<T>, obj: T, o: WriteOptions = {}) =>
  k8sRequest<T>(resourceUrl(model, { namespace: nsOf(obj, o.namespace) }, writeParams(o)), {
    method: 'POST',
    body: obj,
    signal: o.signal,
  });

/** PUT of a whole object; send the resourceVersion you read to get a 409 Conflict on a concurrent change. */
export const k8sUpdate = <T extends K8sResource>(model: K8sModel<T>, obj: T, o: WriteOptions = {}) =>
  k8sRequest<T>(resourceUrl(model, { namespace: nsOf(obj, o.namespace), name: nameOf(obj) }, writeParams(o)), {
    method: 'PUT',
    body: obj,
    signal: o.signal,
  });

export type PatchType = 'merge' | 'json' | 'apply';

const PATCH_CONTENT_TYPE: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
};

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export interface PatchOptions extends WriteOptions {
  type: PatchType;
  /** Server-side apply only: take ownership of conflicting fields. */
  force?: boolean;
  subresource?: string;
}

/**
 * PATCH with a merge patch (an object), a JSON patch (a list of operations) or a server-side apply
 * (the whole intended object; needs `fieldManager`, "kubevirt-console" by default).
 */
export function k8sPatch<T extends K8sResource>(
  model: K8sModel<T>,
  name: string,
  patch: Record<string, unknown> | JsonPatchOperation[] | T,
  o: PatchOptions,
): Promise<T> {
  const params: QueryParams = {
    ...writeParams(o),
    fieldManager: o.fieldManager ?? (o.type === 'apply' ? 'kubevirt-console' : undefined),
    force: o.type === 'apply' && o.force ? true : undefined,
  };
  return k8sRequest<T>(resourceUrl(model, { namespace: o.namespace, name, subresource: o.subresource }, params), {
    method: 'PATCH',
    body: patch,
    contentType: PATCH_CONTENT_TYPE[o.type],
    signal: o.signal,
  });
}

export interface DeleteOptions extends NamespacedOptions {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

/** DELETE; resolves to the object (held by finalizers) or a Success Status. */
export function k8sDelete<T extends K8sResource>(model: K8sModel<T>, name: string, o: DeleteOptions = {}) {
  const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
  if (o.propagationPolicy) body.propagationPolicy = o.propagationPolicy;
  if (o.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = o.gracePeriodSeconds;
  if (o.dryRun) body.dryRun = ['All'];
  return k8sRequest<T | Status>(resourceUrl(model, { namespace: o.namespace, name }), {
    method: 'DELETE',
    body,
    signal: o.signal,
  });
}

export interface SubresourceOptions extends NamespacedOptions {
  /** KubeVirt's virt-api subresources (start, stop, migrate...) are in subresources.kubevirt.io. */
  kubevirt?: boolean;
}

/** PUT to a subresource, e.g. VM start: `k8sPutSubresource(VirtualMachineModel, 'vm1', 'start', {}, {namespace, kubevirt: true})`. */
export function k8sPutSubresource<R = unknown>(
  model: K8sModel,
  name: string,
  subresource: string,
  body: unknown,
  o: SubresourceOptions = {},
): Promise<R> {
  const ref = { namespace: o.namespace, name, subresource };
  const url = o.kubevirt ? kubevirtSubresourceUrl(model, ref) : resourceUrl(model, ref);
  return k8sRequest<R>(url, { method: 'PUT', body: body ?? {}, signal: o.signal });
}

/** GET of a subresource, e.g. a VMI's guest agent info: `k8sGetSubresource(VirtualMachineInstanceModel, 'vm1', 'guestosinfo', {namespace, kubevirt: true})`. */
export function k8sGetSubresource<R = unknown>(
  model: K8sModel,
  name: string,
  subresource: string,
  o: SubresourceOptions = {},
): Promise<R> {
  const ref = { namespace: o.namespace, name, subresource };
  const url = o.kubevirt ? kubevirtSubresourceUrl(model, ref) : resourceUrl(model, ref);
  return k8sRequest<R>(url, { method: 'GET', signal: o.signal });
}
