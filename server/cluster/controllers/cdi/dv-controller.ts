/**
 * CDI's DataVolume controller: creates the PVC, then imports (http, registry, blank), clones
 * (pvc) or waits for an upload, moving through CDI's phases with progress "0.00%" → "100.0%"
 * and its events. Sources that cannot be reached (conventions.ts) fail, and the importer
 * restarts with back-off, counting restartCount, as CDI's importer pod does.
 */
import { ResourceKey, keyOf, splitKey } from '../../runtime/client.js';
import { nowIso, type ControllerContext } from '../context.js';
import { importFailure } from '../../kubevirt/conventions.js';
import { quantityValue } from '../../apimachinery/quantity.js';
import type { DataVolume, PVC } from '../../kubevirt/types.js';
import { formatProgress, setDvCondition, sourceKind, type DvStatus } from './dv-status.js';
import { defaultStorageClass } from './pvc-binder.js';
import { ANN } from '../../cdi/upload-annotations.js';
import type { VolumeStore } from '../../cdi/volumes.js';
import { DATA_SOURCES } from './boot-source-controller.js';

const COMPONENT = 'datavolume-import-controller';
const TICKS = 8;

interface Transfer {
  nextAt: number;
  attempt: number;
  failing: boolean;
}

export class DataVolumeController {
  private readonly transfers = new Map<string, Transfer>();
  private readonly warned = new Set<string>();

