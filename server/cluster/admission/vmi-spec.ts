/**
 * KubeVirt's ValidateVirtualMachineInstanceSpec (vmi-create-admitter.go), the part that applies
 * without feature gates: resources, devices, disks against volumes, volumes, networks.
 * Shared by the VM admitter (template) and the VMI create admitter.
 */
import type { WebhookCause } from './status.js';
import { formatQuantity, tryDecodeQuantity, type Quantity } from '../apimachinery/quantity.js';
import { asArr, asObj, asStr, isObject, type Json } from './schema.js';
import { isDns1123Label, isDns1123Subdomain } from '../apimachinery/validation.js';
import { validateNetworks } from './vmi-network.js';
import { validateVolumes } from './vmi-volumes.js';

const ONE_MEGABYTE = 1e6;
const SUPPORTED_BUSES = '[virtio scsi sata usb]';
const SERIAL = /^[A-Za-z0-9_.+-]+$/;

const quantity = (v: unknown): Quantity | null => tryDecodeQuantity(v);
const show = (q: Quantity) => formatQuantity(q);

function resourceCauses(field: string, domain: Json): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const resources = asObj(domain.resources);
  const requests = asObj(resources.requests);
  const limits = asObj(resources.limits);
  const p = (kind: string, res: string) => `${field}.domain.resources.${kind}.${res}`;
  const reqMem = quantity(requests.memory);
  const limMem = quantity(limits.memory);
  if (reqMem && reqMem.value < 0) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${p('requests', 'memory')} '${show(reqMem)}': must be greater than or equal to 0.`,
      field: p('requests', 'memory'),
    });
  } else if (reqMem && reqMem.value > 0 && reqMem.value < ONE_MEGABYTE) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${p('requests', 'memory')} '${show(reqMem)}': must be greater than or equal to 1M.`,
      field: p('requests', 'memory'),
    });
  }
  if (limMem && limMem.value < 0) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${p('limits', 'memory')} '${show(limMem)}': must be greater than or equal to 0.`,
      field: p('limits', 'memory'),
    });
  }
  if (limMem && reqMem && limMem.value > 0 && reqMem.value > limMem.value) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${p('requests', 'memory')} '${show(reqMem)}' is greater than ${p('limits', 'memory')} '${show(limMem)}'`,
      field: p('requests', 'memory'),
    });
  }
  const guest = quantity(asObj(domain.memory).guest);
  if (guest && limMem && limMem.value !== 0 && limMem.value < guest.value) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${field}.domain.memory.guest '${show(guest)}' must be equal to or less than the memory limit ${p('limits', 'memory')} '${show(limMem)}'`,
      field: `${field}.domain.memory.guest`,
    });
  }
  const reqCpu = quantity(requests.cpu);
  const limCpu = quantity(limits.cpu);
  if (reqCpu && reqCpu.value < 0) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${p('requests', 'cpu')} '${show(reqCpu)}': must be greater than or equal to 0.`,
      field: p('requests', 'cpu'),
    });
  }
  if (limCpu && limCpu.value < 0) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${p('limits', 'cpu')} '${show(limCpu)}': must be greater than or equal to 0.`,
      field: p('limits', 'cpu'),
    });
  }
  if (limCpu && reqCpu && limCpu.value > 0 && reqCpu.value > limCpu.value) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${p('requests', 'cpu')} '${show(reqCpu)}' is greater than ${p('limits', 'cpu')} '${show(limCpu)}'`,
      field: p('requests', 'cpu'),
    });
  }
  return causes;
}

function diskTargets(disk: Json): string[] {
  return ['disk', 'lun', 'cdrom'].filter((t) => isObject(disk[t]));
}

