import { describe, expect, it } from 'vitest';
import type {
  V1beta1DataImportCron,
  V1beta1DataSource,
} from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import { volumeRows } from './boot-sources';

const ds = (ns: string, name: string, extra: Partial<V1beta1DataSource> = {}): V1beta1DataSource => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataSource',
  metadata: { name, namespace: ns, labels: { 'instancetype.kubevirt.io/default-preference': 'fedora' } },
  spec: { source: { pvc: { name: `${name}-pvc`, namespace: ns } } },
  ...extra,
});

const cron: V1beta1DataImportCron = {
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataImportCron',
  metadata: { name: 'fedora-image-cron', namespace: 'kubevirt-os-images' },
  spec: {
    managedDataSource: 'fedora',
    schedule: '0 */12 * * *',
    template: {
      spec: {
        source: { registry: { url: 'docker://quay.io/containerdisks/fedora:latest' } },
        storage: { resources: { requests: { storage: '30Gi' } } },
      },
    },
  },
};

describe('volumeRows', () => {
  it('joins the DataImportCron, the PVC and the Ready condition', () => {
    const fedora = ds('kubevirt-os-images', 'fedora', {
      status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Ready' }] } as V1beta1DataSource['status'],
    });
    const [row] = volumeRows({
      dataSources: [fedora],
      crons: [cron],
      dataVolumes: [],
      pvcs: [
        {
          metadata: { name: 'fedora-pvc', namespace: 'kubevirt-os-images' },
          status: { capacity: { storage: '31Gi' } },
        },
      ],
    });
    expect(row).toMatchObject({
      name: 'fedora',
      namespace: 'kubevirt-os-images',
      os: 'fedora',
      size: '31Gi',
      source: 'Registry docker://quay.io/containerdisks/fedora:latest, every 0 */12 * * *',
      cron: 'fedora-image-cron',
      ready: true,
      readiness: '',
    });
  });

  it('takes the source and size from the DataVolume that fills the PVC, and says why it is not ready', () => {
    const mine = ds('demo', 'mine', {
      status: {
        conditions: [{ type: 'Ready', status: 'False', reason: 'CloneScheduled', message: 'waiting' }],
      } as V1beta1DataSource['status'],
    });
    const rows = volumeRows({
      dataSources: [mine, ds('demo', 'bare')],
      crons: [cron],
      dataVolumes: [
        {
          metadata: { name: 'mine-pvc', namespace: 'demo' },
          spec: { source: { upload: {} }, storage: { resources: { requests: { storage: '2Gi' } } } },
        },
      ],
      pvcs: [],
    });
    expect(rows.map((r) => [r.name, r.source, r.size, r.ready, r.readiness])).toEqual([
      ['bare', 'PVC demo/bare-pvc', '', false, 'No Ready condition yet'],
      ['mine', 'Upload', '2Gi', false, 'CloneScheduled: waiting'],
    ]);
  });
});
