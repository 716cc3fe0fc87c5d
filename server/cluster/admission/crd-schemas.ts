/**
 * Schema checks for the KubeVirt, CDI and core shapes that admission reads. A pared-down copy
 * of what the CRDs' openAPIV3Schema enforces on those fields (types, required, Quantity).
 */
import { SchemaCheck, type Json } from './schema.js';

function checkResources(c: SchemaCheck, v: unknown, path: string): void {
  const r = c.obj(v, path);
  if (!r) return;
  c.quantities(r.requests, `${path}.requests`);
  c.quantities(r.limits, `${path}.limits`);
}

/** VirtualMachineInstanceSpec (also the VM template's spec). `path` is e.g. "spec.template.spec". */
export function checkVmiSpec(c: SchemaCheck, spec: Json, path: string): void {
  c.required(spec, 'domain', path);
  const domain = c.obj(spec.domain, `${path}.domain`);
  if (domain) {
    const dp = `${path}.domain`;
    c.required(domain, 'devices', dp);
    const cpu = c.obj(domain.cpu, `${dp}.cpu`);
    if (cpu) for (const k of ['cores', 'sockets', 'threads']) c.int(cpu[k], `${dp}.cpu.${k}`);
    const memory = c.obj(domain.memory, `${dp}.memory`);
    if (memory) {
      c.quantity(memory.guest, `${dp}.memory.guest`);
      c.quantity(memory.maxGuest, `${dp}.memory.maxGuest`);
      const hp = c.obj(memory.hugepages, `${dp}.memory.hugepages`);
      if (hp) c.str(hp.pageSize, `${dp}.memory.hugepages.pageSize`);
    }
    checkResources(c, domain.resources, `${dp}.resources`);
    c.obj(domain.machine, `${dp}.machine`);
    c.obj(domain.firmware, `${dp}.firmware`);
    const devices = c.obj(domain.devices, `${dp}.devices`);
    if (devices) {
      const dv = `${dp}.devices`;
      c.items(devices.disks, `${dv}.disks`, (d, p) => {
        c.required(d, 'name', p);
        c.str(d.name, `${p}.name`);
        for (const t of ['disk', 'cdrom', 'lun']) {
          const target = c.obj(d[t], `${p}.${t}`);
          if (target) c.str(target.bus, `${p}.${t}.bus`);
        }
        c.int(d.bootOrder, `${p}.bootOrder`);
        c.str(d.serial, `${p}.serial`);
        c.str(d.cache, `${p}.cache`);
      });
      c.items(devices.interfaces, `${dv}.interfaces`, (i, p) => {
        c.required(i, 'name', p);
        c.str(i.name, `${p}.name`);
        c.str(i.model, `${p}.model`);
        c.str(i.macAddress, `${p}.macAddress`);
        c.int(i.bootOrder, `${p}.bootOrder`);
        c.items(i.ports, `${p}.ports`, (port, pp) => {
          c.required(port, 'port', pp);
          c.int(port.port, `${pp}.port`);
          c.str(port.name, `${pp}.name`);
          c.str(port.protocol, `${pp}.protocol`);
        });
      });
      c.bool(devices.autoattachGraphicsDevice, `${dv}.autoattachGraphicsDevice`);
      c.bool(devices.autoattachPodInterface, `${dv}.autoattachPodInterface`);
    }
  }
  c.items(spec.networks, `${path}.networks`, (n, p) => {
    c.required(n, 'name', p);
    c.str(n.name, `${p}.name`);
    c.obj(n.pod, `${p}.pod`);
    const multus = c.obj(n.multus, `${p}.multus`);
    if (multus) {
      c.required(multus, 'networkName', `${p}.multus`);
      c.str(multus.networkName, `${p}.multus.networkName`);
    }
  });
  c.items(spec.volumes, `${path}.volumes`, (v, p) => {
    c.required(v, 'name', p);
    c.str(v.name, `${p}.name`);
    for (const src of [
      'containerDisk',
      'cloudInitNoCloud',
      'cloudInitConfigDrive',
      'dataVolume',
      'persistentVolumeClaim',
      'emptyDisk',
      'ephemeral',
      'hostDisk',
      'configMap',
      'secret',
      'serviceAccount',
      'downwardAPI',
      'sysprep',
    ]) {
      c.obj(v[src], `${p}.${src}`);
    }
    const ed = c.obj(v.emptyDisk, `${p}.emptyDisk`);
    if (ed) {
      c.required(ed, 'capacity', `${p}.emptyDisk`);
      c.quantity(ed.capacity, `${p}.emptyDisk.capacity`);
    }
    const dv = c.obj(v.dataVolume, `${p}.dataVolume`);
    if (dv) c.str(dv.name, `${p}.dataVolume.name`);
    const pvc = c.obj(v.persistentVolumeClaim, `${p}.persistentVolumeClaim`);
    if (pvc) {
      c.required(pvc, 'claimName', `${p}.persistentVolumeClaim`);
      c.str(pvc.claimName, `${p}.persistentVolumeClaim.claimName`);
    }
    const cd = c.obj(v.containerDisk, `${p}.containerDisk`);
    if (cd) c.str(cd.image, `${p}.containerDisk.image`);
    for (const ci of ['cloudInitNoCloud', 'cloudInitConfigDrive']) {
      const o = c.obj(v[ci], `${p}.${ci}`);
      if (o)
        for (const k of ['userData', 'userDataBase64', 'networkData', 'networkDataBase64'])
          c.str(o[k], `${p}.${ci}.${k}`);
    }
  });
  c.str(spec.hostname, `${path}.hostname`);
  c.str(spec.subdomain, `${path}.subdomain`);
  c.str(spec.evictionStrategy, `${path}.evictionStrategy`);
  c.str(spec.startStrategy, `${path}.startStrategy`);
  c.strings(spec.nodeSelector, `${path}.nodeSelector`);
  c.int(spec.terminationGracePeriodSeconds, `${path}.terminationGracePeriodSeconds`);
  // what the launcher pod copies from the VMI
  for (const k of ['affinity', 'dnsConfig', 'livenessProbe', 'readinessProbe']) c.obj(spec[k], `${path}.${k}`);
  for (const k of ['dnsPolicy', 'schedulerName', 'priorityClassName']) c.str(spec[k], `${path}.${k}`);
  c.items(spec.tolerations, `${path}.tolerations`, (t, p) => {
    for (const k of ['key', 'operator', 'value', 'effect']) c.str(t[k], `${p}.${k}`);
    c.int(t.tolerationSeconds, `${p}.tolerationSeconds`);
  });
  c.items(spec.accessCredentials, `${path}.accessCredentials`);
}

