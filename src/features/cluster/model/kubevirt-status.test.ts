import type { V1KubeVirt } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { specWithDeveloperConfiguration } from '../../../lib/kubevirt-config';
import { featureGateRows } from './feature-gates';
import { emulationEditAccess, kubevirtPatchAttributes, operatorHealth, orderedConditions } from './kubevirt-status';

const kv = (extra: Partial<V1KubeVirt> = {}): V1KubeVirt => ({
  metadata: { name: 'kubevirt', namespace: 'kubevirt' },
  spec: {},
  ...extra,
});

const cond = (type: string, status: string) => ({ type, status, reason: 'r' });

describe('operatorHealth', () => {
  it('reads phase and conditions as an operator reports them', () => {
    expect(
      operatorHealth({
        status: { phase: 'Deployed', conditions: [cond('Available', 'True'), cond('Degraded', 'False')] },
      }),
    ).toBe('healthy');
    expect(
      operatorHealth({
        status: { phase: 'Deploying', conditions: [cond('Available', 'False'), cond('Progressing', 'True')] },
      }),
    ).toBe('progressing');
    expect(
      operatorHealth({
        status: { phase: 'Deployed', conditions: [cond('Available', 'True'), cond('Degraded', 'True')] },
      }),
    ).toBe('degraded');
    expect(operatorHealth({ status: { phase: 'Deployed', conditions: [cond('Available', 'False')] } })).toBe('unknown');
    expect(operatorHealth(undefined)).toBe('unknown');
  });

  it('orders Available, Progressing, Degraded first', () => {
    const list = [
      cond('Zeta', 'True'),
      cond('Degraded', 'False'),
      cond('Available', 'True'),
      cond('Progressing', 'False'),
    ];
    expect(orderedConditions({ status: { conditions: list } }).map((c) => c.type)).toEqual([
      'Available',
      'Progressing',
      'Degraded',
      'Zeta',
    ]);
  });
});

describe('emulationEditAccess', () => {
  const ok = { allowed: true, isLoading: false, error: null };

  it('lets a user with patch on the CR edit', () => {
    expect(emulationEditAccess(kv(), ok)).toEqual({ editable: true });
  });

  it('is read-only with the reason otherwise', () => {
    const denied = emulationEditAccess(kv(), { allowed: false, isLoading: false, error: null });
    expect(denied.editable).toBe(false);
    expect(denied.reason).toBe(
      'You cannot patch KubeVirt "kubevirt" in namespace "kubevirt": only cluster administrators can change KubeVirt\'s configuration.',
    );
    expect(
      emulationEditAccess(kv(), { allowed: false, reason: 'no RBAC policy matched', isLoading: false, error: null })
        .reason,
    ).toContain('(no RBAC policy matched)');
    expect(emulationEditAccess(kv(), { allowed: false, isLoading: true, error: null })).toEqual({
      editable: false,
      reason: 'Checking your permissions…',
    });
    expect(emulationEditAccess(kv(), { allowed: false, isLoading: false, error: new Error('boom') }).reason).toBe(
      'Your permissions could not be checked: boom',
    );
    expect(emulationEditAccess(undefined, ok).editable).toBe(false);
    expect(
      emulationEditAccess(kv({ metadata: { name: 'kubevirt', namespace: 'kubevirt', deletionTimestamp: 'x' } }), ok)
        .editable,
    ).toBe(false);
  });

  it('asks about patch on this very CR', () => {
    expect(kubevirtPatchAttributes(kv())).toEqual({
      group: 'kubevirt.io',
      resource: 'kubevirts',
      verb: 'patch',
      name: 'kubevirt',
      namespace: 'kubevirt',
    });
  });
});

describe('featureGateRows', () => {
  it('lists enabled and disabled gates, sorted, de-duplicated, with descriptions', () => {
    const rows = featureGateRows(
      kv({
        spec: specWithDeveloperConfiguration({
          featureGates: ['Snapshot', ' HotplugVolumes ', 'Snapshot', '', 'MyGate'],
          disabledFeatureGates: ['Root', 'MyGate'],
        }),
      }),
    );
    expect(rows.map((r) => [r.name, r.enabled])).toEqual([
      ['HotplugVolumes', true],
      ['MyGate', false],
      ['Root', false],
      ['Snapshot', true],
    ]);
    expect(rows.find((r) => r.name === 'Snapshot')?.description).toMatch(/VirtualMachineSnapshot/);
    expect(rows.find((r) => r.name === 'MyGate')?.description).toBeUndefined();
  });

  it('is empty without configuration', () => {
    expect(featureGateRows(kv())).toEqual([]);
    expect(featureGateRows(undefined)).toEqual([]);
    expect(
      featureGateRows(kv({ spec: specWithDeveloperConfiguration({ featureGates: 'Snapshot' as never }) })),
    ).toEqual([]);
  });
});
