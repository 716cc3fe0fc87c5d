import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { VirtualMachineInstanceModel, VirtualMachineModel } from '../../../k8s/models';
import { k8sKeys } from '../../../k8s/query-keys';
import type { ListData } from '../../../k8s/watch/reducer';
import { vmPrintableStatus, type VM } from '../../../kubevirt/vm-selectors';
import { makeVm, makeVmi } from '../../../kubevirt/testing';
import { applyOptimisticStatus } from './optimistic';

const allKey = k8sKeys.list(VirtualMachineModel, {});
const nsKey = k8sKeys.list(VirtualMachineModel, { namespace: 'ns1' });
const oneKey = k8sKeys.list(VirtualMachineModel, { namespace: 'ns1', fieldSelector: 'metadata.name=vm1' });

function setup() {
  // Like the watch manager's list queries: no structural sharing.
  const qc = new QueryClient({ defaultOptions: { queries: { structuralSharing: false } } });
  const vm1 = makeVm({ name: 'vm1' });
  const vm2 = makeVm({ name: 'vm2' });
  qc.setQueryData<ListData<VM>>(allKey, {
    items: [vm1, vm2, makeVm({ name: 'vm1', namespace: 'other' })],
    resourceVersion: '10',
  });
  qc.setQueryData<ListData<VM>>(nsKey, { items: [vm1, vm2], resourceVersion: '10' });
  qc.setQueryData<ListData<VM>>(oneKey, { items: [vm1], resourceVersion: '10' });
  const vmiKey = k8sKeys.list(VirtualMachineInstanceModel, {});
  qc.setQueryData(vmiKey, { items: [makeVmi({ name: 'vm1' })], resourceVersion: '10' });
  return { qc, vm1, vm2, vmiKey };
}

const statuses = (qc: QueryClient, key: readonly unknown[]) =>
  qc
    .getQueryData<ListData<VM>>(key)
    ?.items.map((v) => `${v.metadata?.namespace}/${v.metadata?.name}:${vmPrintableStatus(v)}`);

describe('applyOptimisticStatus', () => {
  it('shows the transition in every VM list that holds the VM, and only for that VM', () => {
    const { qc, vm1, vmiKey } = setup();
    const vmis = qc.getQueryData(vmiKey);
    applyOptimisticStatus(qc, vm1, 'Starting');
    expect(statuses(qc, allKey)).toEqual(['ns1/vm1:Starting', 'ns1/vm2:Stopped', 'other/vm1:Stopped']);
    expect(statuses(qc, nsKey)).toEqual(['ns1/vm1:Starting', 'ns1/vm2:Stopped']);
    expect(statuses(qc, oneKey)).toEqual(['ns1/vm1:Starting']);
    expect(qc.getQueryData(vmiKey)).toBe(vmis);
    expect(qc.getQueryData<ListData<VM>>(nsKey)?.resourceVersion).toBe('10');
  });

  it('rolls back where no watch event replaced the optimistic object', () => {
    const { qc, vm1 } = setup();
    const rollback = applyOptimisticStatus(qc, vm1, 'Starting');
    // A watch event arrives for the namespace list only.
    const fromServer = makeVm({ name: 'vm1', status: 'Running' });
    qc.setQueryData<ListData<VM>>(nsKey, (d) => d && { ...d, items: [fromServer, ...d.items.slice(1)] });
    rollback();
    expect(statuses(qc, allKey)?.[0]).toBe('ns1/vm1:Stopped');
    expect(statuses(qc, oneKey)).toEqual(['ns1/vm1:Stopped']);
    expect(qc.getQueryData<ListData<VM>>(nsKey)?.items[0]).toBe(fromServer);
  });
});
