/**
 * Differential cases: built-in kinds decoded into their Go types (issue 19 item 1). Unknown and
 * duplicate fields under fieldValidation Strict/Warn/Ignore (the JSON body of
 * test/integration/apiserver/field_validation_test.go in k8s.io/kubernetes), fields of the wrong
 * type (encoding/json's UnmarshalTypeError, Quantity and IntOrString decoders), patches and apply.
 */
import { vm } from './cases-write.js';
import type { Reply } from './harness.js';
import type { DiffCase } from './run.js';

const core = (ns: string, plural: string) => `/api/v1/namespaces/${ns}/${plural}`;
const DEPLOYMENTS = (ns: string) => `/apis/apps/v1/namespaces/${ns}/deployments`;

const pod = (name: string, container: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'busybox', ...container }], ...spec },
});

const service = (name: string, port: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { ports: [{ port: 80, ...port }], selector: { app: 'x' } },
});

const deployment = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    selector: { matchLabels: { app: 'x' } },
    template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } },
    ...spec,
  },
});

/** field_validation_test.go's invalidBodyJSON: duplicate and unknown fields at every level. */
const invalidDeploymentJSON = (name: string) => `{
  "apiVersion": "apps/v1",
  "kind": "Deployment",
  "metadata": {"name": "dupename", "name": "${name}", "labels": {"app": "nginx"}, "unknownMeta": "metaVal"},
  "spec": {
    "unknown1": "val1", "unknownDupe": "valDupe", "unknownDupe": "valDupe2", "paused": true, "paused": false,
    "selector": {"matchLabels": {"app": "nginx"}},
    "template": {
      "metadata": {"labels": {"app": "nginx"}},
      "spec": {"containers": [{"name": "nginx", "image": "nginx:latest", "unknownNested": "val1",
        "imagePullPolicy": "Always", "imagePullPolicy": "Never"}]}
    }
  }
}`;

/** What a stored object kept of the unknown fields, and the warnings the write answered. */
const kept = (r: Reply, fields: (body: Record<string, unknown>) => unknown) => () => ({
  warnings: r.warnings ?? [],
  kept: fields((r.body ?? {}) as Record<string, unknown>),
});
const spec = (b: Record<string, unknown>) => (b.spec ?? {}) as Record<string, unknown>;
const container0 = (b: Record<string, unknown>) => ((spec(b).containers ?? []) as Record<string, unknown>[])[0] ?? {};

