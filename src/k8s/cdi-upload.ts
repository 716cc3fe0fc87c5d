/**
 * CDI uploads: an UploadTokenRequest (upload.cdi.kubevirt.io) for the PVC, then the file's bytes
 * to CDI's upload proxy through the console server's `/api/cdi-upload` route, which streams them
 * on with the token as `Authorization: Bearer` (an authenticating proxy in front of the console
 * owns the browser's Authorization header, so the token travels as X-CDI-Upload-Token).
 * XMLHttpRequest, not fetch: only it reports upload progress in every browser.
 */
import type { V1beta1UploadTokenRequest } from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import { k8sCreate } from './client';
import { csrfHeaders } from './csrf';
import { errorFromResponse, K8sError } from './k8s-error';
import { UploadTokenRequestModel } from './models';

/** The console server's route to CDI's upload proxy (`/v1beta1/upload` and `/v1beta1/upload-async` below it). */
export const CDI_UPLOAD_PREFIX = '/api/cdi-upload/v1beta1';
export const UPLOAD_TOKEN_HEADER = 'X-CDI-Upload-Token';

/** Asks CDI for a token to upload into `pvcName` (CDI's tokens last five minutes: ask right before sending). */
export async function requestUploadToken(namespace: string, pvcName: string, signal?: AbortSignal): Promise<string> {
  const res = await k8sCreate(
    UploadTokenRequestModel,
    {
      apiVersion: 'upload.cdi.kubevirt.io/v1beta1',
      kind: 'UploadTokenRequest',
      metadata: { name: pvcName, namespace },
      spec: { pvcName },
    } as V1beta1UploadTokenRequest, // the type wants a status, which the server fills in
    { signal },
  );
  const token = res.status?.token;
  if (!token) throw new Error(`CDI gave no upload token for ${namespace}/${pvcName}`);
  return token;
}

export interface UploadOptions {
  token: string;
  /** `upload` (the default) answers once CDI has written and checked the image; `upload-async` once it has the bytes. */
  variant?: 'upload' | 'upload-async';
  onProgress?: (sent: number, total: number) => void;
}

export interface RunningUpload {
  /** Resolves when CDI accepted the image; rejects with a K8sError (code 0: the connection dropped). */
  done: Promise<void>;
  /** Stops sending; `done` rejects with an AbortError. */
  abort: () => void;
}

/** Whether an upload failed because it was aborted (cancel), not because of the server or network. */
export const isAbortError = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';

function dropped(): K8sError {
  return new K8sError({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    code: 0,
    reason: 'NetworkError',
    message: 'The connection to the console server dropped during the upload.',
  });
}

/** Sends `file` as the request body (application/octet-stream), reporting bytes sent. */
export function uploadToCdi(file: Blob, o: UploadOptions): RunningUpload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<void>((resolve, reject) => {
    xhr.open('POST', `${CDI_UPLOAD_PREFIX}/${o.variant ?? 'upload'}`);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader(UPLOAD_TOKEN_HEADER, o.token);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => o.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject(errorFromResponse(xhr.status, xhr.statusText, xhr.responseText ?? ''));
    };
    xhr.onerror = () => reject(dropped());
    xhr.ontimeout = () => reject(dropped());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
