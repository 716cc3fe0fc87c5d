/**
 * CDI's upload controller: a bound PVC annotated as an upload target gets the upload server pod
 * `cdi-upload-<pvc>` and its Service; the pod's phase and readiness go onto the PVC for the
 * upload proxy and the DataVolume controller (cdi/upload-annotations.ts). Once the upload has
 * succeeded the pod and Service are deleted. A deleted PVC's volume content goes with it
 * (reclaim policy Delete).
 */
import { ResourceKey, keyOf, splitKey } from '../../runtime/client.js';
import type { ControllerContext } from '../context.js';
import { CDI_VERSION } from '../../kubevirt/versions.js';
import { ANN, markUploadPod } from '../../cdi/upload-annotations.js';
import type { VolumeStore } from '../../cdi/volumes.js';
import type { KObject } from '../../store/index.js';

const COMPONENT = 'upload-controller';
export const UPLOAD_SERVER_LABEL = 'cdi-upload-server';

export const uploadResourceName = (pvc: string) => `cdi-upload-${pvc}`.slice(0, 63).replace(/-+$/, '');

export class UploadController {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly volumes?: VolumeStore,
  ) {}

  watch(): void {
    const { informers, queues } = this.ctx;
    informers.pvcs.on({
      onChange: (o) => {
        if (ANN.uploadTarget in (o.metadata.annotations ?? {})) queues.upload.add(keyOf(o));
      },
      onDelete: (o) => {
        const volume = (o.spec as { volumeName?: string } | undefined)?.volumeName;
        if (volume) this.volumes?.remove(volume);
      },
    });
    informers.pods.on({
      onChange: (p) => {
        const target = p.metadata.labels?.['cdi.kubevirt.io/uploadTarget'];
        const owner = p.metadata.ownerReferences?.find((r) => r.kind === 'PersistentVolumeClaim');
        if (target && owner) queues.upload.add(`${p.metadata.namespace}/${owner.name}`);
      },
    });
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const pvc = client.tryGet(ResourceKey.pvcs, ns, name);
    if (!pvc || pvc.metadata.deletionTimestamp) return;
    const ann = pvc.metadata.annotations ?? {};
    if (!(ANN.uploadTarget in ann) || pvc.status?.phase !== 'Bound') return;
    const resource = uploadResourceName(name);
    if (ann[ANN.podPhase] === 'Succeeded') {
      for (const res of [ResourceKey.pods, ResourceKey.services] as const)
        if (client.tryGet(res, ns, resource)) client.delete(res, ns, resource);
      return;
    }
    const pod =
      client.tryGet(ResourceKey.pods, ns, resource) ?? client.create(ResourceKey.pods, this.pod(pvc, resource));
    if (!client.tryGet(ResourceKey.services, ns, resource))
      client.create(ResourceKey.services, this.service(pvc, resource), { fieldManager: COMPONENT });
    const phase = pod.status?.phase ?? 'Pending';
    const ready =
      phase === 'Running' && !!pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    markUploadPod(client, pvc, phase, ready || phase === 'Running');
  }

  private owner(pvc: KObject) {
    return [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name: pvc.metadata.name ?? '',
        uid: pvc.metadata.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      },
    ];
  }

  private labels(pvc: KObject) {
    return {
      app: 'containerized-data-importer',
      'app.kubernetes.io/component': 'storage',
      'app.kubernetes.io/managed-by': 'cdi-controller',
      'cdi.kubevirt.io': UPLOAD_SERVER_LABEL,
      'cdi.kubevirt.io/uploadTarget': pvc.metadata.uid ?? '',
    };
  }

  private pod(pvc: KObject, name: string) {
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: pvc.metadata.namespace,
        labels: this.labels(pvc),
        annotations: { 'cdi.kubevirt.io/storage.createdByController': 'yes' },
        ownerReferences: this.owner(pvc),
      },
      spec: {
        containers: [
          {
            name: 'cdi-upload-server',
            image: `quay.io/kubevirt/cdi-uploadserver:${CDI_VERSION}`,
            args: ['-v=1'],
            ports: [{ name: 'uploadserver', containerPort: 8443, protocol: 'TCP' }],
            resources: { requests: { cpu: '100m', memory: '60M' }, limits: { cpu: '750m', memory: '600M' } },
            volumeMounts: [{ name: 'cdi-data-vol', mountPath: '/data' }],
          },
        ],
        restartPolicy: 'OnFailure',
        volumes: [{ name: 'cdi-data-vol', persistentVolumeClaim: { claimName: pvc.metadata.name, readOnly: false } }],
      },
    };
  }

  private service(pvc: KObject, name: string) {
    return {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name,
        namespace: pvc.metadata.namespace,
        labels: this.labels(pvc),
        ownerReferences: this.owner(pvc),
      },
      spec: {
        ports: [{ name: 'uploadserver', port: 443, protocol: 'TCP', targetPort: 8443 }],
        selector: { 'cdi.kubevirt.io/uploadTarget': pvc.metadata.uid ?? '' },
        type: 'ClusterIP',
      },
    };
  }
}
