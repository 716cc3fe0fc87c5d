/** Every runStrategy (and legacy `running`) through start, stop, restart and guest-driven stops, over HTTP. */
import { describe, expect, it } from 'vitest';
import type { KObject } from '../store/index.js';
import {
  events,
  printable,
  subPath,
  useTestCluster,
  vmiPath,
  vmPath,
  waitFor,
  waitPrintable,
} from '../../../test/support/cluster/lifecycle.js';
import { fixture } from '../../../test/support/fixtures.js';

const env = useTestCluster();
const { api } = env;

let n = 0;
async function createVm(spec: Record<string, unknown>): Promise<{ ns: string; name: string }> {
  const ns = `rs-${++n}`;
  await api.createNamespace(ns);
  const [vm] = fixture<KObject>('kubevirt-examples/vm-cirros.yaml');
  const body = {
    ...vm,
    metadata: { ...vm.metadata, namespace: ns },
    spec: { ...(vm.spec as object), runStrategy: undefined, ...spec },
  };
  const r = await api.req('POST', vmPath(ns), body);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return { ns, name: 'vm-cirros' };
}

const put = (ns: string, name: string, sub: string, body: unknown = {}) =>
  api.req('PUT', subPath(ns, 'virtualmachines', name, sub), body);
const vmiUid = async (ns: string, name: string) => ((await api.get(vmiPath(ns, name))).metadata as { uid: string }).uid;
const vmStatus = async (ns: string, name: string) =>
  (await api.get(vmPath(ns, name))).status as Record<string, unknown>;
const guestPowerOff = (uid: string) => {
  const entry = env.cluster.controllers.ctx.guests.get(uid);
  if (!entry) throw new Error(`no guest for VMI ${uid}`);
  entry.guest.shutdown(true);
};

describe('runStrategy Always', () => {
  it('starts at once, stops through the stop subresource (patching Halted), restarts with a new VMI', async () => {
    const { ns, name } = await createVm({ runStrategy: 'Always' });
    await waitPrintable(api, ns, name, 'Running');
    const st = await vmStatus(ns, name);
    expect(st).toMatchObject({ created: true, ready: true, runStrategy: 'Always' });
    expect(st.conditions).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'Ready', status: 'True' })]));
    const vmi = await api.get(vmiPath(ns, name));
    expect(vmi.metadata).toMatchObject({
      labels: { 'kubevirt.io/vm': 'vm-cirros', 'kubevirt.io/nodeName': expect.stringMatching(/^node0\d$/) },
      finalizers: ['kubevirt.io/virtualMachineControllerFinalize', 'kubevirt.io/foregroundDeleteVirtualMachine'],
    });
    const phases = (
      vmi.status as { phaseTransitionTimestamps: Array<{ phase: string }> }
    ).phaseTransitionTimestamps.map((p) => p.phase);
    expect(phases).toEqual(['Pending', 'Scheduling', 'Scheduled', 'Running']);
    expect((vmi.status as { interfaces: Array<{ ipAddress: string }> }).interfaces[0].ipAddress).toMatch(
      /^10\.244\.\d+\.\d+$/,
    );

    const start = await put(ns, name, 'start');
    expect(start.status).toBe(409);
    expect(start.json.message).toBe(
      'Operation cannot be fulfilled on virtualmachine.kubevirt.io "vm-cirros": VM is already running',
    );

    const oldUid = await vmiUid(ns, name);
    expect((await put(ns, name, 'restart')).status).toBe(202);
    await waitFor('a new VMI', async () => (await vmiUid(ns, name).catch(() => oldUid)) !== oldUid);
    await waitPrintable(api, ns, name, 'Running');

    expect((await put(ns, name, 'stop')).status).toBe(202);
    expect(((await api.get(vmPath(ns, name))).spec as { runStrategy: string }).runStrategy).toBe('Halted');
    await waitPrintable(api, ns, name, 'Stopped');
    expect(await vmStatus(ns, name)).toMatchObject({
      runStrategy: 'Halted',
      conditions: [expect.objectContaining({ type: 'Ready', status: 'False', reason: 'VMINotExists' })],
    });
    expect((await api.req('GET', vmiPath(ns, name))).status).toBe(404);
    const reasons = (await events(api, ns, name)).map((e) => e.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['SuccessfulCreate', 'SuccessfulDelete', 'Started', 'ShuttingDown', 'Stopped']),
    );
    const stop2 = await put(ns, name, 'stop');
    expect(stop2.status).toBe(409);
    expect(stop2.json.message).toMatch(/VM is not running$/);
  });

  it('comes back when the guest powers itself off', async () => {
    const { ns, name } = await createVm({ runStrategy: 'Always' });
    await waitPrintable(api, ns, name, 'Running');
    const uid = await vmiUid(ns, name);
    guestPowerOff(uid);
    await waitFor('a new VMI', async () => (await vmiUid(ns, name).catch(() => uid)) !== uid);
    await waitPrintable(api, ns, name, 'Running');
  });
});

