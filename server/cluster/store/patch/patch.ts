/** Applies a PATCH body of any supported type to a stored object, producing the object to write. */
import { serverSideApply } from './apply.js';
import { jsonPatch, mergePatch } from './json-patch.js';
import { apiVersionOf, type ResourceInfo } from '../resources.js';
import { errors, failure, isStatusError, StatusError } from '../status.js';
import { strategicMerge } from './strategic-merge.js';
import type { KObject } from '../types.js';
import { clone, isPlainObject } from '../util.js';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export const PATCH_CONTENT_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+cbor': 'apply',
};

export interface ApplyPatchOptions {
  name: string;
  namespace?: string;
  fieldManager?: string;
  force?: boolean;
  version?: string;
  subresource?: string;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/** Returns a new mutable object: `old` with `body` applied. */
export function applyPatch(
  info: ResourceInfo,
  old: KObject | undefined,
  type: PatchType,
  body: unknown,
  o: ApplyPatchOptions,
): KObject {
  const version = o.version ?? info.versions[0];
  const current = old ? clone(old) : undefined;
  let out: unknown;
  switch (type) {
    case 'json':
      try {
        out = jsonPatch(current, body);
      } catch (e) {
        // kube-apiserver answers a patch that does not apply with a generic 422 (NewGenericServerResponse),
        // without the JSON patch library's error
        if (isStatusError(e) && e.code === 422)
          throw new StatusError(
            failure(422, 'Invalid', 'the server rejected our request due to an error in our request', {}),
          );
        throw e;
      }
      break;
    case 'merge':
      if (!isPlainObject(body))
        throw errors.badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
      out = mergePatch(current, body);
      break;
    case 'strategic':
      if (info.custom) {
        throw errors.unsupportedMediaType('application/strategic-merge-patch+json', [
          'application/json-patch+json',
          'application/merge-patch+json',
          'application/apply-patch+yaml',
        ]);
      }
      if (!isPlainObject(body))
        throw errors.badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
      out = strategicMerge(current, body);
      break;
    case 'apply': {
      if (!o.fieldManager) {
        throw new StatusError(
          failure(
            422,
            'Invalid',
            'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
            {
              group: 'meta.k8s.io',
              kind: 'PatchOptions',
              causes: [
                {
                  reason: 'FieldValueRequired',
                  message: 'Required value: is required for apply patch',
                  field: 'fieldManager',
                },
              ],
            },
          ),
        );
      }
      if (!isPlainObject(body))
        throw errors.badRequest('error decoding YAML: the applied configuration must be an object');
      const applied = body as KObject;
      const expected = apiVersionOf(info, version);
      if (
        typeof applied.apiVersion !== 'string' ||
        typeof applied.kind !== 'string' ||
        !applied.apiVersion ||
        !applied.kind
      ) {
        throw errors.badRequest(
          `error decoding YAML: Object 'Kind' is missing in '${JSON.stringify(body).slice(0, 200)}'`,
        );
      }
      if (groupOf(applied.apiVersion) !== info.group || applied.kind !== info.kind) {
        throw errors.badRequest(
          `the API version in the data (${applied.apiVersion}) does not match the expected API version (${expected})`,
        );
      }
      if (!isPlainObject(applied.metadata)) applied.metadata = {};
      if (applied.metadata.name && applied.metadata.name !== o.name) {
        throw errors.badRequest(
          `the name of the object (${applied.metadata.name}) does not match the name on the URL (${o.name})`,
        );
      }
      applied.metadata.name = o.name;
      if (info.namespaced && o.namespace) {
        if (applied.metadata.namespace && applied.metadata.namespace !== o.namespace) {
          throw errors.badRequest(
            'the namespace of the provided object does not match the namespace sent on the request',
          );
        }
        applied.metadata.namespace = o.namespace;
      }
      out = serverSideApply(
        current,
        { ...applied, apiVersion: expected },
        { manager: o.fieldManager, force: !!o.force, version, subresource: o.subresource },
      );
      break;
    }
  }
  if (!isPlainObject(out))
    throw new StatusError(failure(422, 'Invalid', 'the patch produced an object that is not a JSON object'));
  const obj = out as KObject;
  if (!isPlainObject(obj.metadata)) obj.metadata = {};
  if (old) {
    obj.metadata.name = obj.metadata.name ?? old.metadata.name;
    if (info.namespaced) obj.metadata.namespace = old.metadata.namespace;
  }
  return obj;
}
