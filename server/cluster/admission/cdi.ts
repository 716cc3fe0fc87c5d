/**
 * CDI's DataVolume validating webhook (pkg/apiserver/webhooks/datavolume-validate.go), the
 * checks that need no lookups: storage definition and size, access modes, exactly one source,
 * source URLs, content type, and no spec changes after creation.
 */
import type { AdmissionResult } from './types.js';
import type { WebhookCause } from './status.js';
import { cdiDenied } from './status.js';
import { tryDecodeQuantity } from '../apimachinery/quantity.js';
import { asObj, asStr, deepEqual, isObject, type Json } from './schema.js';

export const DV_WEBHOOK = 'datavolume-validate.cdi.kubevirt.io';
const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'];
const URL_SOURCES: Record<string, string> = { http: 'HTTP', s3: 'S3', gcs: 'GCS', imageio: 'ImageIO', vddk: 'VDDK' };

function invalid(message: string, field: string): WebhookCause {
  return { reason: 'FieldValueInvalid', message, field };
}

function sizeCause(resources: unknown, name: string): WebhookCause | undefined {
  const requests = asObj(asObj(resources).requests);
  const field = `spec.${name}.resources.requests.size`;
  if (requests.storage === undefined) return invalid(`${name} size is missing`, field);
  const q = tryDecodeQuantity(requests.storage);
  if (!q || q.value <= 0) return invalid(`${name} size can't be equal or less than zero`, field);
  return undefined;
}

function sourceUrlError(url: string): string {
  if (!url) return 'source URL is empty';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `Invalid source URL: ${url}`;
  }
  if (!['http:', 'https:', 'gs:'].includes(parsed.protocol)) return `Invalid source URL scheme: ${url}`;
  return '';
}

function storageCauses(spec: Json): WebhookCause[] {
  const pvc = spec.pvc;
  const storage = spec.storage;
  const source = asObj(spec.source);
  // CDI infers the size of a clone or snapshot target from its source; imports need one.
  const inferable = isObject(source.pvc) || isObject(source.snapshot) || isObject(spec.sourceRef);
  if (!isObject(pvc) && !isObject(storage)) {
    // The CDI examples clone with an empty "storage:" (null, pruned by the API server); accept
    // that for sources CDI can size the target from.
    return inferable ? [] : [invalid('Missing Data volume PVC', 'spec.PVC')];
  }
  if (isObject(pvc) && isObject(storage))
    return [invalid('Duplicate storage definition, both target storage and target pvc defined', 'spec.PVC.Storage')];
  if (isObject(pvc)) {
    const size = sizeCause(pvc.resources, 'PVC');
    if (size) return [size];
    const modes = Array.isArray(pvc.accessModes) ? pvc.accessModes : [];
    if (modes.length === 0)
      return [invalid('Required value: at least 1 access mode is required', 'spec.PVC.accessModes')];
    if (modes.length > 1) return [invalid('PVC multiple accessModes', 'spec.PVC.accessModes')];
    if (!ACCESS_MODES.includes(asStr(modes[0]))) {
      return [
        invalid(
          `Unsupported value: "${asStr(modes[0])}": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce"`,
          'spec.PVC.accessModes',
        ),
      ];
    }
    return [];
  }
  const st = asObj(storage);
  if (!inferable || asObj(asObj(st.resources).requests).storage !== undefined) {
    const size = sizeCause(st.resources, 'Storage');
    if (size) return [size];
  }
  const modes = Array.isArray(st.accessModes) ? st.accessModes : [];
  for (const mode of modes) {
    if (!ACCESS_MODES.includes(asStr(mode))) {
      return [
        invalid(
          `Unsupported value: "${asStr(modes[0])}": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce"`,
          'spec.PVC.accessModes',
        ),
      ];
    }
  }
  return [];
}

function sourceCauses(spec: Json): WebhookCause[] {
  const hasSource = isObject(spec.source);
  const hasRef = isObject(spec.sourceRef);
  if (hasSource === hasRef) return [invalid('Data volume should have either Source or SourceRef', 'spec.source')];
  if (hasRef) {
    const ref = asObj(spec.sourceRef);
    if (!asStr(ref.kind)) return [invalid('Missing sourceRef kind', 'spec.sourceRef.Kind')];
    if (ref.kind !== 'DataSource')
      return [
        invalid(
          `Unsupported sourceRef kind ${asStr(ref.kind)}, currently only DataSource is supported`,
          'spec.sourceRef.Kind',
        ),
      ];
    if (!asStr(ref.name)) return [invalid('Missing sourceRef name', 'spec.sourceRef.Name')];
    return [];
  }
  const source = asObj(spec.source);
  const kinds = Object.keys(source).filter((k) => source[k] !== null && source[k] !== undefined);
  if (kinds.length === 0) return [invalid('Missing Data volume source', 'spec.source')];
  if (kinds.length > 1) return [invalid('Multiple Data volume sources', 'spec.source')];
  const kind = kinds[0];
  const src = asObj(source[kind]);
  if (kind in URL_SOURCES) {
    const err = sourceUrlError(asStr(src.url));
    if (err) return [invalid(`spec.source ${err}`, `spec.source.${URL_SOURCES[kind]}.url`)];
  }
  const contentType = asStr(spec.contentType);
  if (contentType && contentType !== 'kubevirt' && contentType !== 'archive') {
    return [invalid('ContentType not one of: kubevirt, archive', 'spec.contentType')];
  }
  if (kind === 'blank' && contentType === 'archive') {
    return [invalid('SourceType cannot be blank and the contentType be archive', 'spec.contentType')];
  }
  if (kind === 'registry') {
    if (contentType && contentType !== 'kubevirt')
      return [invalid('ContentType must be kubevirt when Source is Registry', 'spec.contentType')];
    const url = src.url;
    const stream = src.imageStream;
    if ((url === undefined) === (stream === undefined))
      return [invalid('Source registry should have either URL or ImageStream', 'spec.source.Registry')];
    if (typeof url === 'string') {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? '';
      if (scheme !== 'docker' && scheme !== 'oci')
        return [invalid(`Illegal registry source URL scheme ${url}`, 'spec.source.Registry.URL')];
    }
  }
  if (kind === 'pvc' && (!asStr(src.namespace) || !asStr(src.name))) {
    return [invalid('spec.source.PVC source PVC is not valid', 'spec.source.PVC')];
  }
  return [];
}

export function admitDataVolume(operation: string, obj: Json, old: Json | undefined): AdmissionResult {
  if (operation === 'UPDATE' && old && !deepEqual(obj.spec, old.spec)) {
    return {
      allowed: false,
      status: cdiDenied(DV_WEBHOOK, [
        { reason: 'FieldValueDuplicate', message: 'Cannot update DataVolume Spec', field: 'DataVolume.Spec' },
      ]),
    };
  }
  const spec = asObj(obj.spec);
  const storage = storageCauses(spec);
  if (storage.length > 0) return { allowed: false, status: cdiDenied(DV_WEBHOOK, storage) };
  const source = sourceCauses(spec);
  if (source.length > 0) return { allowed: false, status: cdiDenied(DV_WEBHOOK, source) };
  return { allowed: true };
}
