import { describe, expect, it } from 'vitest';
import {
  readinessFromEndpoints,
  readinessFromSlices,
  readinessLevel,
  readinessText,
  slicesOfService,
} from './endpoints';
import { service } from './test-fixtures';
import type { EndpointSlice } from './types';

const slice = (svc: string, endpoints: EndpointSlice['endpoints']): EndpointSlice => ({
  metadata: { name: `${svc}-abcde`, namespace: 'ns1', labels: { 'kubernetes.io/service-name': svc } },
  addressType: 'IPv4',
  endpoints,
});

describe('endpoint readiness', () => {
  it('counts ready endpoints of a Service across its slices (unset ready means ready)', () => {
    const slices = [
      slice('web', [
        { addresses: ['10.0.0.1'], conditions: { ready: true }, nodeName: 'node01', targetRef: { uid: 'p1' } },
        { addresses: ['10.0.0.2'], conditions: { ready: false }, nodeName: 'node02', targetRef: { uid: 'p2' } },
      ]),
      slice('web', [{ addresses: ['10.0.0.3'], nodeName: 'node03' }]),
      slice('other', [{ addresses: ['10.0.0.9'] }]),
    ];
    const mine = slicesOfService(slices, service('web', {}));
    expect(mine).toHaveLength(2);
    const r = readinessFromSlices(mine);
    expect(r).toEqual({ ready: 2, total: 3, nodes: ['node01', 'node03', 'node02'] });
    expect(readinessText(r)).toBe('2 of 3 ready');
    expect(readinessLevel(r)).toBe('partial');
  });

  it('reads v1 Endpoints, and says when there are none', () => {
    const r = readinessFromEndpoints({
      subsets: [{ addresses: [{ ip: '10.0.0.1', nodeName: 'node01' }], notReadyAddresses: [{ ip: '10.0.0.2' }] }],
    });
    expect(r).toEqual({ ready: 1, total: 2, nodes: ['node01'] });
    const none = readinessFromEndpoints(undefined);
    expect(readinessText(none)).toBe('No endpoints');
    expect(readinessLevel(none)).toBe('empty');
    expect(readinessLevel({ ready: 0, total: 1, nodes: [] })).toBe('none');
    expect(readinessLevel({ ready: 1, total: 1, nodes: [] })).toBe('ready');
  });
});
