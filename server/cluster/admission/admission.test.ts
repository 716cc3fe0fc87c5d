import { describe, expect, it } from 'vitest';
import { admit, type AdmissionRequest, type AdmissionResult } from './index.js';
import { loadFixtures } from '../../../test/support/fixtures.js';

const PLURALS: Record<string, [string, string]> = {
  VirtualMachine: ['kubevirt.io', 'virtualmachines'],
  VirtualMachineInstance: ['kubevirt.io', 'virtualmachineinstances'],
  VirtualMachineInstanceMigration: ['kubevirt.io', 'virtualmachineinstancemigrations'],
  DataVolume: ['cdi.kubevirt.io', 'datavolumes'],
  VirtualMachineInstancetype: ['instancetype.kubevirt.io', 'virtualmachineinstancetypes'],
  PriorityClass: ['scheduling.k8s.io', 'priorityclasses'],
};

type Obj = Record<string, unknown>;

function request(obj: Obj, over: Partial<AdmissionRequest> = {}): AdmissionRequest {
  const kind = String(obj.kind);
  const [group, resource] = PLURALS[kind] ?? ['', `${kind.toLowerCase()}s`];
  return {
    operation: 'CREATE',
    group,
    version: String(obj.apiVersion).split('/').pop() ?? 'v1',
    resource,
    kind,
    namespace: 'default',
    name: (obj.metadata as Obj | undefined)?.name as string | undefined,
    object: obj,
    dryRun: false,
    userName: 'alice',
    ...over,
  };
}

function denied(result: AdmissionResult) {
  if (result.allowed) throw new Error('expected a denial');
  return result.status;
}

function vm(spec: Obj = {}, name = 'vm1'): Obj {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name },
    spec: {
      runStrategy: 'Halted',
      template: {
        spec: {
          domain: { devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] }, memory: { guest: '128Mi' } },
          volumes: [{ name: 'root', containerDisk: { image: 'quay.io/x' } }],
        },
      },
      ...spec,
    },
  };
}

function vmiSpec(o: Obj): Obj {
  return ((o.spec as Obj).template as Obj).spec as Obj;
}

function fixtureDocs(): Array<{ file: string; obj: Obj }> {
  return loadFixtures().flatMap(({ file, docs }) => docs.map((obj) => ({ file, obj })));
}

describe('admission of the real KubeVirt and CDI manifests', () => {
  const docs = fixtureDocs();
  it('finds the fixtures', () => expect(docs.length).toBeGreaterThan(15));
  it.each(docs.map((d) => [d.file, d.obj] as const))('admits %s', (_file, obj) => {
    const result = admit(request(obj));
    expect(result.allowed ? 'allowed' : result.status.message).toBe('allowed');
  });
  it('warns about spec.running (vm-dv.yaml uses it)', () => {
    const doc = docs.find((d) => d.file.endsWith('vm-dv.yaml'))!;
    const result = admit(request(doc.obj));
    expect(result.allowed && result.warnings).toEqual([
      'spec.running is deprecated, please use spec.runStrategy instead.',
    ]);
  });
});

