/**
 * The PVC annotations through which CDI's upload pieces talk (pkg/controller/common): the upload
 * controller marks the upload pod's phase and readiness, the upload server the outcome, and the
 * DataVolume controller turns them into the DataVolume's phase and conditions.
 */
import { ResourceKey, type ClusterClient } from '../runtime/client.js';

export const ANN = {
  uploadTarget: 'cdi.kubevirt.io/storage.upload.target',
  podPhase: 'cdi.kubevirt.io/storage.pod.phase',
  podReady: 'cdi.kubevirt.io/storage.pod.ready',
  podRestarts: 'cdi.kubevirt.io/storage.pod.restarts',
  runningReason: 'cdi.kubevirt.io/storage.condition.running.reason',
  runningMessage: 'cdi.kubevirt.io/storage.condition.running.message',
} as const;

type Named = { metadata: { namespace?: string; name?: string; uid?: string } };

function annotate(client: ClusterClient, pvc: Named, fn: (a: Record<string, string>) => void): void {
  client.mutate(ResourceKey.pvcs, pvc.metadata.namespace, pvc.metadata.name ?? '', (o) => {
    if (o.metadata.uid !== pvc.metadata.uid) return false;
    const a = { ...(o.metadata.annotations ?? {}) };
    const before = JSON.stringify(a);
    fn(a);
    if (JSON.stringify(a) === before) return false;
    o.metadata.annotations = a;
  });
}

/** The upload pod's phase and readiness, as the upload controller sees it. */
export function markUploadPod(client: ClusterClient, pvc: Named, phase: string, ready: boolean): void {
  annotate(client, pvc, (a) => {
    if (a[ANN.podPhase] === 'Succeeded') return;
    a[ANN.podPhase] = phase;
    a[ANN.podReady] = String(ready);
  });
}

/** The upload server failed: the pod restarts (counted) and says why; the PVC stays an upload target. */
export function markUploadFailed(client: ClusterClient, pvc: Named, message: string): void {
  annotate(client, pvc, (a) => {
    a[ANN.podRestarts] = String((Number(a[ANN.podRestarts]) || 0) + 1);
    a[ANN.runningReason] = 'Error';
    a[ANN.runningMessage] = message.slice(0, 1024);
  });
}

/** The image is in the volume: the upload pod completes. */
export function markUploadSucceeded(client: ClusterClient, pvc: Named): void {
  annotate(client, pvc, (a) => {
    a[ANN.podPhase] = 'Succeeded';
    a[ANN.podReady] = 'false';
    a[ANN.runningReason] = 'Completed';
    delete a[ANN.runningMessage];
  });
}
