/** Differential cases: selectors, paging, watches, RBAC and authentication, discovery. */
import { vm } from './cases-write.js';
import type { DiffCase } from './run.js';

const VMS = (ns: string) => `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines`;
const CMS = (ns: string) => `/api/v1/namespaces/${ns}/configmaps`;
const cm = (name: string, labels: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data: { k: name },
});
const names = (body: unknown) => ({
  names: ((body as { items?: { metadata: { name: string } }[] }).items ?? []).map((i) => i.metadata.name),
  continue: Boolean((body as { metadata?: { continue?: string } }).metadata?.continue),
  remainingItemCount: (body as { metadata?: { remainingItemCount?: number } }).metadata?.remainingItemCount,
});
/** A watch event as type, kind and name (and the object's normalized shape for non-bookmarks). */
const eventShape = (e: unknown) => {
  const ev = e as {
    type: string;
    object: { kind?: string; metadata?: { name?: string }; code?: number; reason?: string };
  };
  return ev.type === 'ERROR'
    ? { type: ev.type, code: ev.object.code, reason: ev.object.reason }
    : { type: ev.type, kind: ev.object.kind, name: ev.object.metadata?.name };
};

async function seedConfigMaps(c: Parameters<DiffCase['run']>[0]): Promise<void> {
  const labels: Record<string, string>[] = [
    { app: 'web', tier: 'front' },
    { app: 'web', tier: 'back' },
    { app: 'db', tier: 'back' },
    { app: 'db' },
    {},
  ];
  for (const [i, l] of labels.entries()) await c.req('POST', CMS(c.ns), { body: cm(`cm${i}`, l) });
}

