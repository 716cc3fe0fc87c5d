/**
 * KubeVirt's network admitter (pkg/network/admitter): networks and interfaces must pair up by
 * name, at most one pod network, one source per network, valid interface names, models and MACs.
 */
import type { WebhookCause } from './status.js';
import { asArr, asObj, asStr, isObject } from './schema.js';

const VALID_MODELS = new Set(['e1000', 'e1000e', 'ne2k_pci', 'pcnet', 'rtl8139', 'virtio']);
const IFACE_NAME = /^[A-Za-z0-9-_]+$/;
const MAC =
  /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{2}[:-]){19}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{4}\.){2}[0-9A-Fa-f]{4}$/;

export function validateNetworks(field: string, spec: Record<string, unknown>): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const networks = asArr(spec.networks);
  const ifaces = asArr(asObj(asObj(asObj(spec.domain).devices)).interfaces);
  const ifacePath = `${field}.domain.devices.interfaces`;

  const podNetworks = networks.filter((n) => isObject(n.pod));
  if (podNetworks.length > 1) {
    causes.push({
      reason: 'FieldValueDuplicate',
      message: `more than one interface is connected to a pod network in ${field}.interfaces`,
      field: `${field}.interfaces`,
    });
  }
  const multusDefault = networks.filter((n) => isObject(n.multus) && asObj(n.multus).default === true);
  if (multusDefault.length > 1) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: 'Multus CNI should only have one default network',
      field: `${field}.networks`,
    });
  }
  if (podNetworks.length > 0 && multusDefault.length > 0) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: 'Pod network cannot be defined when Multus default network is defined',
      field: `${field}.networks`,
    });
  }
  networks.forEach((n, i) => {
    const hasPod = isObject(n.pod);
    const hasMultus = isObject(n.multus);
    if (!hasPod && !hasMultus)
      causes.push({
        reason: 'FieldValueRequired',
        message: 'should have a network type',
        field: `${field}.networks[${i}]`,
      });
    else if (hasPod && hasMultus)
      causes.push({
        reason: 'FieldValueRequired',
        message: 'should have only one network type',
        field: `${field}.networks[${i}]`,
      });
  });
  const noName = networks.findIndex((n) => isObject(n.multus) && !asStr(asObj(n.multus).networkName));
  if (noName >= 0)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'CNI delegating plugin must have a networkName',
      field: `${field}.networks[${noName}]`,
    });

  const networkNames = new Set(networks.map((n) => asStr(n.name)));
  const ifaceNames = new Set(ifaces.map((i) => asStr(i.name)));
  ifaces.forEach((iface, idx) => {
    const name = asStr(iface.name);
    if (!networkNames.has(name)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${ifacePath}[${idx}].name '${name}' not found.`,
        field: `${ifacePath}[${idx}].name`,
      });
    }
  });
  networks.forEach((n, i) => {
    const name = asStr(n.name);
    if (!ifaceNames.has(name)) {
      causes.push({
        reason: 'FieldValueRequired',
        message: `${field}.networks[${i}].name '${name}' not found.`,
        field: `${field}.networks[${i}].name`,
      });
    }
  });
  const seenIfaces = new Set<string>();
  ifaces.forEach((iface, idx) => {
    const name = asStr(iface.name);
    if (seenIfaces.has(name)) {
      causes.push({
        reason: 'FieldValueDuplicate',
        message: 'Only one interface can be connected to one specific network',
        field: `${ifacePath}[${idx}].name`,
      });
    }
    seenIfaces.add(name);
  });
  const seenNets = new Set<string>();
  networks.forEach((n, i) => {
    const name = asStr(n.name);
    if (seenNets.has(name)) {
      causes.push({
        reason: 'FieldValueDuplicate',
        message: `Network with name ${JSON.stringify(name)} already exists, every network must have a unique name`,
        field: `${field}.networks[${i}].name`,
      });
    }
    seenNets.add(name);
  });
  const byName = new Map<string, Record<string, unknown>>();
  for (const n of networks) if (!byName.has(asStr(n.name))) byName.set(asStr(n.name), n);
  ifaces.forEach((iface, idx) => {
    const p = `${ifacePath}[${idx}]`;
    if (!IFACE_NAME.test(asStr(iface.name))) {
      causes.push({
        reason: 'FieldValueInvalid',
        message:
          'Network interface name can only contain alphabetical characters, numbers, dashes (-) or underscores (_)',
        field: `${p}.name`,
      });
    }
    const model = asStr(iface.model);
    if (model && !VALID_MODELS.has(model)) {
      causes.push({
        reason: 'FieldValueNotSupported',
        message: `interface ${p}.name uses model ${model} that is not supported.`,
        field: `${p}.model`,
      });
    }
    const mac = asStr(iface.macAddress);
    if (mac && !MAC.test(mac)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `interface ${p}.name has malformed MAC address (${mac}).`,
        field: `${p}.macAddress`,
      });
    }
    const network = byName.get(asStr(iface.name));
    if (network && isObject(network.pod)) causes.push(...validatePorts(p, asArr(iface.ports)));
  });
  return causes;
}

function validatePorts(ifacePath: string, ports: Record<string, unknown>[]): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const name = asStr(port.name);
    if (name && names.has(name)) {
      causes.push({
        reason: 'FieldValueDuplicate',
        message: `Duplicate name of the port: ${name}`,
        field: `${ifacePath}.ports[${i}].name`,
      });
    }
    if (name) names.add(name);
  });
  ports.forEach((port, i) => {
    const p = `${ifacePath}.ports[${i}]`;
    const n = typeof port.port === 'number' ? port.port : 0;
    if (n === 0) causes.push({ reason: 'FieldValueRequired', message: 'Port field is mandatory.', field: p });
    if (n < 0 || n > 65536)
      causes.push({ reason: 'FieldValueInvalid', message: 'Port field must be in range 0 < x < 65536.', field: p });
    const protocol = asStr(port.protocol);
    if (protocol && protocol !== 'TCP' && protocol !== 'UDP') {
      causes.push({
        reason: 'FieldValueInvalid',
        message: 'Unknown protocol, only TCP or UDP allowed',
        field: `${p}.protocol`,
      });
    }
  });
  return causes;
}
