/**
 * The server's answer to a dry run or a create, put on the form: a 422's causes go to the fields
 * their paths name, a 409 AlreadyExists to the name, anything else to the form as a whole.
 */
import { isAlreadyExists, placeStatusCauses, type StatusLike } from '../../../components/form/status-causes';
import type { CreateVmForm, FieldErrors, FieldId } from './form-state';

/** Field path rules, tried in order on the path with `spec.template.` removed (VM and VMI alike). */
const RULES: Array<[RegExp, FieldId | ((f: CreateVmForm) => FieldId)]> = [
  [/^metadata\.name\b/, 'name'],
  [/^metadata\.namespace\b/, 'namespace'],
  [/^(spec\.)?metadata\.labels\b/, 'labels'],
  [/^metadata\.annotations\b/, 'description'],
  [/^spec\.(running|runStrategy)\b/, 'runStrategy'],
  [/^spec\.instancetype\b/, 'instancetype'],
  [/^spec\.preference\b/, 'preference'],
  [/^spec\.dataVolumeTemplates?\[\d+\]\.spec\.(storage|pvc)\.storageClassName/, 'storageClass'],
  [/^spec\.dataVolumeTemplates?\[\d+\]\.spec\.(storage|pvc)\b/, 'diskSize'],
  [/^spec\.dataVolumeTemplates?\[\d+\]/, (f) => sourceField(f)],
  [/^spec\.domain\.(memory|resources\.(requests|limits)\.memory)\b/, 'memory'],
  [/^spec\.domain\.(cpu|resources\.(requests|limits)\.cpu)\b/, 'cores'],
  [/^spec\.domain\.devices\.disks\[\d+\]\.(disk|cdrom|lun)\.bus/, 'diskBus'],
  [/^spec\.domain\.devices\.interfaces\b/, 'secondaryNetwork'],
  [/^spec\.(networks|interfaces)\b/, 'secondaryNetwork'],
  [/^spec\.volumes\[\d+\]\.cloudInitNoCloud\b/, (f) => (f.cloudInit === 'custom' ? 'userData' : 'cloudUser')],
  [/^spec\.volumes\[\d+\]\.containerDisk\b/, 'containerImage'],
  [/^spec\.volumes\[\d+\]\.(dataVolume|persistentVolumeClaim)\b/, (f) => sourceField(f)],
];

function sourceField(form: CreateVmForm): FieldId {
  switch (form.bootSource) {
    case 'url':
      return 'url';
    case 'registry':
      return 'registryImage';
    case 'pvc':
      return 'pvcName';
    case 'dataSource':
      return 'dataSource';
    case 'blank':
      return 'diskSize';
    default:
      return 'containerImage';
  }
}

/** The form field a Status cause's field path points at; undefined when none fits. */
export function fieldForPath(path: string | undefined, form: CreateVmForm): FieldId | undefined {
  if (!path) return undefined;
  const p = path.replace(/^spec\.template\.spec\./, 'spec.').replace(/^spec\.template\.metadata\./, 'spec.metadata.');
  for (const [re, target] of RULES) {
    if (re.test(p)) return typeof target === 'function' ? target(form) : target;
  }
  return undefined;
}

export interface MappedServerError {
  fields: FieldErrors;
  /** What belongs to no field (or the whole message when nothing could be placed). */
  general?: string;
}

export function mapServerError(status: StatusLike, form: CreateVmForm, kindLabel = form.kind): MappedServerError {
  if (isAlreadyExists(status)) {
    const name = `A ${kindLabel} named "${form.name}" already exists in namespace ${form.namespace}: choose another name`;
    return { fields: { name }, general: status.message };
  }
  const { fields, leftover } = placeStatusCauses<FieldId>(status, (path) => fieldForPath(path, form));
  if (!Object.keys(fields).length) return { fields, general: status.message ?? 'The request failed' };
  return { fields, general: leftover.length ? leftover.join('; ') : undefined };
}