  /** Clones in flight: the volume copy, done or not (by DataVolume uid). */
  private readonly copies = new Map<string, { done: boolean }>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly volumes?: VolumeStore,
  ) {}

  watch(): void {
    const { informers, queues } = this.ctx;
    informers.dataVolumes.on({ onChange: (o) => queues.dataVolume.add(keyOf(o)) });
    informers.pvcs.on({
      onChange: (o) => {
        // Own PVC (same name) and clones waiting for this PVC as their source.
        queues.dataVolume.add(keyOf(o));
        for (const dv of informers.dataVolumes.list()) {
          const src = (dv.spec as { source?: { pvc?: { namespace?: string; name?: string } } } | undefined)?.source
            ?.pvc;
          if (
            src &&
            src.name === o.metadata.name &&
            (src.namespace ?? dv.metadata.namespace) === o.metadata.namespace
          ) {
            queues.dataVolume.add(keyOf(dv));
          }
        }
      },
    });
  }

  private write(dv: DataVolume, fn: (s: DvStatus) => void): void {
    this.ctx.client.mutate(
      ResourceKey.dataVolumes,
      dv.metadata.namespace,
      dv.metadata.name ?? '',
      (o) => {
        if (o.metadata.uid !== dv.metadata.uid) return false;
        const s = structuredClone((o.status ?? {}) as DvStatus);
        const before = JSON.stringify(s);
        fn(s);
        if (JSON.stringify(s) === before) return false;
        o.status = s;
      },
      { subresource: 'status', fieldManager: COMPONENT },
    );
  }

  private event(dv: DataVolume, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.record(dv, type, reason, message, COMPONENT);
  }

  private ms(seconds: number): number {
    return (seconds * 1000) / this.ctx.clock.speed;
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const dv = client.tryGet(ResourceKey.dataVolumes, ns, name);
    if (!dv || dv.metadata.deletionTimestamp) return;
    const phase = dv.status?.phase ?? '';
    if (phase === 'Succeeded' || phase === 'Failed') return;
    const now = nowIso(this.ctx);
    const kind = sourceKind(dv.spec as never);
    const pvc = client.tryGet(ResourceKey.pvcs, ns, name);
    if (!pvc) {
      if ((kind === 'pvc' || kind === 'sourceRef') && !this.cloneSourceExists(dv))
        return this.waitForCloneSource(dv, now);
      this.createPvc(dv);
      this.event(dv, 'Normal', 'Pending', `PVC ${name} Pending`);
      return this.write(dv, (s) => this.pending(s, name, now));
    }
    if (pvc.status?.phase !== 'Bound') return this.write(dv, (s) => this.pending(s, name, now));
    if (dv.metadata.annotations?.['cdi.kubevirt.io/storage.prePopulated'] !== undefined)
      return this.adopt(dv, pvc, now);
    if (phase === '' || phase === 'Pending') {
      this.event(dv, 'Normal', 'Bound', `PVC ${name} Bound`);
      return this.write(dv, (s) => {
        s.phase = 'PVCBound';
        setDvCondition(s, { type: 'Bound', status: 'True', reason: 'Bound', message: `PVC ${name} Bound` }, now);
      });
    }
    if (kind === 'upload') return this.upload(dv, now);
    if (kind === 'other') return;
    this.transfer(dv, key, kind === 'pvc' || kind === 'sourceRef' ? 'Clone' : 'Import', now);
  }

  /**
   * A DataVolume marked prePopulated (a VM restore made its PVC from a snapshot): CDI takes the
   * existing PVC as the DataVolume's and does not populate it again.
   */
  private adopt(dv: DataVolume, pvc: PVC, now: string): void {
    if (!(pvc.metadata.ownerReferences ?? []).some((r) => r.uid === dv.metadata.uid))
      this.ctx.client.mutate(ResourceKey.pvcs, pvc.metadata.namespace, pvc.metadata.name ?? '', (o) => {
        o.metadata.ownerReferences = [
          {
            apiVersion: 'cdi.kubevirt.io/v1beta1',
            kind: 'DataVolume',
            name: dv.metadata.name ?? '',
            uid: dv.metadata.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ];
      });
    this.write(dv, (s) => {
      s.phase = 'Succeeded';
      s.progress = 'N/A';
      s.claimName = pvc.metadata.name;
      setDvCondition(
        s,
        { type: 'Bound', status: 'True', reason: 'Bound', message: `PVC ${pvc.metadata.name ?? ''} Bound` },
        now,
      );
      setDvCondition(s, { type: 'Ready', status: 'True' }, now);
      setDvCondition(s, { type: 'Running', status: 'False', reason: 'Completed' }, now);
    });
  }

  private pending(s: DvStatus, name: string, now: string): void {
    s.phase = 'Pending';
    s.progress = 'N/A';
    s.claimName = name;
    setDvCondition(s, { type: 'Bound', status: 'False', reason: 'Pending', message: `PVC ${name} Pending` }, now);
    setDvCondition(s, { type: 'Ready', status: 'False' }, now);
    setDvCondition(s, { type: 'Running', status: 'False' }, now);
  }

  /** The PVC a clone copies: spec.source.pvc, or the PVC of the DataSource spec.sourceRef names. */
  private cloneSource(dv: DataVolume): { namespace: string; name: string; via?: string } {
    const ns = dv.metadata.namespace ?? '';
    const ref = dv.spec?.sourceRef as { kind?: string; namespace?: string; name?: string } | undefined;
    if (ref && !dv.spec?.source) {
      const dsNs = ref.namespace ?? ns;
      const ds = this.ctx.client.tryGet(DATA_SOURCES, dsNs, ref.name ?? '');
      const pvc = (ds?.spec as { source?: { pvc?: { namespace?: string; name?: string } } } | undefined)?.source?.pvc;
      return { namespace: pvc?.namespace ?? dsNs, name: pvc?.name ?? '', via: `${dsNs}/${ref.name ?? ''}` };
    }
    const src = (dv.spec?.source?.pvc ?? {}) as { namespace?: string; name?: string };
    return { namespace: src.namespace ?? ns, name: src.name ?? '' };
  }

  private cloneSourceExists(dv: DataVolume): boolean {
    const src = this.cloneSource(dv);
    return !!src.name && !!this.ctx.client.tryGet(ResourceKey.pvcs, src.namespace, src.name);
  }

  /** A clone without a size takes its source's (CDI's storage API with a PVC source). */
  private cloneSize(dv: DataVolume): string | undefined {
    if (!dv.spec?.sourceRef && !dv.spec?.source?.pvc) return undefined;
    const src = this.cloneSource(dv);
    const pvc = src.name ? this.ctx.client.tryGet(ResourceKey.pvcs, src.namespace, src.name) : undefined;
    return pvc?.status?.capacity?.storage ?? pvc?.spec?.resources?.requests?.storage;
  }

  /** Starts copying the source volume's content (once per clone); true once it is there. */
  private cloneCopied(dv: DataVolume): boolean {
    const uid = dv.metadata.uid ?? '';
    let copy = this.copies.get(uid);
    if (!copy) {
      const src = this.cloneSource(dv);
      const from = this.ctx.client.tryGet(ResourceKey.pvcs, src.namespace, src.name)?.spec?.volumeName;
      const to = this.ctx.client.tryGet(ResourceKey.pvcs, dv.metadata.namespace, dv.metadata.name ?? '')?.spec
        ?.volumeName;
      const entry = { done: !this.volumes || !from || !to };
      copy = entry;
      this.copies.set(uid, entry);
      if (!entry.done && from && to)
        void this.volumes!.copy(from, to)
          .catch((err: unknown) => this.ctx.log('clone copy failed', { error: (err as Error).message }))
          .finally(() => (entry.done = true));
    }
    return copy.done;
  }

  private waitForCloneSource(dv: DataVolume, now: string): void {
    const src = this.cloneSource(dv);
    const message =
      src.via && !src.name ? `DataSource ${src.via} has no source PVC yet` : `The source pvc ${src.name} doesn't exist`;
    if (!this.warned.has(dv.metadata.uid ?? '')) {
      this.warned.add(dv.metadata.uid ?? '');
      this.event(dv, 'Warning', 'CloneWithoutSource', message);
    }
    this.write(dv, (s) => {
      s.phase = 'Pending';
      s.progress = 'N/A';
      setDvCondition(s, { type: 'Bound', status: 'False', reason: 'CloneWithoutSource', message }, now);
      setDvCondition(s, { type: 'Ready', status: 'False', reason: 'CloneWithoutSource', message }, now);
      setDvCondition(s, { type: 'Running', status: 'False', reason: 'CloneWithoutSource', message }, now);
    });
  }

  private createPvc(dv: DataVolume): void {
    const spec = (dv.spec ?? {}) as {
      pvc?: Record<string, unknown>;
      storage?: Record<string, unknown>;
      source?: Record<string, { url?: string }>;
    };
    const claim = (spec.pvc ?? spec.storage ?? {}) as {
      accessModes?: string[];
      resources?: { requests?: { storage?: string } };
      storageClassName?: string;
      volumeMode?: string;
    };
    const kind = sourceKind(spec);
    const endpoint = spec.source?.http?.url ?? spec.source?.registry?.url;
    this.ctx.client.create(
      ResourceKey.pvcs,
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name: dv.metadata.name,
          namespace: dv.metadata.namespace,
          labels: {
            app: 'containerized-data-importer',
            'app.kubernetes.io/component': 'storage',
            'app.kubernetes.io/managed-by': 'cdi-controller',
            ...(dv.metadata.labels ?? {}),
          },
          annotations: {
            'cdi.kubevirt.io/storage.contentType': 'kubevirt',
            'cdi.kubevirt.io/storage.import.source': kind === 'pvc' ? 'none' : kind,
            ...(endpoint ? { 'cdi.kubevirt.io/storage.import.endpoint': endpoint } : {}),
            'cdi.kubevirt.io/createdForDataVolume': dv.metadata.uid ?? '',
            ...(kind === 'upload' ? { [ANN.uploadTarget]: '' } : {}),
          },
          ownerReferences: [
            {
              apiVersion: 'cdi.kubevirt.io/v1beta1',
              kind: 'DataVolume',
              name: dv.metadata.name ?? '',
              uid: dv.metadata.uid ?? '',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: {
          accessModes: claim.accessModes ?? ['ReadWriteOnce'],
          resources: { requests: { storage: claim.resources?.requests?.storage ?? this.cloneSize(dv) ?? '1Gi' } },
          storageClassName: claim.storageClassName ?? defaultStorageClass(this.ctx),
          volumeMode: claim.volumeMode ?? 'Filesystem',
        },
      },
      { fieldManager: COMPONENT },
    );
  }

  /**
   * Upload DataVolumes follow the upload pod, as the upload controller and the upload server
   * mark it on the PVC (cdi/upload-annotations.ts): UploadScheduled until it is ready,
   * UploadReady while it takes bytes (a failed upload says why in the Running condition and
   * counts a restart), Succeeded once the image is in the volume.
   */
  private upload(dv: DataVolume, now: string): void {
    const name = dv.metadata.name ?? '';
    const pvc = this.ctx.client.tryGet(ResourceKey.pvcs, dv.metadata.namespace, name);
    const ann = pvc?.metadata.annotations ?? {};
    const podPhase = ann[ANN.podPhase];
    const restarts = Number(ann[ANN.podRestarts]) || 0;
    const phase = dv.status?.phase;
    if (podPhase === 'Succeeded') {
      this.event(dv, 'Normal', 'UploadSucceeded', `Successfully uploaded into ${name}`);
      return this.write(dv, (s) => {
        s.phase = 'Succeeded';
        s.progress = formatProgress(100);
        if (restarts) s.restartCount = restarts;
        setDvCondition(s, { type: 'Ready', status: 'True' }, now);
        setDvCondition(s, { type: 'Running', status: 'False', reason: 'Completed' }, now);
      });
    }
    const ready = ann[ANN.podReady] === 'true';
    if (!ready) {
      if (phase !== 'UploadScheduled') this.event(dv, 'Normal', 'UploadScheduled', 'Upload Scheduled');
      return this.write(dv, (s) => {
        s.phase = 'UploadScheduled';
        s.progress = 'N/A';
      });
    }
    if (phase !== 'UploadReady') this.event(dv, 'Normal', 'UploadReady', 'Upload Ready');
    const failed = ann[ANN.runningReason] === 'Error';
    const message = ann[ANN.runningMessage];
    if (failed && restarts > (dv.status?.restartCount ?? 0))
      this.event(dv, 'Warning', 'UploadFailed', message ?? 'Upload failed');
    this.write(dv, (s) => {
      s.phase = 'UploadReady';
      s.progress = 'N/A';
      if (restarts) s.restartCount = restarts;
      setDvCondition(
        s,
        failed
          ? { type: 'Running', status: 'False', reason: 'Error', message }
          : { type: 'Running', status: 'True', reason: 'Pod is running' },
        now,
      );
      setDvCondition(s, { type: 'Ready', status: 'False' }, now);
    });
  }

  private durationSeconds(dv: DataVolume): number {
    if (sourceKind(dv.spec as never) === 'blank') return 2;
    const spec = dv.spec as {
      pvc?: { resources?: { requests?: { storage?: string } } };
      storage?: { resources?: { requests?: { storage?: string } } };
    };
    const bytes = quantityValue(
      spec.pvc?.resources?.requests?.storage ?? spec.storage?.resources?.requests?.storage ?? '1Gi',
    );
    return Math.min(60, Math.max(6, (bytes / 2 ** 30) * 3));
  }

  private transfer(dv: DataVolume, key: string, verb: 'Import' | 'Clone', now: string): void {
    const name = dv.metadata.name ?? '';
    const uid = dv.metadata.uid ?? '';
    const phase = dv.status?.phase ?? '';
    const nowMs = this.ctx.clock.now();
    const src = this.cloneSource(dv);
    const what =
      verb === 'Import'
        ? `Import into ${name}`
        : `Cloning from ${src.namespace}/${src.name} into ${dv.metadata.namespace}/${name}`;
    if (phase === 'PVCBound') {
      this.event(dv, 'Normal', `${verb}Scheduled`, `${what} scheduled`);
      this.write(dv, (s) => {
        s.phase = `${verb}Scheduled`;
      });
      this.transfers.set(uid, { nextAt: nowMs + this.ms(1), attempt: 0, failing: false });
      this.ctx.queues.dataVolume.addAfterMs(key, this.ms(1) + 1);
      return;
    }
    let t = this.transfers.get(uid);
    if (!t) this.transfers.set(uid, (t = { nextAt: nowMs, attempt: 0, failing: false }));
    if (nowMs < t.nextAt) {
      this.ctx.queues.dataVolume.addAfterMs(key, t.nextAt - nowMs + 1);
      return;
    }
    const failure = verb === 'Import' ? importFailure(dv.spec?.source ?? {}) : undefined;
    if (phase === `${verb}Scheduled` || t.failing) {
      if (phase === `${verb}Scheduled`) this.event(dv, 'Normal', `${verb}InProgress`, `${what} in progress`);
      t.failing = false;
      this.write(dv, (s) => {
        s.phase = `${verb}InProgress`;
        s.progress = failure ? 'N/A' : formatProgress(0);
        setDvCondition(s, { type: 'Running', status: 'True', reason: 'Pod is running' }, now);
      });
      t.nextAt = nowMs + this.ms(failure ? 1.5 : this.durationSeconds(dv) / TICKS);
      this.ctx.queues.dataVolume.addAfterMs(key, t.nextAt - nowMs + 1);
      return;
    }
    if (failure) {
      t.attempt++;
      t.failing = true;
      // CDI's wording: the import controller reports the importer's termination message on the
      // PVC, the DataVolume controller says which PVC failed.
      const pvc = this.ctx.client.tryGet(ResourceKey.pvcs, dv.metadata.namespace, name);
      if (pvc) this.ctx.record(pvc, 'Warning', 'ErrImportFailed', failure, 'import-controller');
      this.event(dv, 'Warning', 'ImportFailed', `Failed to import into PVC ${name}`);
      this.write(dv, (s) => {
        s.restartCount = (s.restartCount ?? 0) + 1;
        setDvCondition(s, { type: 'Running', status: 'False', reason: 'Error', message: failure }, now);
        setDvCondition(s, { type: 'Ready', status: 'False' }, now);
      });
      t.nextAt = nowMs + this.ms(Math.min(300, 10 * 2 ** (t.attempt - 1)));
      this.ctx.queues.dataVolume.addAfterMs(key, t.nextAt - nowMs + 1);
      return;
    }
    const current = parseFloat(dv.status?.progress ?? '0') || 0;
    const next = current + 100 / TICKS + (Math.random() * 4 - 2);
    if (next < 100) {
      this.write(dv, (s) => {
        s.progress = formatProgress(next);
      });
      t.nextAt = nowMs + this.ms(this.durationSeconds(dv) / TICKS);
      this.ctx.queues.dataVolume.addAfterMs(key, t.nextAt - nowMs + 1);
      return;
    }
    if (verb === 'Clone' && !this.cloneCopied(dv)) {
      this.ctx.queues.dataVolume.addAfterMs(key, 200);
      return;
    }
    this.transfers.delete(uid);
    this.copies.delete(uid);
    this.write(dv, (s) => {
      s.phase = 'Succeeded';
      s.progress = formatProgress(100);
      setDvCondition(s, { type: 'Ready', status: 'True' }, now);
      setDvCondition(s, { type: 'Running', status: 'False', reason: 'Completed' }, now);
    });
    this.event(
      dv,
      'Normal',
      `${verb}Succeeded`,
      verb === 'Import'
        ? `Successfully imported into PVC ${name}`
        : `Successfully cloned from ${src.namespace}/${src.name} into ${dv.metadata.namespace}/${name}`,
    );
  }
}