export const readCases: DiffCase[] = [
  {
    name: 'label and field selectors',
    async run(c) {
      await seedConfigMaps(c);
      const list = async (step: string, q: string) =>
        c.see(step, await c.req('GET', `${CMS(c.ns)}?${q}`), (b) =>
          Array.isArray((b as { items?: unknown }).items) ? names(b) : b,
        );
      await list('equality', 'labelSelector=app%3Dweb');
      await list('inequality', 'labelSelector=app!%3Dweb');
      await list('set-based in', 'labelSelector=tier%20in%20(front,back)');
      await list('exists and not-exists', 'labelSelector=app,!tier');
      await list('invalid label selector', 'labelSelector=app%3D%3D%3Dx(');
      await list('field selector metadata.name', 'fieldSelector=metadata.name%3Dcm2');
      await list('unsupported field selector', 'fieldSelector=data.k%3Dcm1');
      c.see('VM field selector on a CR', await c.req('GET', `${VMS(c.ns)}?fieldSelector=spec.runStrategy%3DHalted`));
    },
  },
  {
    name: 'paging with limit and continue',
    async run(c) {
      await seedConfigMaps(c);
      const first = await c.req('GET', `${CMS(c.ns)}?limit=2`);
      c.see('first page', first, names);
      const cont = (first.body as { metadata: { continue?: string } }).metadata.continue ?? '';
      const second = await c.req('GET', `${CMS(c.ns)}?limit=2&continue=${encodeURIComponent(cont)}`);
      c.see('second page', second, names);
      const cont2 = (second.body as { metadata: { continue?: string } }).metadata.continue ?? '';
      c.see('last page', await c.req('GET', `${CMS(c.ns)}?limit=2&continue=${encodeURIComponent(cont2)}`), names);
      c.see('bad continue token', await c.req('GET', `${CMS(c.ns)}?limit=2&continue=not-a-token`));
      c.see('limit with selector', await c.req('GET', `${CMS(c.ns)}?limit=1&labelSelector=app%3Ddb`), names);
    },
  },
  {
    name: 'watch from a resourceVersion',
    async run(c) {
      const created = await c.req('POST', CMS(c.ns), { body: cm('w1', { app: 'w' }) });
      const rv = (created.body as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
      await c.req('PATCH', `${CMS(c.ns)}/w1`, {
        body: { data: { k: 'changed' } },
        type: 'application/merge-patch+json',
      });
      await c.req('POST', CMS(c.ns), { body: cm('w2', { app: 'other' }) });
      await c.req('DELETE', `${CMS(c.ns)}/w1`);
      const all = await c.watch(`${CMS(c.ns)}?watch=true&resourceVersion=${rv}`, 3);
      c.see('watch from the create', { code: all.code, body: all.events, text: '' }, (evs) =>
        (evs as unknown[]).map(eventShape),
      );
      const sel = await c.watch(`${CMS(c.ns)}?watch=true&resourceVersion=${rv}&labelSelector=app%3Dw`, 2);
      c.see('watch with a selector', { code: sel.code, body: sel.events, text: '' }, (evs) =>
        (evs as unknown[]).map(eventShape),
      );
      const fresh = await c.watch(`${CMS(c.ns)}?watch=true`, 1);
      c.see(
        'watch without resourceVersion (current state)',
        { code: fresh.code, body: fresh.events, text: '' },
        (evs) => (evs as unknown[]).map(eventShape),
      );
      const rv0 = await c.watch(`${VMS(c.ns)}?watch=true&resourceVersion=0`, 1, 1500);
      c.see('watch of an empty collection from 0', { code: rv0.code, body: rv0.events, text: '' }, (evs) =>
        (evs as unknown[]).map(eventShape),
      );
      const old = await c.watch(`${CMS(c.ns)}?watch=true&resourceVersion=1`, 1, 5000);
      c.see('watch from a compacted resourceVersion', { code: old.code, body: old.events, text: '' }, (evs) =>
        (evs as unknown[]).map(eventShape),
      );
    },
  },
  {
    name: 'RBAC denials and authentication',
    async run(c) {
      c.see('edit user creates a VM', await c.req('POST', VMS(c.ns), { body: vm('rbac1'), user: 'alice' }));
      c.see('view user reads VMs', await c.req('GET', VMS(c.ns), { user: 'bob' }), names);
      c.see('view user may not create', await c.req('POST', VMS(c.ns), { body: vm('rbac2'), user: 'bob' }));
      c.see('view user may not delete', await c.req('DELETE', `${VMS(c.ns)}/rbac1`, { user: 'bob' }));
      c.see(
        'view user may not read secrets',
        await c.req('GET', `/api/v1/namespaces/${c.ns}/secrets`, { user: 'bob' }),
      );
      c.see('edit user outside its namespace', await c.req('GET', VMS('default'), { user: 'alice' }));
      c.see(
        'edit user lists VMs cluster-wide',
        await c.req('GET', '/apis/kubevirt.io/v1/virtualmachines', { user: 'alice' }),
      );
      c.see('edit user lists nodes', await c.req('GET', '/api/v1/nodes', { user: 'alice' }));
      c.see('edit user gets a missing VM', await c.req('GET', `${VMS(c.ns)}/missing`, { user: 'alice' }));
      c.see('bad token', await c.req('GET', VMS(c.ns), { user: 'nobody' }));
      const review = await c.req('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        user: 'bob',
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: {
            resourceAttributes: { namespace: c.ns, verb: 'create', group: 'kubevirt.io', resource: 'virtualmachines' },
          },
        },
      });
      c.see('self subject access review (denied)', review, (b) => ({
        allowed: (b as { status?: { allowed?: boolean } }).status?.allowed,
      }));
    },
  },
  {
    name: 'discovery',
    async run(c) {
      const resources = (b: unknown) =>
        ((b as { resources?: Record<string, unknown>[] }).resources ?? [])
          .map((r) => ({
            name: r.name,
            kind: r.kind,
            namespaced: r.namespaced,
            verbs: [...((r.verbs as string[]) ?? [])].sort(),
            shortNames: r.shortNames,
            categories: r.categories,
          }))
          .sort((x, y) => String(x.name).localeCompare(String(y.name)));
      for (const gv of [
        'kubevirt.io/v1',
        'cdi.kubevirt.io/v1beta1',
        'instancetype.kubevirt.io/v1beta1',
        'snapshot.kubevirt.io/v1beta1',
      ])
        c.see(`resources of ${gv}`, await c.req('GET', `/apis/${gv}`), resources);
      const groups = (b: unknown) =>
        ((b as { groups?: { name: string; preferredVersion: { version: string } }[] }).groups ?? [])
          .filter((g) => g.name.includes('kubevirt.io'))
          .map((g) => `${g.name}/${g.preferredVersion.version}`)
          .sort();
      c.see('KubeVirt groups in /apis', await c.req('GET', '/apis'), groups);
      c.see('a missing group version', await c.req('GET', '/apis/kubevirt.io/v9'));
      c.see('an unknown resource', await c.req('GET', `/apis/kubevirt.io/v1/namespaces/${c.ns}/nothings`));
    },
  },
];