describe('runStrategy Halted and legacy running', () => {
  it('Halted stays Stopped until start patches Always', async () => {
    const { ns, name } = await createVm({ runStrategy: 'Halted' });
    await waitPrintable(api, ns, name, 'Stopped');
    expect(await vmStatus(ns, name)).not.toHaveProperty('created');
    const restart = await put(ns, name, 'restart');
    expect(restart.status).toBe(409);
    expect(restart.json.message).toMatch(/VM is not running: Halted$/);
    expect((await put(ns, name, 'start')).status).toBe(202);
    expect(((await api.get(vmPath(ns, name))).spec as { runStrategy: string }).runStrategy).toBe('Always');
    await waitPrintable(api, ns, name, 'Running');
  });

  it('running: false / true flips the legacy field', async () => {
    const { ns, name } = await createVm({ running: false });
    await waitPrintable(api, ns, name, 'Stopped');
    expect((await put(ns, name, 'start')).status).toBe(202);
    expect(((await api.get(vmPath(ns, name))).spec as { running: boolean }).running).toBe(true);
    await waitPrintable(api, ns, name, 'Running');
    expect((await put(ns, name, 'stop')).status).toBe(202);
    expect(((await api.get(vmPath(ns, name))).spec as { running: boolean }).running).toBe(false);
    await waitPrintable(api, ns, name, 'Stopped');
  });
});

describe('runStrategy Manual', () => {
  it('acts on state change requests only', async () => {
    const { ns, name } = await createVm({ runStrategy: 'Manual' });
    await waitPrintable(api, ns, name, 'Stopped');
    expect((await put(ns, name, 'start')).status).toBe(202);
    await waitPrintable(api, ns, name, 'Running');
    expect(((await api.get(vmPath(ns, name))).spec as { runStrategy: string }).runStrategy).toBe('Manual');
    const uid = await vmiUid(ns, name);
    expect((await put(ns, name, 'restart')).status).toBe(202);
    await waitFor('a new VMI', async () => (await vmiUid(ns, name).catch(() => uid)) !== uid);
    await waitPrintable(api, ns, name, 'Running');
    expect((await put(ns, name, 'stop')).status).toBe(202);
    await waitPrintable(api, ns, name, 'Stopped');
    expect(await vmStatus(ns, name)).not.toHaveProperty('stateChangeRequests');
  });

  it('stays Stopped (VMI Succeeded) after the guest powers off', async () => {
    const { ns, name } = await createVm({ runStrategy: 'Manual' });
    await put(ns, name, 'start');
    await waitPrintable(api, ns, name, 'Running');
    guestPowerOff(await vmiUid(ns, name));
    await waitPrintable(api, ns, name, 'Stopped');
    expect(((await api.get(vmiPath(ns, name))).status as { phase: string }).phase).toBe('Succeeded');
    expect((await put(ns, name, 'start')).status).toBe(202);
    await waitPrintable(api, ns, name, 'Running');
  });
});

describe('runStrategy RerunOnFailure and Once', () => {
  it('RerunOnFailure starts, and does not restart after a clean power-off', async () => {
    const { ns, name } = await createVm({ runStrategy: 'RerunOnFailure' });
    await waitPrintable(api, ns, name, 'Running');
    guestPowerOff(await vmiUid(ns, name));
    await waitPrintable(api, ns, name, 'Stopped');
    await waitFor('VMI removed', async () => (await api.req('GET', vmiPath(ns, name))).status === 404);
    expect(await printable(api, ns, name)).toBe('Stopped');
  });

  it('Once runs once; start is refused', async () => {
    const { ns, name } = await createVm({ runStrategy: 'Once' });
    await waitPrintable(api, ns, name, 'Running');
    const start = await put(ns, name, 'start');
    expect(start.status).toBe(409);
    guestPowerOff(await vmiUid(ns, name));
    await waitPrintable(api, ns, name, 'Stopped');
    const again = await put(ns, name, 'start');
    expect(again.json.message).toMatch(/Once does not support manual start requests$/);
  });
});
