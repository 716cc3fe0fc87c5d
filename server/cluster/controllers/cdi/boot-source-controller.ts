/**
 * CDI's DataImportCron and DataSource controllers. A DataImportCron imports its source into a
 * DataVolume named `<managedDataSource>-<digest>` (the image digest CDI polls; here one derived
 * from the source URL), keeps the DataSource it manages, points it at the import once it has
 * succeeded, and reports UpToDate/Progressing as CDI does. A DataSource is Ready when the PVC it
 * names exists and its DataVolume (if any) has succeeded. The cron's instancetype labels go onto
 * the DataSource and the DataVolume.
 */
import { createHash } from 'node:crypto';
import { ResourceKey, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import { Informer } from '../../runtime/informer.js';
import { nowIso, type ControllerContext } from '../context.js';
import { WorkQueue } from '../../runtime/work-queue.js';

export const DATA_SOURCES = 'datasources.cdi.kubevirt.io';
export const DATA_IMPORT_CRONS = 'dataimportcrons.cdi.kubevirt.io';
const CRON_LABEL = 'cdi.kubevirt.io/dataImportCron';
const COMPONENT = 'dataimportcron-controller';

type Cond = { type: string; status: string; reason?: string; message?: string };
type Obj = KObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

function setConditions(status: Record<string, unknown>, conds: Cond[], now: string): void {
  const list = [...((status.conditions as (Cond & Record<string, string>)[] | undefined) ?? [])];
  for (const c of conds) {
    const i = list.findIndex((x) => x.type === c.type);
    const prev = i >= 0 ? list[i] : undefined;
    const next = {
      ...c,
      lastHeartbeatTime: now,
      lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : now,
    };
    if (i >= 0) list[i] = next;
    else list.push(next);
  }
  status.conditions = list;
}

const instancetypeLabels = (o: KObject) =>
  Object.fromEntries(
    Object.entries(o.metadata.labels ?? {}).filter(([k]) => k.startsWith('instancetype.kubevirt.io/')),
  );

export class BootSourceController {
  private readonly crons: Informer;
  private readonly sources: Informer;
  readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.crons = new Informer<string>(ctx.client, DATA_IMPORT_CRONS as string, ctx.log);
    this.sources = new Informer<string>(ctx.client, DATA_SOURCES as string, ctx.log);
    this.queue = new WorkQueue({
      name: 'boot-sources',
      clock: ctx.clock,
      reconcile: (k) => (k.startsWith('cron:') ? this.reconcileCron(k.slice(5)) : this.reconcileSource(k.slice(3))),
      onError: (name, key, err) => {
        const code = (err as { code?: number }).code;
        if (code !== 409 && code !== 404)
          ctx.log(`${name} ${key}: reconcile failed`, { error: (err as Error).message });
      },
    });
  }

  start(): void {
    const { informers } = this.ctx;
    this.crons.on({ onChange: (o) => this.queue.add(`cron:${keyOf(o)}`) });
    this.sources.on({ onChange: (o) => this.queue.add(`ds:${keyOf(o)}`) });
    const claimChanged = (o: KObject) => {
      const cron = o.metadata.labels?.[CRON_LABEL];
      if (cron) this.queue.add(`cron:${o.metadata.namespace}/${cron}`);
      for (const ds of this.sources.list()) {
        const pvc = (ds.spec as { source?: { pvc?: { name?: string; namespace?: string } } } | undefined)?.source?.pvc;
        if (pvc?.name === o.metadata.name && (pvc?.namespace ?? ds.metadata.namespace) === o.metadata.namespace)
          this.queue.add(`ds:${keyOf(ds)}`);
      }
    };
    informers.dataVolumes.on({ onChange: claimChanged });
    informers.pvcs.on({ onChange: claimChanged });
    this.crons.start();
    this.sources.start();
  }

  stop(): void {
    this.queue.stop();
    this.crons.stop();
    this.sources.stop();
  }

  private reconcileCron(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const cron = client.tryGet(DATA_IMPORT_CRONS, ns, name) as Obj | undefined;
    if (!cron || cron.metadata.deletionTimestamp) return;
    const spec = cron.spec as {
      managedDataSource?: string;
      template?: { metadata?: KObject['metadata']; spec?: { source?: Record<string, { url?: string }> } };
    };
    const dsName = spec.managedDataSource ?? '';
    const template = spec.template?.spec ?? {};
    const url = template.source?.registry?.url ?? template.source?.http?.url ?? '';
    const digest = createHash('sha256').update(url).digest('hex');
    const dvName = `${dsName}-${digest.slice(0, 12)}`;
    const labels = { [CRON_LABEL]: name, ...instancetypeLabels(cron) };
    if (!client.tryGet(DATA_SOURCES, ns, dsName)) {
      client.create(
        DATA_SOURCES,
        {
          apiVersion: 'cdi.kubevirt.io/v1beta1',
          kind: 'DataSource',
          metadata: { name: dsName, namespace: ns, labels },
          spec: { source: {} },
        },
        { fieldManager: COMPONENT },
      );
    }
    const dv = client.tryGet(ResourceKey.dataVolumes, ns, dvName);
    const pvc = client.tryGet(ResourceKey.pvcs, ns, dvName);
    if (!dv && !pvc) {
      const source = template.source?.registry
        ? { registry: { ...template.source.registry, url: url.replace(/:[^:/@]+$/, '') + `@sha256:${digest}` } }
        : template.source;
      client.create(
        ResourceKey.dataVolumes,
        {
          apiVersion: 'cdi.kubevirt.io/v1beta1',
          kind: 'DataVolume',
          metadata: {
            name: dvName,
            namespace: ns,
            labels: { ...(spec.template?.metadata?.labels ?? {}), ...labels },
            annotations: { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' },
          },
          spec: { ...template, source },
        },
        { fieldManager: COMPONENT },
      );
    }
    const done = dv?.status?.phase === 'Succeeded' || (!dv && pvc?.status?.phase === 'Bound');
    const now = nowIso(this.ctx);
    if (done) {
      client.mutate(DATA_SOURCES, ns, dsName, (o) => {
        const s = o.spec as { source?: { pvc?: { name?: string; namespace?: string } } };
        if (s.source?.pvc?.name === dvName && s.source.pvc.namespace === ns) return false;
        s.source = { pvc: { name: dvName, namespace: ns } };
      });
    }
    client.mutate(
      DATA_IMPORT_CRONS,
      ns,
      name,
      (o) => {
        const status = structuredClone((o.status ?? {}) as Record<string, unknown>);
        const before = JSON.stringify(status);
        if (done) {
          status.currentImports = [];
          status.lastImportedPVC = { name: dvName, namespace: ns };
          status.lastImportTimestamp ??= now;
          status.sourceFormat = 'pvc';
          setConditions(
            status,
            [
              { type: 'Progressing', status: 'False', reason: 'NoImport', message: 'No current import' },
              { type: 'UpToDate', status: 'True', reason: 'UpToDate', message: 'Latest import is up to date' },
            ],
            before === JSON.stringify(status) ? now : now,
          );
        } else {
          status.currentImports = [{ DataVolumeName: dvName, Digest: `sha256:${digest}` }];
          status.lastExecutionTimestamp ??= now;
          setConditions(
            status,
            [
              { type: 'Progressing', status: 'True', reason: 'ImportProgressing', message: 'Import is progressing' },
              { type: 'UpToDate', status: 'False', reason: 'ImportProgressing', message: 'Import is progressing' },
            ],
            now,
          );
        }
        const same = (a: unknown) => JSON.stringify(a, (k, v) => (k === 'lastHeartbeatTime' ? undefined : v));
        if (same(status) === same(JSON.parse(before))) return false;
        o.status = status;
      },
      { subresource: 'status', fieldManager: COMPONENT },
    );
  }

  private reconcileSource(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const ds = client.tryGet(DATA_SOURCES, ns, name) as Obj | undefined;
    if (!ds || ds.metadata.deletionTimestamp) return;
    const source = ((ds.spec as { source?: Record<string, unknown> } | undefined)?.source ?? {}) as {
      pvc?: { name?: string; namespace?: string };
    };
    let ready: Cond;
    if (!source.pvc?.name) ready = { type: 'Ready', status: 'False', reason: 'NoSource', message: 'No source PVC set' };
    else {
      const pns = source.pvc.namespace ?? ns;
      const pvc = client.tryGet(ResourceKey.pvcs, pns, source.pvc.name);
      const dv = client.tryGet(ResourceKey.dataVolumes, pns, source.pvc.name);
      if (dv && dv.status?.phase !== 'Succeeded')
        ready = {
          type: 'Ready',
          status: 'False',
          reason: dv.status?.phase || 'Pending',
          message: 'Source DV not ready',
        };
      else if (!pvc) ready = { type: 'Ready', status: 'False', reason: 'NotFound', message: 'Source PVC not found' };
      else ready = { type: 'Ready', status: 'True', reason: 'Ready', message: 'DataSource is ready to be consumed' };
    }
    const now = nowIso(this.ctx);
    client.mutate(
      DATA_SOURCES,
      ns,
      name,
      (o) => {
        const status = structuredClone((o.status ?? {}) as Record<string, unknown>);
        const prev = (status.conditions as Cond[] | undefined)?.find((c) => c.type === 'Ready');
        const sameSource = JSON.stringify(status.source ?? {}) === JSON.stringify(source);
        if (prev && prev.status === ready.status && prev.reason === ready.reason && sameSource) return false;
        status.source = source;
        setConditions(status, [ready], now);
        o.status = status;
      },
      { subresource: 'status', fieldManager: 'datasource-controller' },
    );
  }
}
