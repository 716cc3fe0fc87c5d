/** Differential cases: creates, invalid objects, conflicts, deletes, patches of every type, apply. */
import type { DiffCase } from './run.js';

const VMS = (ns: string) => `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines`;
const CMS = (ns: string) => `/api/v1/namespaces/${ns}/configmaps`;

export const vm = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name, labels: { app: 'diff' } },
  spec: {
    runStrategy: 'Halted',
    template: {
      metadata: { labels: { 'kubevirt.io/domain': name } },
      spec: {
        domain: { devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] }, memory: { guest: '128Mi' } },
        volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora' } }],
      },
    },
    ...extra,
  },
});

const cm = (name: string, data: Record<string, string> = { a: '1' }) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

export const writeCases: DiffCase[] = [
  {
    name: 'create, get and duplicate create of a VirtualMachine',
    async run(c) {
      c.see('create', await c.req('POST', VMS(c.ns), { body: vm('vm1') }), true);
      c.see('get', await c.req('GET', `${VMS(c.ns)}/vm1`), true);
      c.see('create again', await c.req('POST', VMS(c.ns), { body: vm('vm1') }));
      c.see('get missing', await c.req('GET', `${VMS(c.ns)}/nope`));
    },
  },
  {
    name: 'create of a ConfigMap: shape, generateName, dryRun',
    async run(c) {
      c.see('create', await c.req('POST', CMS(c.ns), { body: cm('c1') }), true);
      const gen = { ...cm(''), metadata: { generateName: 'gen-' } };
      c.see('generateName', await c.req('POST', CMS(c.ns), { body: gen }), true);
      c.see('dryRun create', await c.req('POST', `${CMS(c.ns)}?dryRun=All`, { body: cm('dry') }), true);
      c.see('dry run left nothing', await c.req('GET', `${CMS(c.ns)}/dry`));
      const empty = { ...cm('empty-maps'), metadata: { name: 'empty-maps', labels: {}, annotations: {} } };
      c.see('empty labels and annotations', await c.req('POST', CMS(c.ns), { body: empty }), true);
    },
  },
  {
    name: 'invalid objects',
    async run(c) {
      c.see('uppercase name', await c.req('POST', CMS(c.ns), { body: cm('Bad_Name') }));
      c.see('no name', await c.req('POST', CMS(c.ns), { body: { ...cm(''), metadata: {} } }));
      c.see('VM without spec', await c.req('POST', VMS(c.ns), { body: { ...vm('nospec'), spec: undefined } }));
      const cores = vm('badcores');
      (cores.spec.template.spec.domain as Record<string, unknown>).cpu = { cores: 'two' };
      c.see('VM cpu.cores a string', await c.req('POST', VMS(c.ns), { body: cores }));
      const noDevices = vm('nodevices');
      (noDevices.spec.template.spec.domain as Record<string, unknown>).devices = undefined;
      c.see('VM without domain.devices', await c.req('POST', VMS(c.ns), { body: noDevices }));
      c.see('malformed JSON', await c.req('POST', CMS(c.ns), { body: '{"apiVersion": "v1", ' }));
      c.see('kind mismatch', await c.req('POST', CMS(c.ns), { body: { ...cm('x'), kind: 'Secret' } }));
      c.see(
        'namespace mismatch',
        await c.req('POST', CMS(c.ns), { body: { ...cm('x'), metadata: { name: 'x', namespace: 'other' } } }),
      );
      c.see('missing namespace', await c.req('POST', CMS('no-such-namespace'), { body: cm('x') }));
    },
  },
  {
    name: 'updates: conflicts and resourceVersion rules',
    async run(c) {
      const created = await c.req('POST', CMS(c.ns), { body: cm('u1') });
      const obj = created.body as { metadata: { resourceVersion: string } };
      const rv = obj.metadata.resourceVersion;
      c.see('update', await c.req('PUT', `${CMS(c.ns)}/u1`, { body: { ...obj, data: { a: '2' } } }), true);
      c.see('stale update', await c.req('PUT', `${CMS(c.ns)}/u1`, { body: { ...obj, data: { a: '3' } } }));
      c.see(
        'update with a bad resourceVersion',
        await c.req('PUT', `${CMS(c.ns)}/u1`, {
          body: { ...cm('u1'), metadata: { name: 'u1', resourceVersion: 'abc' } },
        }),
      );
      c.see(
        'name mismatch',
        await c.req('PUT', `${CMS(c.ns)}/u1`, { body: { ...obj, metadata: { name: 'other', resourceVersion: rv } } }),
      );
      await c.req('POST', VMS(c.ns), { body: vm('vmu') });
      c.see(
        'CR update without resourceVersion',
        await c.req('PUT', `${VMS(c.ns)}/vmu`, {
          body: { ...vm('vmu'), metadata: { name: 'vmu' } },
        }),
      );
      const vmObj = (await c.req('GET', `${VMS(c.ns)}/vmu`)).body as { metadata: Record<string, unknown> };
      c.see(
        'CR update',
        await c.req('PUT', `${VMS(c.ns)}/vmu`, {
          body: { ...vm('vmu', { runStrategy: 'Always' }), metadata: vmObj.metadata },
        }),
        true,
      );
      const current = (await c.req('GET', `${VMS(c.ns)}/vmu`)).body as { metadata: unknown };
      c.see(
        'status ignored on main endpoint',
        await c.req('PUT', `${VMS(c.ns)}/vmu`, {
          body: { ...vm('vmu'), metadata: current.metadata, status: { ready: true } },
        }),
        true,
      );
    },
  },
  {
    name: 'deletes: preconditions, missing, dryRun',
    async run(c) {
      await c.req('POST', CMS(c.ns), { body: cm('d1') });
      c.see(
        'delete with wrong uid precondition',
        await c.req('DELETE', `${CMS(c.ns)}/d1`, {
          body: { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { uid: 'not-the-uid' } },
        }),
      );
      c.see('dryRun delete', await c.req('DELETE', `${CMS(c.ns)}/d1?dryRun=All`), true);
      c.see('delete', await c.req('DELETE', `${CMS(c.ns)}/d1`), true);
      c.see('delete missing', await c.req('DELETE', `${CMS(c.ns)}/d1`));
      await c.req('POST', VMS(c.ns), { body: vm('vmd') });
      c.see('delete VM', await c.req('DELETE', `${VMS(c.ns)}/vmd`), true);
    },
  },
  {
    name: 'patches of every type',
    async run(c) {
      await c.req('POST', CMS(c.ns), { body: cm('p1', { a: '1', b: '2' }) });
      await c.req('POST', VMS(c.ns), { body: vm('vmp') });
      const patch = (path: string, type: string, body: unknown) =>
        c.req('PATCH', path, { body, type: `application/${type}` });
      c.see('merge patch', await patch(`${CMS(c.ns)}/p1`, 'merge-patch+json', { data: { b: null, c: '3' } }), true);
      c.see(
        'json patch',
        await patch(`${CMS(c.ns)}/p1`, 'json-patch+json', [{ op: 'add', path: '/data/d', value: '4' }]),
        true,
      );
      c.see(
        'json patch failed test',
        await patch(`${CMS(c.ns)}/p1`, 'json-patch+json', [{ op: 'test', path: '/data/a', value: 'x' }]),
      );
      c.see(
        'json patch bad path',
        await patch(`${CMS(c.ns)}/p1`, 'json-patch+json', [{ op: 'remove', path: '/data/zzz' }]),
      );
      c.see(
        'strategic merge patch',
        await patch(`${CMS(c.ns)}/p1`, 'strategic-merge-patch+json', { data: { e: '5' } }),
        true,
      );
      c.see(
        'strategic merge patch of a CR',
        await patch(`${VMS(c.ns)}/vmp`, 'strategic-merge-patch+json', { spec: { runStrategy: 'Always' } }),
      );
      c.see(
        'merge patch of a CR',
        await patch(`${VMS(c.ns)}/vmp`, 'merge-patch+json', { spec: { runStrategy: 'Always' } }),
        true,
      );
      c.see(
        'merge patch making it invalid',
        await patch(`${VMS(c.ns)}/vmp`, 'merge-patch+json', { spec: { template: null } }),
      );
      c.see('patch of a missing object', await patch(`${CMS(c.ns)}/none`, 'merge-patch+json', { data: {} }));
      c.see('unsupported patch type', await patch(`${CMS(c.ns)}/p1`, 'xml', '<x/>'));
    },
  },
  {
    name: 'server-side apply: create, conflict, force',
    async run(c) {
      const apply = (body: unknown, manager: string, force = false) =>
        c.req('PATCH', `${CMS(c.ns)}/ap?fieldManager=${manager}${force ? '&force=true' : ''}`, {
          body,
          type: 'application/apply-patch+yaml',
        });
      c.see('apply creates', await apply(cm('ap', { a: '1' }), 'one'), true);
      c.see('apply by another manager, conflict', await apply(cm('ap', { a: '2' }), 'two'));
      c.see('apply force', await apply(cm('ap', { a: '2' }), 'two', true), true);
      c.see(
        'apply without fieldManager',
        await c.req('PATCH', `${CMS(c.ns)}/ap`, { body: cm('ap'), type: 'application/apply-patch+yaml' }),
      );
      const vmApply = (body: unknown, manager: string) =>
        c.req('PATCH', `${VMS(c.ns)}/vma?fieldManager=${manager}`, { body, type: 'application/apply-patch+yaml' });
      c.see('apply creates a VM', await vmApply(vm('vma'), 'one'), true);
      c.see('VM apply conflict', await vmApply(vm('vma', { runStrategy: 'Always' }), 'two'));
    },
  },
];