describe('names', () => {
  it('rejects an invalid VM name with kube-apiserver wording', () => {
    const status = denied(admit(request(vm({}, 'Bad_Name'))));
    const body =
      "Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    expect(status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      code: 422,
      reason: 'Invalid',
      message: `VirtualMachine.kubevirt.io "Bad_Name" is invalid: metadata.name: ${body}`,
      details: {
        name: 'Bad_Name',
        group: 'kubevirt.io',
        kind: 'VirtualMachine',
        causes: [{ reason: 'FieldValueInvalid', message: body, field: 'metadata.name' }],
      },
    });
  });
  it('uses DNS labels for namespaces and DNS-1035 for services', () => {
    const ns = denied(
      admit({ ...request({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } }), namespace: undefined }),
    );
    expect(ns.message).toContain(
      'Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": a lowercase RFC 1123 label must consist of',
    );
    expect(ns.message).toContain("(e.g. 'my-name',  or '123-abc', regex used");
    const svc = denied(admit(request({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1svc' } })));
    expect(svc.message).toContain(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character",
    );
  });
  it('requires a name or generateName and checks a long name', () => {
    const s = denied(admit(request({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })));
    expect(s.message).toBe('ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required');
    const long = denied(admit(request(vm({}, 'a'.repeat(254)))));
    expect(long.details?.causes?.[0].message).toContain('must be no more than 253 characters');
    expect(admit(request({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cm-' } })).allowed).toBe(
      true,
    );
  });
  it('validates label values', () => {
    const s = denied(
      admit(request({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { ok: 'bad value' } } })),
    );
    expect(s.details?.causes?.[0]).toMatchObject({ field: 'metadata.labels', reason: 'FieldValueInvalid' });
    expect(s.message).toContain('Invalid value: "bad value": a valid label must be an empty string');
  });
});

describe('generic request checks', () => {
  it('rejects another API group in the body (400)', () => {
    const s = denied(admit({ ...request(vm()), object: { ...vm(), apiVersion: 'cdi.kubevirt.io/v1beta1' } }));
    expect(s).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message:
        'the API version in the data (cdi.kubevirt.io/v1beta1) does not match the expected API version (kubevirt.io/v1)',
    });
  });
  it('rejects a wrong kind for a custom resource (422)', () => {
    const s = denied(
      admit({ ...request(vm()), kind: 'VirtualMachine', object: { ...vm(), kind: 'VirtualMachineInstance' } }),
    );
    expect(s.message).toBe(
      'VirtualMachine.kubevirt.io "vm1" is invalid: kind: Invalid value: "VirtualMachineInstance": must be VirtualMachine',
    );
  });
  it('rejects a namespace that differs from the URL (400)', () => {
    const obj = { ...vm(), metadata: { name: 'vm1', namespace: 'other' } };
    expect(denied(admit(request(obj)))).toMatchObject({
      code: 400,
      message: 'the namespace of the provided object does not match the namespace sent on the request',
    });
  });
  it('reports metadata of the wrong type as a decode error', () => {
    const s = denied(admit(request({ ...vm(), metadata: { name: 5 } })));
    expect(s).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(s.message).toBe(
      'VirtualMachine in version "v1" cannot be handled as a VirtualMachine: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string',
    );
  });
  it('lets deletes and access reviews through', () => {
    expect(admit({ ...request(vm()), operation: 'DELETE', object: undefined, oldObject: vm() }).allowed).toBe(true);
    expect(admit({ ...request({ kind: 'SelfSubjectAccessReview' }), group: 'authorization.k8s.io' }).allowed).toBe(
      true,
    );
  });
});

describe('schema (CRD) validation', () => {
  it('rejects a bad quantity with the CRD pattern message', () => {
    const o = vm();
    (vmiSpec(o).domain as Obj).memory = { guest: '64Moo' };
    const s = denied(admit(request(o)));
    expect(s.code).toBe(422);
    expect(s.message).toContain(
      'spec.template.spec.domain.memory.guest: Invalid value: "64Moo": spec.template.spec.domain.memory.guest in body should match \'^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))',
    );
  });
  it('rejects wrong JSON types', () => {
    const s = denied(admit(request(vm({ running: 'yes', runStrategy: undefined }))));
    expect(s.message).toBe(
      'VirtualMachine.kubevirt.io "vm1" is invalid: spec.running: Invalid value: "string": spec.running in body must be of type boolean: "string"',
    );
  });
  it('requires spec.template and the domain', () => {
    const s = denied(
      admit(
        request({
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          metadata: { name: 'x' },
          spec: { runStrategy: 'Always' },
        }),
      ),
    );
    expect(s.message).toBe('VirtualMachine.kubevirt.io "x" is invalid: spec.template: Required value');
  });
  it('refuses a bad PVC quantity as a decode error (built-in type)', () => {
    const pvc = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'p' },
      spec: { resources: { requests: { storage: '10Gx' } } },
    };
    const s = denied(admit(request(pvc)));
    expect(s).toMatchObject({
      code: 400,
      message:
        'PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    });
  });
});

describe('the KubeVirt VM webhook', () => {
  const prefix = 'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: ';
  it('refuses running together with runStrategy', () => {
    const s = denied(admit(request(vm({ running: true }))));
    expect(s).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: `${prefix}Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead`,
    });
    expect(s.details).toEqual({
      causes: [
        {
          reason: 'FieldValueInvalid',
          message:
            'Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead',
          field: 'spec.running',
        },
      ],
    });
  });
  it('refuses neither running nor runStrategy, and an unknown strategy', () => {
    expect(denied(admit(request(vm({ runStrategy: undefined })))).message).toBe(
      `${prefix}RunStrategy must be specified`,
    );
    expect(denied(admit(request(vm({ runStrategy: 'Sometimes' })))).message).toBe(
      `${prefix}Invalid RunStrategy (Sometimes)`,
    );
  });
  it('accepts running alone with a deprecation warning and adds KubeVirt defaults', () => {
    const result = admit(request(vm({ running: false, runStrategy: undefined })));
    expect(result.allowed).toBe(true);
    if (!result.allowed) return;
    expect(result.warnings).toEqual(['spec.running is deprecated, please use spec.runStrategy instead.']);
    const spec = vmiSpec(result.object!);
    expect(spec.architecture).toBe('amd64');
    expect((spec.domain as Obj).machine).toEqual({ type: 'q35' });
  });
  it('refuses a disk without a volume', () => {
    const o = vm();
    (vmiSpec(o).domain as Obj).devices = { disks: [{ name: 'root' }, { name: 'data' }] };
    const s = denied(admit(request(o)));
    expect(s.message).toBe(`${prefix}spec.template.spec.domain.devices.disks[1].Name 'data' not found.`);
    expect(s.details?.causes?.[0].field).toBe('spec.template.spec.domain.devices.disks[1].name');
  });
  it('refuses duplicate disks and volumes, and joins messages with ", "', () => {
    const o = vm();
    const spec = vmiSpec(o);
    (spec.domain as Obj).devices = { disks: [{ name: 'root' }, { name: 'root' }] };
    spec.volumes = [
      { name: 'root', containerDisk: { image: 'x' } },
      { name: 'root', emptyDisk: { capacity: '1Gi' } },
    ];
    const s = denied(admit(request(o)));
    expect(s.message).toBe(
      `${prefix}spec.template.spec.domain.devices.disks[1] and spec.template.spec.domain.devices.disks[0] must not have the same Name., spec.template.spec.volumes[1] and spec.template.spec.volumes[0] must not have the same Name.`,
    );
  });
  it('checks memory requests against limits, with canonical quantities', () => {
    const o = vm();
    (vmiSpec(o).domain as Obj).resources = { requests: { memory: '2048Mi' }, limits: { memory: '1024Mi' } };
    expect(denied(admit(request(o))).message).toBe(
      `${prefix}spec.template.spec.domain.resources.requests.memory '2Gi' is greater than spec.template.spec.domain.resources.limits.memory '1Gi'`,
    );
  });
  it('checks networks against interfaces and allows one pod network', () => {
    const o = vm();
    const spec = vmiSpec(o);
    (spec.domain as Obj).devices = {
      disks: [{ name: 'root' }],
      interfaces: [
        { name: 'default', masquerade: {} },
        { name: 'nic2', bridge: {} },
      ],
    };
    spec.networks = [
      { name: 'default', pod: {} },
      { name: 'other', pod: {} },
    ];
    const s = denied(admit(request(o)));
    const messages = s.details?.causes?.map((c) => c.message);
    expect(messages).toContain(
      'more than one interface is connected to a pod network in spec.template.spec.interfaces',
    );
    expect(messages).toContain("spec.template.spec.domain.devices.interfaces[1].name 'nic2' not found.");
    expect(messages).toContain("spec.template.spec.networks[1].name 'other' not found.");
  });
  it('refuses a negative core count the way the webhook fails to decode it', () => {
    const o = vm();
    (vmiSpec(o).domain as Obj).cpu = { cores: -1 };
    const s = denied(admit(request(o)));
    expect(s.code).toBe(400);
    expect(s.reason).toBeUndefined();
    expect(s.message).toBe(
      `${prefix}json: cannot unmarshal number -1 into Go struct field CPU.spec.template.spec.domain.cpu.cores of type uint32`,
    );
  });
  it('requires dataVolumeTemplates to be referenced by a volume', () => {
    const o = vm({
      dataVolumeTemplates: [
        {
          metadata: { name: 'dv1' },
          spec: { source: { blank: {} }, storage: { resources: { requests: { storage: '1Gi' } } } },
        },
      ],
    });
    expect(denied(admit(request(o))).message).toBe(
      `${prefix}DataVolumeTemplate entry spec.dataVolumeTemplate[0] must be referenced in the VMI template's 'volumes' list`,
    );
  });
  it('caps the joined message at ten causes', () => {
    const o = vm();
    (vmiSpec(o).domain as Obj).devices = { disks: Array.from({ length: 12 }, (_, i) => ({ name: `d${i}` })) };
    expect(denied(admit(request(o))).message).toMatch(/, and 2 more validation errors$/);
  });
});