function diskCauses(field: string, spec: Json): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const disks = asArr(asObj(asObj(spec.domain).devices).disks);
  const volumes = new Map(asArr(spec.volumes).map((v) => [asStr(v.name), v] as const));
  const dp = `${field}.domain.devices.disks`;
  const bootOrders = new Set<number>();
  disks.forEach((disk, idx) => {
    const name = asStr(disk.name);
    const volume = volumes.get(name);
    if (!volume) {
      if (!isObject(disk.cdrom)) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `${dp}[${idx}].Name '${name}' not found.`,
          field: `${dp}[${idx}].name`,
        });
      } else {
        causes.push({
          reason: 'FieldValueInvalid',
          message: 'DeclarativeHotplugVolumes feature gate not enabled, cannot define an empty CD-ROM disk',
          field: `${dp}[${idx}].name`,
        });
      }
    }
    if (isObject(disk.lun) && volume && !isObject(volume.persistentVolumeClaim) && !isObject(volume.dataVolume)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${dp}[${idx}].lun can only be mapped to a DataVolume or PersistentVolumeClaim volume.`,
        field: `${dp}[${idx}].lun`,
      });
    }
    if (typeof disk.bootOrder === 'number') {
      if (bootOrders.has(disk.bootOrder)) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Boot order for ${dp}[${idx}].bootOrder already set for a different device.`,
          field: `${dp}[${idx}].bootOrder`,
        });
      }
      bootOrders.add(disk.bootOrder);
    }
  });
  asArr(asObj(asObj(spec.domain).devices).interfaces).forEach((iface, idx) => {
    if (typeof iface.bootOrder !== 'number') return;
    const ip = `${field}.domain.devices.interfaces[${idx}]`;
    if (iface.bootOrder < 1) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${ip} must have a boot order > 0, if supplied`,
        field: `${ip}.bootOrder`,
      });
    } else {
      if (bootOrders.has(iface.bootOrder)) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Boot order for ${ip}.bootOrder already set for a different device.`,
          field: `${ip}.bootOrder`,
        });
      }
      bootOrders.add(iface.bootOrder);
    }
  });
  return causes;
}

