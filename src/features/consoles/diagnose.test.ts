import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { K8sError } from '../../k8s/k8s-error';
import { diagnoseVmi } from './diagnose';

const vmi = (phase: string, devices: Record<string, unknown> = {}): V1VirtualMachineInstance => ({
  metadata: { name: 'vm', namespace: 'ns' },
  spec: { domain: { devices } },
  status: { phase },
});

describe('diagnoseVmi', () => {
  it('tells a missing VMI from one that is not running', () => {
    expect(diagnoseVmi('vnc', undefined)).toEqual({ kind: 'not-found' });
    const notFound = new K8sError({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code: 404,
      reason: 'NotFound',
      message: 'nope',
    });
    expect(diagnoseVmi('serial', undefined, notFound)).toEqual({ kind: 'not-found' });
    expect(diagnoseVmi('vnc', vmi('Scheduling'))).toEqual({ kind: 'not-running', phase: 'Scheduling' });
  });

  it('counts a VMI being deleted as not running', () => {
    const v = vmi('Running');
    v.metadata = { ...v.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' };
    expect(diagnoseVmi('vnc', v)).toEqual({ kind: 'not-running', phase: 'Terminating' });
  });

  it('names the missing device of the console kind only', () => {
    expect(diagnoseVmi('vnc', vmi('Running', { autoattachGraphicsDevice: false }))).toEqual({ kind: 'no-device' });
    expect(diagnoseVmi('serial', vmi('Running', { autoattachGraphicsDevice: false }))).toEqual({ kind: 'busy' });
    expect(diagnoseVmi('serial', vmi('Running', { autoattachSerialConsole: false }))).toEqual({ kind: 'no-device' });
  });

  it('passes other read errors on in words', () => {
    const forbidden = new K8sError({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code: 403,
      reason: 'Forbidden',
      message: 'user cannot get',
    });
    expect(diagnoseVmi('vnc', undefined, forbidden)).toEqual({
      kind: 'unknown',
      message: 'Cannot read the VirtualMachineInstance: user cannot get',
    });
  });
});

describe('diagnoseVmi with the access review', () => {
  it('calls a refusal of a user without the permission what it is, whatever the VMI', () => {
    expect(diagnoseVmi('vnc', vmi('Running'), undefined, false)).toEqual({ kind: 'forbidden' });
    expect(diagnoseVmi('serial', undefined, undefined, false)).toEqual({ kind: 'forbidden' });
  });

  it('suspects another session only when the user may connect (or the review could not tell)', () => {
    expect(diagnoseVmi('vnc', vmi('Running'), undefined, true)).toEqual({ kind: 'busy' });
    expect(diagnoseVmi('vnc', vmi('Running'), undefined, undefined)).toEqual({ kind: 'busy' });
  });
});
