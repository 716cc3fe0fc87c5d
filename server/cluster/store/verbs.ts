/**
 * The write verbs of the store (create, update, updateStatus, patch, mutate, delete,
 * deleteCollection, finalizeNamespace): what kube-apiserver's registry does around storage, built on
 * the storage part and one admission step.
 */
import { applyPatch, type PatchType } from './patch/patch.js';
import { trackUpdate } from './patch/managed-update.js';
import { checkWritable } from './limits.js';
import type { DeleteOptions, DeleteResult, ListOptions, UpdateOptions, WriteOptions } from './options.js';
import { apiVersionOf, getResource, type ResourceInfo } from './resources.js';
import { causes, errors, isStatusError } from './status.js';
import type { ObjectStorage } from './storage.js';
import type { KObject } from './types.js';
import { clone, nowRfc3339, randomSuffix } from './util.js';
import type { WriteAdmission } from './write-admission.js';
import { isNoop, normalizeObjectMeta, prepareCreate, prepareUpdate, validateMeta } from './write-rules.js';

export interface PatchOptions extends WriteOptions {
  subresource?: 'status';
  /** Server-side apply: take ownership of conflicting fields. */
  force?: boolean;
}

export class WriteVerbs {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly admission: WriteAdmission,
  ) {}

  /** Creates an object (generateName, uid, timestamps, namespace checks, admission). */
  create(res: string, input: KObject, opts: WriteOptions & { namespace?: string } = {}): KObject {
    const info = getResource(res);
    const obj = normalize(info, input);
    normalizeObjectMeta(info, obj, opts.version, opts.decode);
    const m = obj.metadata;
    if (info.namespaced) {
      const ns = m.namespace || opts.namespace;
      if (!ns) throw errors.badRequest('the server could not find the requested resource: namespace is required');
      m.namespace = ns;
    }
    const now = new Date();
    prepareCreate(info, obj, now);
    if (!m.name && m.generateName) {
      for (let i = 0; i < 10; i++) {
        m.name = `${m.generateName}${randomSuffix()}`;
        if (!this.storage.tryGet(res, m.namespace, m.name)) break;
      }
    }
    validateMeta(info, obj);
    checkWritable(obj);
    this.checkNamespace(info, m.namespace, 'create');
    if (!opts.skipManagedFields)
      trackUpdate(undefined, obj, opts.fieldManager, opts.version ?? info.versions[0], undefined, now);
    const admitted = this.admission(info, 'CREATE', obj, undefined, opts)!;
    if (this.storage.tryGet(res, m.namespace, m.name!)) throw errors.alreadyExists(info.group, info.plural, m.name!);
    if (opts.dryRun) return admitted;
    return this.storage.commit(res, 'ADDED', admitted);
  }

  private checkNamespace(info: ResourceInfo, ns: string | undefined, verb: string): void {
    if (!info.namespaced || !ns) return;
    const nsObj = this.storage.tryGet('namespaces', undefined, ns);
    if (!nsObj) throw errors.notFound('', 'namespaces', ns);
    if (verb === 'create' && nsObj.metadata.deletionTimestamp) {
      throw errors.forbidden(
        `${info.group ? `${info.plural}.${info.group}` : info.plural} "${''}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`.replace(
          ' "" is',
          ' is',
        ),
        {
          name: '',
          group: info.group || undefined,
          kind: info.plural,
          causes: [
            {
              reason: 'NamespaceTerminating',
              message: `namespace ${ns} is being terminated`,
              field: 'metadata.namespace',
            },
          ],
        },
      );
    }
  }

  /** Replaces an object (PUT). A resourceVersion in `input` must match (409 Conflict otherwise). */
  update(res: string, input: KObject, opts: UpdateOptions = {}): KObject {
    const info = getResource(res);
    return this.replace(info, res, normalize(info, input), opts);
  }

  /** update() of an object the store may take over (already a private mutable copy). */
  private replace(info: ResourceInfo, res: string, next: KObject, opts: UpdateOptions): KObject {
    const name = next.metadata.name ?? '';
    const old = this.storage.get(res, next.metadata.namespace, name);
    const rv = next.metadata.resourceVersion;
    if (!rv && info.custom) {
      // kube-apiserver 1.37 names the resource here (virtualmachines.kubevirt.io), not the kind.
      throw errors.invalid(info.group, info.plural, name, [
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: 0: must be specified for an update',
          field: 'metadata.resourceVersion',
        },
      ]);
    }
    if (rv && rv !== old.metadata.resourceVersion) throw errors.conflict(info.group, info.plural, name);
    return this.write(info, res, old, next, opts);
  }

  /** Replaces only the status (the /status subresource, or the main endpoint for kinds without one). */
  updateStatus(res: string, input: KObject, opts: WriteOptions = {}): KObject {
    const info = getResource(res);
    return this.update(res, input, { ...opts, subresource: info.hasStatus ? 'status' : undefined });
  }

  /** Shared tail of update and patch: strategy rules, admission, finalization, commit. */
  private write(
    info: ResourceInfo,
    res: string,
    old: KObject,
    next: KObject,
    opts: UpdateOptions,
    managed = true,
  ): KObject {
    const now = new Date();
    normalizeObjectMeta(info, next, opts.version, opts.decode);
    let out = prepareUpdate(info, old, next, opts.subresource);
    validateMeta(info, out);
    checkWritable(out);
    if (managed) trackUpdate(old, out, opts.fieldManager, opts.version ?? info.versions[0], opts.subresource, now);
    out = this.admission(info, 'UPDATE', out, old, opts)!;
    if (isNoop(old, out)) return old;
    if (opts.dryRun) return out;
    if (out.metadata.deletionTimestamp && !(out.metadata.finalizers ?? []).length && !this.heldByNamespace(info, out)) {
      return this.storage.commit(res, 'DELETED', out, old);
    }
    return this.storage.commit(res, 'MODIFIED', out, old);
  }

  private heldByNamespace(info: ResourceInfo, obj: KObject): boolean {
    if (info.plural !== 'namespaces' || info.group !== '') return false;
    const fin = (obj.spec as { finalizers?: string[] } | undefined)?.finalizers;
    return Array.isArray(fin) && fin.length > 0;
  }

  /**
   * Patches an object: json-patch, merge-patch, strategic-merge-patch (core kinds only) or
   * server-side apply (creates the object when absent).
   */
  patch(
    res: string,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: unknown,
    opts: PatchOptions = {},
  ): KObject {
    const info = getResource(res);
    const old = this.storage.tryGet(res, namespace, name);
    if (!old) {
      if (type !== 'apply') throw errors.notFound(info.group, info.plural, name);
      const created = applyPatch(info, undefined, type, body, { ...opts, name, namespace });
      return this.create(res, created, { ...opts, namespace, skipManagedFields: true });
    }
    const next = applyPatch(info, old, type, body, { ...opts, name, namespace });
    const rv = next.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw errors.conflict(info.group, info.plural, name);
    if (next.metadata.name !== name) {
      throw errors.invalid(info.group, info.kind, name, [
        causes.invalid('metadata.name', next.metadata.name, 'field is immutable'),
      ]);
    }
    return this.write(info, res, old, next, opts, type !== 'apply');
  }

  /**
   * Reads, lets `fn` edit a mutable copy, and writes it back, retrying on conflicts: the easy way for
   * controllers. Returning `false` from fn skips the write. Throws 404 when the object is gone.
   */
  mutate(
    res: string,
    namespace: string | undefined,
    name: string,
    fn: (obj: KObject) => void | false,
    opts: UpdateOptions = {},
  ): KObject {
    const info = getResource(res);
    for (let attempt = 0; ; attempt++) {
      const cur = this.storage.get(res, namespace, name);
      const copy = clone(cur);
      if (fn(copy) === false) return cur;
      copy.metadata.resourceVersion = cur.metadata.resourceVersion;
      try {
        return this.replace(info, res, normalize(info, copy, true), opts);
      } catch (e) {
        if (!(isStatusError(e) && e.code === 409 && e.reason === 'Conflict') || attempt > 5) throw e;
      }
    }
  }

  /** Deletes an object, honouring preconditions, finalizers and the propagation policy. */
  delete(res: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): DeleteResult {
    const info = getResource(res);
    const old = this.storage.get(res, namespace, name);
    const pre = opts.preconditions;
    // kube-apiserver's rest.BeforeDelete: the conflict names the kind (not the resource)
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      throw errors.conflict(
        info.group,
        info.kind,
        name,
        `the UID in the precondition (${pre.uid}) does not match the UID in record (${old.metadata.uid}). The object might have been deleted and then recreated`,
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw errors.conflict(
        info.group,
        info.kind,
        name,
        `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${old.metadata.resourceVersion}). The object might have been modified`,
      );
    }
    this.admission(info, 'DELETE', undefined, old, opts);
    const next = clone(old);
    const fin = new Set(next.metadata.finalizers ?? []);
    const policy = opts.propagationPolicy;
    if (policy === 'Orphan') {
      fin.add('orphan');
      fin.delete('foregroundDeletion');
    }
    if (policy === 'Foreground') {
      fin.add('foregroundDeletion');
      fin.delete('orphan');
    }
    if (policy === 'Background') {
      fin.delete('orphan');
      fin.delete('foregroundDeletion');
    }
    const isNs = info.plural === 'namespaces' && info.group === '';
    if (fin.size === 0 && !isNs && !old.metadata.deletionTimestamp) {
      if (opts.dryRun) return { object: old, deleted: true };
      return { object: this.storage.commit(res, 'DELETED', next, old), deleted: true };
    }
    if (old.metadata.deletionTimestamp && fin.size === (old.metadata.finalizers ?? []).length)
      return { object: old, deleted: false };
    next.metadata.finalizers = [...fin];
    if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
    if (!next.metadata.deletionTimestamp) {
      next.metadata.deletionTimestamp = nowRfc3339();
      next.metadata.deletionGracePeriodSeconds = 0;
      if (next.metadata.generation) next.metadata.generation++;
    }
    if (isNs) next.status = { ...(next.status as object), phase: 'Terminating' };
    if (opts.dryRun) return { object: next, deleted: false };
    if (!fin.size && !this.heldByNamespace(info, next))
      return { object: this.storage.commit(res, 'DELETED', next, old), deleted: true };
    return { object: this.storage.commit(res, 'MODIFIED', next, old), deleted: false };
  }

  /** Deletes every object matching the list options; returns what was deleted or marked. */
  deleteCollection(res: string, list: ListOptions, opts: DeleteOptions = {}): KObject[] {
    const out: KObject[] = [];
    for (const o of this.storage.list(res, { ...list, limit: undefined, continue: undefined }).items) {
      try {
        out.push(this.delete(res, o.metadata.namespace, o.metadata.name ?? '', opts).object);
      } catch (e) {
        if (!(isStatusError(e) && e.code === 404)) throw e;
      }
    }
    return out;
  }

  /** The namespace controller's last step: drop the `kubernetes` finalizer and remove the namespace. */
  finalizeNamespace(name: string): void {
    const old = this.storage.tryGet('namespaces', undefined, name);
    if (!old?.metadata.deletionTimestamp) return;
    const next = clone(old);
    next.spec = { ...(next.spec as object), finalizers: [] };
    if ((next.metadata.finalizers ?? []).length) this.storage.commit('namespaces', 'MODIFIED', next, old);
    else this.storage.commit('namespaces', 'DELETED', next, old);
  }
}

/** Fills apiVersion/kind for in-process writers and checks them against the resource. */
function normalize(info: ResourceInfo, input: KObject, owned = false): KObject {
  const obj = owned ? input : clone(input);
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw errors.badRequest('the object is not a JSON object');
  if (!obj.metadata || typeof obj.metadata !== 'object' || Array.isArray(obj.metadata)) obj.metadata = {};
  obj.apiVersion = apiVersionOf(info);
  obj.kind = info.kind;
  return obj;
}
