/**
 * KubeVirt's validateVolumes: unique names, exactly one source, cloud-init data limits,
 * required references.
 */
import type { WebhookCause } from './status.js';
import { asObj, asStr, isObject, type Json } from './schema.js';

const SOURCES = [
  'persistentVolumeClaim',
  'sysprep',
  'cloudInitNoCloud',
  'cloudInitConfigDrive',
  'containerDisk',
  'ephemeral',
  'emptyDisk',
  'hostDisk',
  'dataVolume',
  'configMap',
  'secret',
  'downwardAPI',
  'serviceAccount',
  'downwardMetrics',
  'memoryDump',
];
const CLOUD_INIT_MAX = 2048;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodedLength(b64: string): number | null {
  if (!BASE64.test(b64)) return null;
  return Buffer.from(b64, 'base64').length;
}

function cloudInitCauses(p: string, type: string, ci: Json): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const at = `${p}.${type}`;
  let userCount = 0;
  let userLen = 0;
  let netCount = 0;
  let netLen = 0;
  if (asStr(asObj(ci.userDataSecretRef).name)) userCount++;
  const userB64 = asStr(ci.userDataBase64);
  if (userB64) {
    userCount++;
    const len = decodedLength(userB64);
    if (len === null)
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${at}.userDataBase64.${type}.userDataBase64 is not a valid base64 value.`,
        field: `${at}.userDataBase64`,
      });
    userLen = len ?? 0;
  }
  const userData = asStr(ci.userData);
  if (userData) {
    userCount++;
    userLen = Buffer.byteLength(userData);
  }
  if (userCount > 1)
    causes.push({ reason: 'FieldValueInvalid', message: `${at} must have only one userdatasource set.`, field: at });
  if (userLen > CLOUD_INIT_MAX) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${at} userdata exceeds ${CLOUD_INIT_MAX} byte limit. Should use UserDataSecretRef for larger data.`,
      field: at,
    });
  }
  if (asStr(asObj(ci.networkDataSecretRef).name)) netCount++;
  const netB64 = asStr(ci.networkDataBase64);
  if (netB64) {
    netCount++;
    const len = decodedLength(netB64);
    if (len === null)
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${at}.networkDataBase64.${type}.networkDataBase64 is not a valid base64 value.`,
        field: `${at}.networkDataBase64`,
      });
    netLen = len ?? 0;
  }
  const networkData = asStr(ci.networkData);
  if (networkData) {
    netCount++;
    netLen = Buffer.byteLength(networkData);
  }
  if (netCount > 1)
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${at} must have only one networkdata source set.`,
      field: at,
    });
  if (netLen > CLOUD_INIT_MAX) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${at} networkdata exceeds ${CLOUD_INIT_MAX} byte limit. Should use NetworkDataSecretRef for larger data.`,
      field: at,
    });
  }
  if (userCount === 0 && netCount === 0) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${at} must have at least one userdatasource or one networkdatasource set.`,
      field: at,
    });
  }
  return causes;
}

export function validateVolumes(field: string, volumes: Json[]): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const seen = new Map<string, number>();
  let serviceAccounts = 0;
  volumes.forEach((volume, idx) => {
    const p = `${field}[${idx}]`;
    const name = asStr(volume.name);
    const other = seen.get(name);
    if (other === undefined) seen.set(name, idx);
    else
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${p} and ${field}[${other}] must not have the same Name.`,
        field: `${p}.name`,
      });

    if (isObject(volume.dataVolume) && !asStr(volume.dataVolume.name)) {
      causes.push({ reason: 'FieldValueRequired', message: "DataVolume 'name' must be set", field: `${p}.name` });
    }
    if (isObject(volume.serviceAccount)) serviceAccounts++;
    const count = SOURCES.filter((s) => isObject(volume[s])).length;
    if (count !== 1)
      causes.push({ reason: 'FieldValueInvalid', message: `${p} must have exactly one source type set`, field: p });
    for (const type of ['cloudInitNoCloud', 'cloudInitConfigDrive']) {
      const ci = volume[type];
      if (isObject(ci)) {
        causes.push(...cloudInitCauses(p, type, ci));
        break;
      }
    }
    if (isObject(volume.downwardMetrics)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: 'downwardMetrics disks are not allowed: DownwardMetrics feature gate is not enabled.',
        field: p,
      });
    }
    if (isObject(volume.hostDisk)) {
      causes.push({ reason: 'FieldValueInvalid', message: 'HostDisk feature gate is not enabled', field: p });
    }
    if (isObject(volume.configMap) && !asStr(volume.configMap.name)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${p}.configMap.name is a required field`,
        field: `${p}.configMap.name`,
      });
    }
    if (isObject(volume.secret) && !asStr(volume.secret.secretName)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${p}.secret.secretName is a required field`,
        field: `${p}.secret.secretName`,
      });
    }
    if (isObject(volume.serviceAccount) && !asStr(volume.serviceAccount.serviceAccountName)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `${p}.serviceAccount.serviceAccountName is a required field`,
        field: `${p}.serviceAccount.serviceAccountName`,
      });
    }
  });
  if (serviceAccounts > 1) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `${field} must have max one serviceAccount volume set`,
      field,
    });
  }
  return causes;
}
