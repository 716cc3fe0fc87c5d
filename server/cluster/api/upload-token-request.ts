/**
 * UploadTokenRequest (upload.cdi.kubevirt.io/v1beta1, cdi-apiserver's aggregated API): create-only;
 * the answer carries `status.token`, a signed token for uploading into `spec.pvcName` of the
 * request's namespace through cdi-uploadproxy (cdi/upload-proxy.ts). As CDI's uploadHandler, it
 * does not look at the PVC: the upload proxy checks that it is an upload target.
 */
import { errors } from '../store/index.js';
import { issueUploadToken } from '../cdi/upload-token.js';
import type { Ctx } from './context.js';
import { mediaType, parseBody, readBody, sendJson } from './http-util.js';

export async function uploadTokenRequest(c: Ctx): Promise<void> {
  const body = parseBody(await readBody(c.req), mediaType(c.req.headers['content-type']), true);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the body must be an object');
  const b = body as { kind?: unknown; metadata?: unknown; spec?: { pvcName?: unknown } };
  if (b.kind !== undefined && b.kind !== 'UploadTokenRequest')
    throw errors.badRequest(
      `the kind in the data (${String(b.kind)}) does not match the expected kind (UploadTokenRequest)`,
    );
  const pvcName = b.spec?.pvcName;
  if (typeof pvcName !== 'string' || pvcName === '')
    throw errors.invalid('upload.cdi.kubevirt.io', 'UploadTokenRequest', '', [
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.pvcName' },
    ]);
  const namespace = c.ri.namespace ?? '';
  const meta = b.metadata && typeof b.metadata === 'object' ? (b.metadata as Record<string, unknown>) : {};
  sendJson(c.res, 200, {
    kind: 'UploadTokenRequest',
    apiVersion: `upload.cdi.kubevirt.io/${c.ri.version}`,
    metadata: { ...meta, namespace, creationTimestamp: null },
    spec: { pvcName },
    status: { token: issueUploadToken(c.store, namespace, pvcName) },
  });
}
