/** VirtualMachine manifests for the cluster tests: the few shapes they use, built one way. */
import type { KObject } from '../../../server/cluster/store/index.js';

export const FEDORA_IMAGE = 'quay.io/containerdisks/fedora:41';
export const CIRROS_IMAGE = 'quay.io/kubevirt/cirros-container-disk-demo:v1.6.2';

/** The root disk on virtio, as `domain.devices` (add interfaces or graphics devices beside it). */
export const virtioRootDisk = { disks: [{ name: 'root', disk: { bus: 'virtio' } }] };

/** A masquerade interface on the pod network: `devices.interfaces` and the template's `networks`. */
export const podNetwork = {
  interfaces: [{ name: 'default', masquerade: {} }],
  networks: [{ name: 'default', pod: {} }],
};

/** cloud-init user data that sets the default user and its password (which never expires). */
export const cloudConfig = (user: string, password: string) =>
  `#cloud-config\nuser: ${user}\npassword: ${password}\nchpasswd: { expire: False }\n`;

export interface VmOptions {
  namespace?: string;
  /** Default Always. */
  runStrategy?: string;
  /** The root containerDisk's image (default Fedora). */
  image?: string;
  /** Default 1Gi. */
  memory?: string;
  cpu?: Record<string, unknown>;
  /** `domain.devices` (default none). */
  devices?: Record<string, unknown>;
  networks?: unknown[];
  /** A cloudInitNoCloud volume with this user data. */
  userData?: string;
  hostname?: string;
}

export function vmManifest(name: string, o: VmOptions = {}): KObject {
  const domain = { ...(o.cpu ? { cpu: o.cpu } : {}), devices: o.devices ?? {}, memory: { guest: o.memory ?? '1Gi' } };
  const volumes: unknown[] = [{ name: 'root', containerDisk: { image: o.image ?? FEDORA_IMAGE } }];
  if (o.userData) volumes.push({ name: 'cloudinit', cloudInitNoCloud: { userData: o.userData } });
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name, ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: {
      runStrategy: o.runStrategy ?? 'Always',
      template: {
        spec: {
          ...(o.hostname ? { hostname: o.hostname } : {}),
          domain,
          ...(o.networks ? { networks: o.networks } : {}),
          volumes,
        },
      },
    },
  };
}