/** validateDisks: unique names, one target, supported bus, boot order, serial, cache. */
function diskDeviceCauses(field: string, spec: Json): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const dp = `${field}.domain.devices.disks`;
  const disks = asArr(asObj(asObj(spec.domain).devices).disks);
  // name -> index of the first disk with it, as KubeVirt's validateDisks keeps it (one pass)
  const first = new Map<string, number>();
  disks.forEach((disk, idx) => {
    const name = asStr(disk.name);
    const otherIdx = first.get(name);
    if (otherIdx === undefined) first.set(name, idx);
    else
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${dp}[${idx}] and ${dp}[${otherIdx}] must not have the same Name.`,
        field: `${dp}[${idx}].name`,
      });
    const targets = diskTargets(disk);
    if (targets.length > 1) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${dp}[${idx}] can only have a single target type defined`,
        field: `${dp}[${idx}]`,
      });
    }
    if (typeof disk.bootOrder === 'number' && disk.bootOrder < 1) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${dp}[${idx}] must have a boot order > 0, if supplied`,
        field: `${dp}[${idx}].bootOrder`,
      });
    }
    const type = targets[0];
    const bus = type ? asStr(asObj(disk[type]).bus) : '';
    if (bus === 'ide') {
      causes.push({
        reason: 'FieldValueInvalid',
        message: 'IDE bus is not supported',
        field: `${dp}[${idx}].${type}.bus`,
      });
    } else if (bus === 'virtio' && type === 'cdrom') {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Bus type ${bus} is invalid for CD-ROM device`,
        field: `${dp}[${idx}].cdrom.bus`,
      });
    } else if (bus === 'sata' && type === 'disk' && asObj(disk.disk).readOnly === true) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${bus} hard-disks do not support read-only.`,
        field: `${dp}[${idx}].disk.bus`,
      });
    } else if (bus && !['virtio', 'scsi', 'sata', 'usb'].includes(bus)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${dp}[${idx}] is set with an unrecognized bus ${bus}, must be one of: ${SUPPORTED_BUSES}`,
        field: `${dp}[${idx}].${type}.bus`,
      });
    }
    const serial = asStr(disk.serial);
    if (serial && !SERIAL.test(serial)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${dp}[${idx}] must be made up of the following characters [A-Za-z0-9_.+-], if specified`,
        field: `${dp}[${idx}].serial`,
      });
    }
    if (serial && [...serial].length > 256) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${dp}[${idx}] must be less than or equal to 256 in length, if specified`,
        field: `${dp}[${idx}].serial`,
      });
    }
    const cache = asStr(disk.cache);
    if (cache && !['none', 'writethrough', 'writeback'].includes(cache)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${dp}[${idx}].cache has invalid value ${cache}`,
        field: `${dp}[${idx}].cache`,
      });
    }
  });
  return causes;
}

function hostnameCauses(field: string, spec: Json): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const hostname = asStr(spec.hostname);
  const hostErrs = hostname ? isDns1123Label(hostname) : [];
  if (hostErrs.length) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${field}.hostname does not conform to the kubernetes DNS_LABEL rules : ${hostErrs.join(', ')}`,
      field: `${field}.hostname`,
    });
  }
  const subdomain = asStr(spec.subdomain);
  const subErrs = subdomain ? isDns1123Subdomain(subdomain) : [];
  if (subErrs.length) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${field}.subdomain does not conform to the kubernetes DNS_SUBDOMAIN rules : ${subErrs.join(', ')}`,
      field: `${field}.subdomain`,
    });
  }
  return causes;
}

function strategyCauses(field: string, spec: Json): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const start = spec.startStrategy;
  if (typeof start === 'string' && start !== 'Paused') {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${field}.startStrategy is set with an unrecognized option: ${start}`,
      field: `${field}.startStrategy`,
    });
  }
  const eviction = spec.evictionStrategy;
  if (
    typeof eviction === 'string' &&
    !['LiveMigrate', 'LiveMigrateIfPossible', 'None', 'External'].includes(eviction)
  ) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${field}.evictionStrategy is set with an unrecognized option: ${eviction}`,
      field: `${field}.evictionStrategy`,
    });
  }
  return causes;
}

/** KubeVirt's arrayLenMax (vmi-create-admitter.go): at most 256 disks, volumes, interfaces and networks. */
export const ARRAY_LEN_MAX = 256;

/** The first list over ARRAY_LEN_MAX, checked before anything walks the lists, as KubeVirt returns early. */
function deviceCountCause(field: string, spec: Json): WebhookCause | undefined {
  const devices = asObj(asObj(spec.domain).devices);
  const lists: [string, unknown][] = [
    [`${field}.domain.devices.disks`, devices.disks],
    [`${field}.volumes`, spec.volumes],
    [`${field}.domain.devices.interfaces`, devices.interfaces],
    [`${field}.networks`, spec.networks],
  ];
  for (const [path, list] of lists) {
    if (Array.isArray(list) && list.length > ARRAY_LEN_MAX) {
      return {
        reason: 'FieldValueInvalid',
        message: `${path} list exceeds the ${ARRAY_LEN_MAX} element limit in length`,
        field: path,
      };
    }
  }
  return undefined;
}

/** ValidateVirtualMachineInstanceSpec, in KubeVirt's order. */
export function validateVmiSpec(field: string, spec: Json): WebhookCause[] {
  const domain = asObj(spec.domain);
  const tooMany = deviceCountCause(field, spec);
  if (tooMany) return [tooMany];
  return [
    ...hostnameCauses(field, spec),
    ...resourceCauses(field, domain),
    ...validateNetworks(field, spec),
    ...diskCauses(field, spec),
    ...strategyCauses(field, spec),
    ...diskDeviceCauses(field, spec),
    ...validateVolumes(`${field}.volumes`, asArr(spec.volumes)),
  ];
}

/**
 * KubeVirt's SetDefaultVolumeDisk (run by the mutating webhooks before validation): every
 * volume without a disk or filesystem of the same name gets a virtio disk.
 */
export function defaultVolumeDisks(spec: Json): boolean {
  const domain = spec.domain;
  if (!isObject(domain)) return false;
  const devices = isObject(domain.devices) ? domain.devices : (domain.devices = {});
  const disks = Array.isArray(devices.disks) ? devices.disks : [];
  const names = new Set([...asArr(disks), ...asArr(devices.filesystems)].map((d) => asStr(d.name)));
  const missing = asArr(spec.volumes)
    .map((v) => asStr(v.name))
    .filter((n) => !names.has(n));
  if (missing.length === 0) return false;
  devices.disks = [...disks, ...missing.map((name) => ({ name, disk: { bus: 'virtio' } }))];
  return true;
}

/** ValidateVirtualMachineInstanceMandatoryFields: a VMI needs some memory. */
export function validateMandatoryFields(field: string, spec: Json): WebhookCause[] {
  const domain = asObj(spec.domain);
  const requested = quantity(asObj(asObj(domain.resources).requests).memory);
  if (requested && requested.value !== 0) return [];
  const memory = domain.memory;
  if (isObject(memory) && (memory.guest !== undefined || memory.hugepages !== undefined)) return [];
  return [
    {
      reason: 'FieldValueRequired',
      message: `no memory requested, at least one of '${field}.domain.memory.guest', '${field}.domain.memory.hugepages.size' or '${field}.domain.resources.requests.memory' must be set`,
    },
  ];
}
