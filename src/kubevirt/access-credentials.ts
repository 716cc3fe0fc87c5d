/** A VM's SSH keys: KubeVirt accessCredentials with a Secret, propagated by cloud-init or the guest agent. Pure. */
import type { V1AccessCredential, V1VirtualMachine } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { cloudInitOf } from './cloud-init';
import type { Assignment } from './vm-edit';

export type Propagation = 'noCloud' | 'configDrive' | 'qemuGuestAgent';

export interface SshKeyCredential {
  secret: string;
  propagation: Propagation;
  /** The guest users the agent writes the keys for (qemuGuestAgent only). */
  users: string[];
}

export const ACCESS_CREDENTIALS_PATH = ['spec', 'template', 'spec', 'accessCredentials'] as const;

const credentialsOf = (vm: V1VirtualMachine): V1AccessCredential[] => vm.spec?.template?.spec?.accessCredentials ?? [];

/** The VM's SSH public key credentials (user/password ones are left out). */
export function sshKeysOf(vm: V1VirtualMachine): SshKeyCredential[] {
  return credentialsOf(vm).flatMap((c) => {
    const key = c.sshPublicKey;
    const secret = key?.source?.secret?.secretName;
    if (!key || !secret) return [];
    const m = key.propagationMethod ?? {};
    const propagation: Propagation = m.qemuGuestAgent ? 'qemuGuestAgent' : m.configDrive ? 'configDrive' : 'noCloud';
    return [{ secret, propagation, users: m.qemuGuestAgent?.users ?? [] }];
  });
}

/** The cloud-init propagation that fits the VM's cloud-init volume (ConfigDrive, else NoCloud). */
export const cloudInitPropagation = (vm: V1VirtualMachine): Propagation =>
  cloudInitOf(vm).volume && cloudInitOf(vm).kind === 'cloudInitConfigDrive' ? 'configDrive' : 'noCloud';

const credentialOf = (k: SshKeyCredential): V1AccessCredential => ({
  sshPublicKey: {
    source: { secret: { secretName: k.secret } },
    propagationMethod:
      k.propagation === 'qemuGuestAgent' ? { qemuGuestAgent: { users: k.users } } : { [k.propagation]: {} },
  },
});

/** Adds an SSH key credential (a Secret already used is replaced). */
export function addSshKey(vm: V1VirtualMachine, key: SshKeyCredential): Assignment[] {
  const kept = credentialsOf(vm).filter((c) => c.sshPublicKey?.source?.secret?.secretName !== key.secret);
  return [{ path: ACCESS_CREDENTIALS_PATH, value: [...kept, credentialOf(key)] }];
}

/** Removes the SSH key credential of a Secret (null when none is left). */
export function removeSshKey(vm: V1VirtualMachine, secret: string): Assignment[] {
  const kept = credentialsOf(vm).filter((c) => c.sshPublicKey?.source?.secret?.secretName !== secret);
  return [{ path: ACCESS_CREDENTIALS_PATH, value: kept.length ? kept : null }];
}

const KEY =
  /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$/;

/** Why a pasted public key (one per line) is not one, or undefined. */
export function sshKeyProblem(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return 'Paste a public key';
  const bad = lines.findIndex((l) => !KEY.test(l));
  return bad < 0 ? undefined : `Line ${bad + 1} is not an SSH public key (ssh-ed25519 AAAA… comment)`;
}
