import type { V1KubeVirt } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { emulationPatch, selectKubeVirt, specWithDeveloperConfiguration, usesEmulation } from './kubevirt-config';

const kv = (name: string, created: string, phase?: string, extra: Partial<V1KubeVirt> = {}): V1KubeVirt => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'KubeVirt',
  metadata: { name, namespace: 'kubevirt', creationTimestamp: created },
  spec: {},
  status: phase ? { phase } : undefined,
  ...extra,
});

describe('selectKubeVirt', () => {
  it('prefers the Deployed CR, else the oldest; nothing for an empty list', () => {
    const a = kv('a', '2025-01-02T00:00:00Z', 'Deploying');
    const b = kv('b', '2025-01-03T00:00:00Z', 'Deployed');
    const c = kv('c', '2025-01-01T00:00:00Z');
    expect(selectKubeVirt([a, b, c])?.metadata?.name).toBe('b');
    expect(selectKubeVirt([a, c])?.metadata?.name).toBe('c');
    expect(selectKubeVirt([])).toBeUndefined();
    expect(selectKubeVirt(undefined)).toBeUndefined();
  });

  it('skips a CR being deleted when another exists', () => {
    const gone = kv('old', '2025-01-01T00:00:00Z', 'Deployed');
    gone.metadata = { ...gone.metadata, deletionTimestamp: '2025-02-01T00:00:00Z' };
    const next = kv('new', '2025-01-05T00:00:00Z', 'Deploying');
    expect(selectKubeVirt([gone, next])?.metadata?.name).toBe('new');
  });
});

describe('usesEmulation', () => {
  it('is true only when developerConfiguration.useEmulation is true', () => {
    expect(usesEmulation(undefined)).toBe(false);
    expect(usesEmulation(kv('a', ''))).toBe(false);
    expect(
      usesEmulation(kv('a', '', 'Deployed', { spec: specWithDeveloperConfiguration({ useEmulation: false }) })),
    ).toBe(false);
    expect(
      usesEmulation(kv('a', '', 'Deployed', { spec: specWithDeveloperConfiguration({ useEmulation: true }) })),
    ).toBe(true);
  });

  it('patches only the one field', () => {
    expect(emulationPatch(true)).toEqual({ spec: specWithDeveloperConfiguration({ useEmulation: true }) });
  });
});
