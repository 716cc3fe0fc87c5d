/**
 * The "Add bootable volume" form: what the user typed (strings, kept as typed), its checks, and
 * the VolumeSpec it becomes. Pure.
 */
import { isCompressed, type ImageCheck } from './image-format';
import { fits, GI } from './upload-size';
import type { AccessMode, VolumeSourceKind, VolumeSpec } from './volume-manifests';

export interface AddVolumeForm {
  source: VolumeSourceKind;
  name: string;
  namespace: string;
  /** URL (url) or image reference (registry). */
  location: string;
  /** Whole Gi, as typed. */
  size: string;
  storageClass: string;
  accessMode: AccessMode;
  preference: string;
}

export type AddVolumeField = keyof AddVolumeForm | 'file';
export type AddVolumeErrors = Partial<Record<AddVolumeField, string>>;

export const initialAddVolumeForm = (namespace: string): AddVolumeForm => ({
  source: 'upload',
  name: '',
  namespace,
  location: '',
  size: '10',
  storageClass: '',
  accessMode: '',
  preference: '',
});

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function validateVolumeName(name: string): string | undefined {
  if (!name) return 'Name is required';
  if (name.length > 63) return 'Name must be no more than 63 characters';
  if (!DNS_LABEL.test(name)) {
    return "Name must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  }
  return undefined;
}

export interface AddVolumeContext {
  /** The picked file's check (upload only); undefined while none is picked or it is being read. */
  file?: ImageCheck;
  /** DataVolume and DataSource names already in the namespace. */
  existingNames?: readonly string[];
}

export function validateAddVolume(form: AddVolumeForm, ctx: AddVolumeContext = {}): AddVolumeErrors {
  const errors: AddVolumeErrors = {};
  if (!form.namespace) errors.namespace = 'Namespace is required';
  const nameError = validateVolumeName(form.name);
  if (nameError) errors.name = nameError;
  else if (ctx.existingNames?.includes(form.name)) {
    errors.name = `A DataVolume or DataSource named "${form.name}" already exists in namespace ${form.namespace}`;
  }
  const size = form.size.trim();
  const gi = Number(size);
  if (!/^\d+$/.test(size) || gi < 1) errors.size = 'Size must be a whole number of GiB, at least 1';
  if (form.source === 'upload') {
    if (!ctx.file) errors.file = 'Choose a disk image file';
    else if (!ctx.file.ok) errors.file = ctx.file.reason;
    else if (!errors.size && !fits(gi, ctx.file.virtualSize)) {
      errors.size = `The image's virtual size is ${ctx.file.virtualSize} bytes: at least ${Math.ceil(
        (ctx.file.virtualSize ?? 0) / GI,
      )} GiB are needed`;
    }
  } else if (form.source === 'url') {
    let url: URL | undefined;
    try {
      url = new URL(form.location.trim());
    } catch {
      url = undefined;
    }
    if (!form.location.trim()) errors.location = 'Image URL is required';
    else if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      errors.location = 'Enter a full http(s) URL, e.g. https://example.com/disk.qcow2';
    }
  } else {
    const image = form.location.trim().replace(/^docker:\/\//, '');
    if (!image) errors.location = 'Registry image is required';
    else if (/\s/.test(image)) errors.location = 'The image reference must not contain spaces';
  }
  return errors;
}

/** A hint for the size field: where the default came from. */
export function sizeHint(file: ImageCheck | undefined): string {
  if (!file || !file.ok) return 'Whole GiB.';
  if (file.virtualSize !== undefined) return "Default: the image's virtual size plus 10%, rounded up to whole GiB.";
  if (isCompressed(file.format)) return 'The size inside this compressed file is unknown: make sure the image fits.';
  return 'Whole GiB.';
}

export const toVolumeSpec = (form: AddVolumeForm): VolumeSpec => ({
  name: form.name.trim(),
  namespace: form.namespace,
  source: form.source,
  location: form.location,
  sizeGi: Number(form.size.trim()),
  storageClass: form.storageClass,
  accessMode: form.accessMode,
  preference: form.preference,
});
