/**
 * Checks run as the user types: names, numbers with units, URLs, labels. The server has the last
 * word (dry run, then create); these only catch what can be known without it.
 */
import { CLONE_SOURCES, usesDataVolume, type CreateVmForm, type FieldErrors } from './form-state';
import { parseLabels } from './labels';
import { cloudInitUserData } from './build-parts';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A VM name is a DNS-1123 label (it becomes the guest's hostname): the API server's wording. */
export function validateName(name: string): string | undefined {
  if (!name) return 'Name is required';
  if (name.length > 63) return 'Name must be no more than 63 characters';
  if (!DNS_LABEL.test(name)) {
    return "Name must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-vm')";
  }
  return undefined;
}

/** A positive decimal number (the unit is chosen apart): "2", "1.5". */
export function validatePositiveNumber(label: string, value: string): string | undefined {
  const v = value.trim();
  if (!v) return `${label} is required`;
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) return `${label} must be a positive number, e.g. 2 or 1.5`;
  return undefined;
}

export function validateCores(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'CPU cores is required';
  if (!/^\d+$/.test(v) || Number(v) < 1) return 'CPU cores must be a whole number, at least 1';
  if (Number(v) > 512) return 'CPU cores must be at most 512';
  return undefined;
}

export function validateHttpUrl(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Image URL is required';
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return 'Enter a full URL, e.g. https://example.com/disk.qcow2';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The URL must start with http:// or https://';
  return undefined;
}

/** A container image reference: no spaces, no upper case in the repository path. */
export function validateImage(label: string, value: string): string | undefined {
  const v = value.trim().replace(/^docker:\/\//, '');
  if (!v) return `${label} is required`;
  if (/\s/.test(v)) return `${label} must not contain spaces`;
  const repo = v.split('@')[0].replace(/:[^/]*$/, '');
  if (/[A-Z]/.test(repo)) return `${label}: the repository name must be lower case`;
  return undefined;
}

export interface ValidationContext {
  /** Names of the VMs (or VMIs) already in the namespace, from the live list; undefined while unknown. */
  existingNames?: readonly string[];
}

/** Every field error, keyed by field; empty when the form can be sent. */
export function validateForm(form: CreateVmForm, ctx: ValidationContext = {}): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: keyof FieldErrors, msg: string | undefined) => {
    if (msg) errors[field] = msg;
  };
  if (!form.namespace) errors.namespace = 'Namespace is required';
  set('name', validateName(form.name));
  if (!errors.name && ctx.existingNames?.includes(form.name)) {
    errors.name = `A ${form.kind} named "${form.name}" already exists in namespace ${form.namespace}`;
  }
  const vm = form.kind === 'VirtualMachine';
  const source = vm ? form.bootSource : 'containerDisk';
  if (source === 'containerDisk') set('containerImage', validateImage('Container image', form.containerImage));
  if (source === 'url') set('url', validateHttpUrl(form.url));
  if (source === 'registry') set('registryImage', validateImage('Registry image', form.registryImage));
  if (source === 'pvc' && !form.pvcName.trim()) errors.pvcName = 'Choose the PVC to clone';
  if (source === 'dataSource' && !form.dataSource.includes('/')) errors.dataSource = 'Choose a bootable volume';
  if (usesDataVolume(form) && !(CLONE_SOURCES.includes(source) && !form.diskSize.trim())) {
    set('diskSize', validatePositiveNumber('Disk size', form.diskSize));
  }
  if (vm && form.sizing === 'instancetype') {
    if (!form.instancetype) errors.instancetype = 'Choose an instance type';
  } else {
    set('cores', validateCores(form.cores));
    set('memory', validatePositiveNumber('Memory', form.memory));
  }
  if (form.cloudInit === 'custom' && !form.userData.trim())
    errors.userData = 'Enter the user data, or turn cloud-init off';
  if (form.cloudInit === 'user' && cloudInitUserData(form) === undefined) {
    errors.cloudUser = 'Enter a user, a password or an SSH key, or turn cloud-init off';
  }
  const labels = parseLabels(form.labels);
  if (labels.errors.length) errors.labels = labels.errors.join('; ');
  return errors;
}

/** Whether only the "already exists" check failed: the server is asked anyway (the list may be stale). */
export function blockingErrors(errors: FieldErrors, form: CreateVmForm): FieldErrors {
  const out = { ...errors };
  if (out.name && !validateName(form.name)) delete out.name;
  return out;
}
