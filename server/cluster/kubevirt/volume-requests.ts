/**
 * Volume hot-plug requests as KubeVirt models them (kubevirt.io/api core/v1 AddVolumeOptions,
 * RemoveVolumeOptions, VirtualMachineVolumeRequest) and the pure parts of virt-api's and
 * virt-controller's handling: pkg/virt-api/rest/volumes.go verifyVolumeOption and
 * pkg/controller ApplyVolumeRequestOnVMISpec.
 */
type Json = Record<string, unknown>;

export interface HotplugVolumeSource {
  persistentVolumeClaim?: { claimName?: string; readOnly?: boolean; hotpluggable?: boolean };
  dataVolume?: { name?: string; hotpluggable?: boolean };
}
export interface AddVolumeOptions {
  name?: string;
  disk?: Json;
  volumeSource?: HotplugVolumeSource;
  dryRun?: string[];
}
export interface RemoveVolumeOptions {
  name?: string;
  dryRun?: string[];
}
export interface VolumeRequest {
  addVolumeOptions?: AddVolumeOptions;
  removeVolumeOptions?: RemoveVolumeOptions;
}

interface VolumeLike {
  name?: string;
  persistentVolumeClaim?: { claimName?: string; hotpluggable?: boolean };
  dataVolume?: { name?: string; hotpluggable?: boolean };
}

/** storagetypes.IsHotplugVolume: a DataVolume or PVC volume marked hotpluggable. */
export function isHotplugVolume(v: VolumeLike | undefined): boolean {
  return !!(v?.dataVolume?.hotpluggable || v?.persistentVolumeClaim?.hotpluggable);
}

/** The claim a volume source names. */
export function sourceName(source: HotplugVolumeSource | VolumeLike | undefined): string {
  return source?.dataVolume?.name ?? source?.persistentVolumeClaim?.claimName ?? '';
}

function sourceExists(v: VolumeLike, claim: string): boolean {
  return (
    (!!v.dataVolume && v.dataVolume.name === claim) ||
    (!!v.persistentVolumeClaim && v.persistentVolumeClaim.claimName === claim)
  );
}

/** verifyVolumeOption: the conflict message for a request against the volumes it would change, if any. */
export function verifyVolumeOption(volumes: readonly VolumeLike[], request: VolumeRequest): string | undefined {
  const add = request.addVolumeOptions;
  const remove = request.removeVolumeOptions;
  let found = false;
  for (const v of volumes) {
    if (add) {
      const claim = sourceName(add.volumeSource);
      if (v.name === add.name) return `Unable to add volume [${add.name}] because volume with that name already exists`;
      if (sourceExists(v, claim)) return `Unable to add volume source [${claim}] because it already exists`;
    } else if (remove && (v.name === remove.name || sourceExists(v, remove.name ?? ''))) {
      if (!isHotplugVolume(v)) return `Unable to remove volume [${v.name}] because it is not hotpluggable`;
      found = true;
      break;
    }
  }
  if (remove && !found) return `Unable to remove volume [${remove.name}] because it does not exist`;
  return undefined;
}

/** The request's volume source with hotpluggable set, as virt-api marks it. */
export function hotpluggableSource(source: HotplugVolumeSource): VolumeLike {
  if (source.persistentVolumeClaim)
    return { persistentVolumeClaim: { ...source.persistentVolumeClaim, hotpluggable: true } };
  if (source.dataVolume) return { dataVolume: { ...source.dataVolume, hotpluggable: true } };
  return {};
}

/** ApplyVolumeRequestOnVMISpec on a mutable VMI spec: adds or removes the volume and its disk. */
export function applyVolumeRequest(spec: Json, request: VolumeRequest): Json {
  const domain = (spec.domain ??= {}) as Json;
  const devices = (domain.devices ??= {}) as Json;
  const volumes = ((spec.volumes as VolumeLike[] | undefined) ?? []).slice();
  const disks = ((devices.disks as Json[] | undefined) ?? []).slice();
  const add = request.addVolumeOptions;
  const remove = request.removeVolumeOptions;
  if (add?.name && add.volumeSource) {
    if (!volumes.some((v) => v.name === add.name)) {
      volumes.push({ name: add.name, ...hotpluggableSource(add.volumeSource) });
      if (add.disk && !disks.some((d) => d.name === add.name))
        disks.push({ ...structuredClone(add.disk), name: add.name });
    }
  } else if (remove?.name) {
    const keep = volumes.filter((v) => v.name !== remove.name);
    volumes.splice(0, volumes.length, ...keep);
    const keepDisks = disks.filter((d) => d.name !== remove.name);
    disks.splice(0, disks.length, ...keepDisks);
  }
  spec.volumes = volumes;
  devices.disks = disks;
  return spec;
}

/** The request's name, whichever kind it is. */
export function requestName(request: VolumeRequest): string {
  return request.addVolumeOptions?.name ?? request.removeVolumeOptions?.name ?? '';
}
