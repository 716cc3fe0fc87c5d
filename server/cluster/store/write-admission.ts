/**
 * Where a write meets admission: the request the admission hook sees (the version the client
 * used, the user, dry run), and what comes back (the possibly mutated object, or the refusal).
 */
import type { AdmissionRequest, AdmitFn } from './hooks.js';
import type { WriteOptions } from './options.js';
import { apiVersionOf, type ResourceInfo } from './resources.js';
import { StatusError } from './status.js';
import type { KObject } from './types.js';

/** One admission of a write: returns the object to store (maybe mutated), or throws the refusal's Status. */
export type WriteAdmission = (
  info: ResourceInfo,
  operation: AdmissionRequest['operation'],
  obj: KObject | undefined,
  old: KObject | undefined,
  opts: WriteOptions & { subresource?: string },
) => KObject | undefined;

/** Runs `admit` (none: everything is admitted unchanged) on a write. */
export function admitWrite(
  admit: AdmitFn | undefined,
  ...[info, operation, obj, old, opts]: Parameters<WriteAdmission>
): KObject | undefined {
  if (!admit) return obj;
  const meta = (obj ?? old)!.metadata;
  const version = opts.version ?? info.versions[0];
  const storageApiVersion = apiVersionOf(info);
  const requestApiVersion = apiVersionOf(info, version);
  const asRequested = (o: KObject | undefined) =>
    o && requestApiVersion !== storageApiVersion ? { ...o, apiVersion: requestApiVersion } : o;
  const res = admit({
    operation,
    group: info.group,
    version,
    resource: info.plural,
    subresource: opts.subresource,
    kind: info.kind,
    namespace: meta.namespace,
    name: meta.name,
    object: asRequested(obj) as Record<string, unknown> | undefined,
    oldObject: asRequested(old) as Record<string, unknown> | undefined,
    dryRun: opts.dryRun ?? false,
    userName: opts.user ?? 'system:admin',
    decode: opts.decode,
  });
  if (!res.allowed) throw new StatusError(res.status);
  if (res.warnings?.length && opts.warnings) opts.warnings.push(...res.warnings);
  const mutated = res.object as KObject | undefined;
  return mutated ? { ...mutated, apiVersion: storageApiVersion } : obj;
}