function checkObjectMetaLite(c: SchemaCheck, v: unknown, path: string): void {
  const m = c.obj(v, path);
  if (!m) return;
  c.strings(m.labels, `${path}.labels`);
  c.strings(m.annotations, `${path}.annotations`);
}

/** PersistentVolumeClaimSpec / CDI StorageSpec. */
function checkClaimSpec(c: SchemaCheck, v: unknown, path: string): void {
  const s = c.obj(v, path);
  if (!s) return;
  const modes = c.arr(s.accessModes, `${path}.accessModes`);
  modes?.forEach((m, i) => c.str(m, `${path}.accessModes[${i}]`));
  checkResources(c, s.resources, `${path}.resources`);
  c.str(s.storageClassName, `${path}.storageClassName`);
  c.str(s.volumeMode, `${path}.volumeMode`);
}

export function checkDataVolumeSpec(c: SchemaCheck, spec: Json, path: string): void {
  const source = c.obj(spec.source, `${path}.source`);
  if (source) {
    for (const [k, v] of Object.entries(source)) {
      const o = c.obj(v, `${path}.source.${k}`);
      if (o && typeof o.url !== 'undefined') c.str(o.url, `${path}.source.${k}.url`);
      if (o && k === 'pvc') {
        c.str(o.name, `${path}.source.pvc.name`);
        c.str(o.namespace, `${path}.source.pvc.namespace`);
      }
    }
  }
  const ref = c.obj(spec.sourceRef, `${path}.sourceRef`);
  if (ref) {
    c.required(ref, 'kind', `${path}.sourceRef`);
    c.required(ref, 'name', `${path}.sourceRef`);
    c.str(ref.kind, `${path}.sourceRef.kind`);
    c.str(ref.name, `${path}.sourceRef.name`);
  }
  checkClaimSpec(c, spec.pvc, `${path}.pvc`);
  checkClaimSpec(c, spec.storage, `${path}.storage`);
  c.str(spec.contentType, `${path}.contentType`);
}

export function checkVirtualMachine(obj: Json): SchemaCheck {
  const c = new SchemaCheck();
  const spec = c.obj(obj.spec, 'spec');
  if (!spec) {
    if (obj.spec === undefined) c.errors.push({ type: 'Required', field: 'spec' });
    return c;
  }
  c.required(spec, 'template', 'spec');
  c.bool(spec.running, 'spec.running');
  c.str(spec.runStrategy, 'spec.runStrategy');
  const template = c.obj(spec.template, 'spec.template');
  if (template) {
    checkObjectMetaLite(c, template.metadata, 'spec.template.metadata');
    const tspec = c.obj(template.spec, 'spec.template.spec');
    if (tspec) checkVmiSpec(c, tspec, 'spec.template.spec');
  }
  c.items(spec.dataVolumeTemplates, 'spec.dataVolumeTemplates', (t, p) => {
    c.required(t, 'spec', p);
    checkObjectMetaLite(c, t.metadata, `${p}.metadata`);
    const s = c.obj(t.spec, `${p}.spec`);
    if (s) checkDataVolumeSpec(c, s, `${p}.spec`);
  });
  for (const k of ['instancetype', 'preference']) {
    const m = c.obj(spec[k], `spec.${k}`);
    if (m) {
      c.required(m, 'name', `spec.${k}`);
      c.str(m.name, `spec.${k}.name`);
      c.str(m.kind, `spec.${k}.kind`);
    }
  }
  return c;
}

export function checkVirtualMachineInstance(obj: Json): SchemaCheck {
  const c = new SchemaCheck();
  const spec = c.obj(obj.spec, 'spec');
  if (!spec) {
    if (obj.spec === undefined) c.errors.push({ type: 'Required', field: 'spec' });
    return c;
  }
  checkVmiSpec(c, spec, 'spec');
  return c;
}

export function checkDataVolume(obj: Json): SchemaCheck {
  const c = new SchemaCheck();
  const spec = c.obj(obj.spec, 'spec');
  if (!spec) {
    if (obj.spec === undefined) c.errors.push({ type: 'Required', field: 'spec' });
    return c;
  }
  checkDataVolumeSpec(c, spec, 'spec');
  return c;
}