export const schemaCases: DiffCase[] = [
  {
    name: 'built-in kinds: unknown and duplicate fields under fieldValidation',
    async run(c) {
      const typo = (name: string) => pod(name, { imagee: 'typo' }, { restartPolicyy: 'Never' });
      const create = (v: string, body: unknown) =>
        c.req('POST', `${core(c.ns, 'pods')}${v ? `?fieldValidation=${v}` : ''}`, { body });
      c.see('Strict pod', await create('Strict', typo('strict')));
      const warn = await create('Warn', typo('warn'));
      c.see(
        'Warn pod',
        warn,
        kept(warn, (b) => [container0(b).imagee, spec(b).restartPolicyy]),
      );
      const none = await create('', typo('default'));
      c.see(
        'no fieldValidation pod',
        none,
        kept(none, (b) => [container0(b).imagee, spec(b).restartPolicyy]),
      );
      const ignore = await create('Ignore', typo('ignore'));
      c.see(
        'Ignore pod',
        ignore,
        kept(ignore, (b) => [container0(b).imagee, spec(b).restartPolicyy]),
      );
      const yamlPod =
        'apiVersion: v1\nkind: Pod\nmetadata: {name: yaml, zeta: 1}\nspec:\n  zz: 1\n  containers:\n  - {name: c, image: busybox, imagee: x}\n  aa: 2\n';
      c.see(
        'Strict YAML pod',
        await c.req('POST', `${core(c.ns, 'pods')}?fieldValidation=Strict`, {
          body: yamlPod,
          type: 'application/yaml',
        }),
      );
      const dep = (v: string) =>
        c.req('POST', `${DEPLOYMENTS(c.ns)}?fieldValidation=${v}`, {
          body: invalidDeploymentJSON(`dep-${v.toLowerCase()}`),
        });
      c.see('Strict deployment, duplicates and unknown fields', await dep('Strict'));
      const warned = await dep('Warn');
      c.see(
        'Warn deployment',
        warned,
        kept(warned, (b) => {
          const c0 = container0((spec(b).template ?? {}) as Record<string, unknown>);
          return [spec(b).unknown1, c0.unknownNested, c0.imagePullPolicy];
        }),
      );
      const meta = { ...service('meta', {}), metadata: { name: 'meta', unknownMeta: 'x' } };
      c.see(
        'Strict unknown metadata field',
        await c.req('POST', `${core(c.ns, 'services')}?fieldValidation=Strict`, { body: meta }),
      );
      const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: '1' } };
      await c.req('POST', core(c.ns, 'configmaps'), { body: cm });
      const patch = (v: string, body: unknown, type = 'merge-patch+json') =>
        c.req('PATCH', `${core(c.ns, 'configmaps')}/cm?fieldValidation=${v}`, { body, type: `application/${type}` });
      c.see('Strict merge patch', await patch('Strict', { datta: { b: '2' } }));
      const patched = await patch('Warn', { datta: { b: '2' } });
      c.see(
        'Warn merge patch',
        patched,
        kept(patched, (b) => b.datta),
      );
      c.see(
        'Strict strategic merge patch',
        await patch('Strict', { data: { c: '3' }, extra: 1 }, 'strategic-merge-patch+json'),
      );
      const put = await c.req('PUT', `${core(c.ns, 'configmaps')}/cm?fieldValidation=Strict`, {
        body: { ...cm, dataa: { a: '2' } },
      });
      c.see('Strict update', put);
      c.see(
        'apply with an unknown field',
        await c.req('PATCH', `${core(c.ns, 'configmaps')}/ap?fieldManager=m`, {
          body: { ...cm, metadata: { name: 'ap' }, dataa: { x: 'y' } },
          type: 'application/apply-patch+yaml',
        }),
      );
      // Ignore: a built-in kind drops unknown fields everywhere; a CRD keeps what its schema preserves
      // (KubeVirt's CRDs preserve unknown fields of a template's metadata)
      const vmExtra = vm('vmx');
      (vmExtra.spec.template.metadata as Record<string, unknown>).extra = 'kept';
      const vmr = await c.req(
        'POST',
        `/apis/kubevirt.io/v1/namespaces/${c.ns}/virtualmachines?fieldValidation=Ignore`,
        {
          body: { ...vmExtra, spec: { ...vmExtra.spec, extra: 'dropped' } },
        },
      );
      c.see(
        'Ignore VM, unknown fields in spec and in the template metadata',
        vmr,
        kept(vmr, (b) => [spec(b).extra, (spec(b).template as { metadata?: { extra?: string } }).metadata?.extra]),
      );
      const depExtra = deployment('dep-extra');
      (depExtra.spec.template.metadata as Record<string, unknown>).extra = 'dropped';
      const depr = await c.req('POST', `${DEPLOYMENTS(c.ns)}?fieldValidation=Ignore`, { body: depExtra });
      c.see(
        'Ignore Deployment, an unknown field in the template metadata',
        depr,
        kept(depr, (b) => (spec(b).template as { metadata?: { extra?: string } }).metadata?.extra ?? 'absent'),
      );
      c.see(
        'apply of a VM with an unknown field',
        await c.req('PATCH', `/apis/kubevirt.io/v1/namespaces/${c.ns}/virtualmachines/vma?fieldManager=m`, {
          body: vm('vma', { runStrateg: 'Always' }),
          type: 'application/apply-patch+yaml',
        }),
      );
    },
  },
  {
    name: 'built-in kinds: fields of the wrong type',
    async run(c) {
      const post = (plural: string, body: unknown) => c.req('POST', core(c.ns, plural), { body });
      c.see('Service port a string', await post('services', service('s1', { port: 'eighty' })));
      c.see('Service targetPort a bool', await post('services', service('s2', { targetPort: true })));
      c.see('Service targetPort 1.5', await post('services', service('s3', { targetPort: 1.5 })));
      c.see('Pod containers a string', await post('pods', { ...pod('p1'), spec: { containers: 'busybox' } }));
      c.see('Pod containerPort 1.5', await post('pods', pod('p2', { ports: [{ containerPort: 1.5 }] })));
      c.see('Pod restartPolicy a number', await post('pods', pod('p3', {}, { restartPolicy: 1 })));
      c.see('Pod command a string', await post('pods', pod('p4', { command: 'sleep 1' })));
      c.see(
        'Pod cpu request not a quantity',
        await post('pods', pod('p5', { resources: { requests: { cpu: 'lots' } } })),
      );
      const cm = (data: unknown) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data });
      c.see('ConfigMap data value a number', await post('configmaps', cm({ a: 1 })));
      c.see('ConfigMap data a list', await post('configmaps', cm(['a'])));
      const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 5 } };
      c.see('Secret data value a number', await post('secrets', secret));
      c.see(
        'Deployment replicas a string',
        await c.req('POST', DEPLOYMENTS(c.ns), { body: deployment('d1', { replicas: '3' }) }),
      );
      c.see(
        'wrong type and unknown field under Strict',
        await c.req('POST', `${DEPLOYMENTS(c.ns)}?fieldValidation=Strict`, {
          body: deployment('d2', { replicas: '3', unknown: 1 }),
        }),
      );
      c.see(
        'Role rules an object',
        await c.req('POST', `/apis/rbac.authorization.k8s.io/v1/namespaces/${c.ns}/roles`, {
          body: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r' }, rules: {} },
        }),
      );
      c.see(
        'PodDisruptionBudget minAvailable a bool',
        await c.req('POST', `/apis/policy/v1/namespaces/${c.ns}/poddisruptionbudgets`, {
          body: {
            apiVersion: 'policy/v1',
            kind: 'PodDisruptionBudget',
            metadata: { name: 'pdb' },
            spec: { minAvailable: true },
          },
        }),
      );
    },
  },
];