describe('the KubeVirt VMI webhooks', () => {
  const vmi = (spec: Obj): Obj => ({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'i' },
    spec,
  });
  it('requires memory', () => {
    const s = denied(admit(request(vmi({ domain: { devices: {} } }))));
    expect(s.message).toBe(
      'admission webhook "virtualmachineinstances-create-validator.kubevirt.io" denied the request: ' +
        "no memory requested, at least one of 'spec.domain.memory.guest', 'spec.domain.memory.hugepages.size' or 'spec.domain.resources.requests.memory' must be set",
    );
  });
  it('adds a disk for every volume without one, as the VMI mutator does', () => {
    const result = admit(
      request(
        vmi({
          domain: { devices: {}, memory: { guest: '1Gi' } },
          volumes: [{ name: 'v', containerDisk: { image: 'x' } }],
        }),
      ),
    );
    expect(result.allowed && (result.object?.spec as Obj).domain).toMatchObject({
      devices: { disks: [{ name: 'v', disk: { bus: 'virtio' } }] },
      machine: { type: 'q35' },
    });
  });
  it('restricts spec updates to KubeVirt service accounts', () => {
    const old = vmi({ domain: { devices: {}, memory: { guest: '1Gi' } } });
    const next = vmi({ domain: { devices: {}, memory: { guest: '2Gi' } } });
    const s = denied(admit({ ...request(next), operation: 'UPDATE', oldObject: old }));
    expect(s.message).toBe(
      'admission webhook "virtualmachineinstances-update-validator.kubevirt.io" denied the request: update of VMI object is restricted',
    );
    expect(
      admit({
        ...request(next),
        operation: 'UPDATE',
        oldObject: old,
        userName: 'system:serviceaccount:kubevirt:kubevirt-controller',
      }).allowed,
    ).toBe(true);
  });
  it('restricts them for cluster admins too, as KubeVirt does', () => {
    const old = vmi({ domain: { devices: {}, memory: { guest: '1Gi' } } });
    const next = vmi({ domain: { devices: {}, memory: { guest: '2Gi' } } });
    const s = denied(admit({ ...request(next), operation: 'UPDATE', oldObject: old, userName: 'system:admin' }));
    expect(s.message).toBe(
      'admission webhook "virtualmachineinstances-update-validator.kubevirt.io" denied the request: update of VMI object is restricted',
    );
  });
});

