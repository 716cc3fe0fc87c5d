/**
 * The /scale subresource of custom resources that declare one (VirtualMachineInstanceReplicaSet,
 * VirtualMachinePool), as apiextensions-apiserver serves it (k8s.io/apiextensions-apiserver/pkg/
 * registry/customresource/etcd.go, ScaleREST): an autoscaling/v1 Scale whose spec.replicas is the
 * object's .spec.replicas and whose status is .status.replicas and .status.labelSelector; GET, PUT and
 * PATCH (merge, strategic or JSON patch of the Scale), as `kubectl scale` uses it.
 */
import type { ClusterApi, SubresourceContext } from '../api/subresources.js';
import { RESOURCES, errors, resourceKey, type KObject, type ResourceInfo } from '../store/index.js';

function toScale(obj: KObject): Record<string, unknown> {
  const spec = (obj.spec ?? {}) as { replicas?: number };
  const status = (obj.status ?? {}) as { replicas?: number; labelSelector?: string };
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(status.labelSelector ? { selector: status.labelSelector } : {}) },
  };
}

/** The replicas a PUT or PATCH of the Scale asks for. */
function requestedReplicas(ctx: SubresourceContext, current: number): number {
  const body = ctx.body as Record<string, unknown> | unknown[] | undefined;
  let replicas: unknown = current;
  const type = String(ctx.headers['content-type'] ?? '')
    .split(';')[0]
    .trim();
  if (ctx.method === 'PATCH' && type === 'application/json-patch+json') {
    if (!Array.isArray(body))
      throw errors.badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    for (const op of body as { op?: string; path?: string; value?: unknown }[]) {
      if (op?.path === '/spec/replicas' && (op.op === 'replace' || op.op === 'add')) replicas = op.value;
    }
  } else if (body && !Array.isArray(body)) {
    const spec = (body as { spec?: { replicas?: unknown } }).spec;
    if (spec && 'replicas' in spec) replicas = spec.replicas;
  }
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw errors.badRequest(
      `Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`,
    );
  }
  if (replicas < 0) {
    throw errors.invalid('autoscaling', 'Scale', ctx.name, [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${replicas}: must be greater than or equal to 0`,
        field: 'spec.replicas',
      },
    ]);
  }
  return replicas;
}

function register(api: ClusterApi, info: ResourceInfo): void {
  const res = resourceKey(info);
  api.addSubresource({
    group: info.group,
    versions: info.versions,
    resource: info.plural,
    subresource: 'scale',
    namespaced: info.namespaced,
    kind: 'Scale',
    kindGroupVersion: { group: 'autoscaling', version: 'v1' },
    verbs: ['get', 'patch', 'update'],
    handle: (ctx) => {
      const obj = ctx.store.get(res, ctx.namespace, ctx.name);
      if (ctx.method === 'GET') return { status: 200, body: toScale(obj) };
      if (ctx.method !== 'PUT' && ctx.method !== 'PATCH') throw errors.methodNotAllowed();
      const current = ((obj.spec ?? {}) as { replicas?: number }).replicas ?? 0;
      const replicas = requestedReplicas(ctx, current);
      const updated = ctx.store.mutate(
        res,
        ctx.namespace,
        ctx.name,
        (o) => {
          o.spec = { ...(o.spec ?? {}), replicas };
        },
        { user: ctx.user.name },
      );
      return { status: 200, body: toScale(updated) };
    },
  });
}

/** Registers /scale for every kind of the registry that declares one. */
export function registerScaleSubresources(api: ClusterApi): void {
  for (const info of RESOURCES) if (info.scale) register(api, info);
}