describe('the CDI DataVolume webhook', () => {
  const dv = (spec: Obj): Obj => ({
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: { name: 'd' },
    spec,
  });
  const prefix = 'admission webhook "datavolume-validate.cdi.kubevirt.io" denied the request:  ';
  const storage = { resources: { requests: { storage: '1Gi' } } };
  it('requires exactly one source', () => {
    expect(denied(admit(request(dv({ storage })))).message).toBe(
      `${prefix}Data volume should have either Source or SourceRef`,
    );
    const s = denied(admit(request(dv({ storage, source: { blank: {}, http: { url: 'http://x' } } }))));
    expect(s).toMatchObject({ code: 422, message: `${prefix}Multiple Data volume sources` });
    expect(s.reason).toBeUndefined();
  });
  it('requires a size and a valid URL', () => {
    expect(denied(admit(request(dv({ source: { blank: {} }, storage: {} })))).message).toBe(
      `${prefix}Storage size is missing`,
    );
    expect(denied(admit(request(dv({ source: { http: { url: 'ftp://x/y' } }, storage })))).message).toBe(
      `${prefix}spec.source Invalid source URL scheme: ftp://x/y`,
    );
  });
  it('refuses spec changes', () => {
    const old = dv({ source: { blank: {} }, storage });
    const next = dv({ source: { blank: {} }, storage: { resources: { requests: { storage: '2Gi' } } } });
    expect(denied(admit({ ...request(next), operation: 'UPDATE', oldObject: old })).message).toBe(
      `${prefix}Cannot update DataVolume Spec`,
    );
  });
});
