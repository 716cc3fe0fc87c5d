/**
 * Access credentials (VMI spec.accessCredentials[].sshPublicKey with a Secret source), as KubeVirt
 * propagates them (pkg/virt-launcher/virtwrap/access-credentials, pkg/cloud-init):
 * - `noCloud` / `configDrive`: the keys go into the cloud-init user data at start
 *   (ssh_authorized_keys of the default user): read once, when the guest is created;
 * - `qemuGuestAgent {users}`: the guest agent writes each user's ~/.ssh/authorized_keys once it is
 *   connected, and again whenever the Secret changes; the VMI gets the condition
 *   AccessCredentialsSynchronized and virt-handler the event AccessCredentialsSyncSuccess.
 * Every value of the Secret holds keys, one per line.
 */
import { ResourceKey, type ClusterClient } from '../../runtime/client.js';
import { getCondition, hasCondition } from '../../kubevirt/conditions.js';
import type { VMI } from '../../kubevirt/types.js';
import type { Guest } from '../../guest/types.js';

interface SshPublicKeyCredential {
  source?: { secret?: { secretName?: string } };
  propagationMethod?: { qemuGuestAgent?: { users?: string[] }; noCloud?: object; configDrive?: object };
}

function credentials(vmi: VMI): SshPublicKeyCredential[] {
  const list = (vmi.spec as { accessCredentials?: { sshPublicKey?: SshPublicKeyCredential }[] } | undefined)
    ?.accessCredentials;
  return (list ?? []).flatMap((c) => (c.sshPublicKey ? [c.sshPublicKey] : []));
}

/** The Secret's keys: every value, one key per non-empty line. */
export function secretKeys(client: ClusterClient, namespace: string | undefined, name: string): string[] {
  const secret = client.tryGet(ResourceKey.secrets, namespace, name);
  const data = (secret?.data ?? {}) as Record<string, string>;
  return Object.keys(data)
    .sort()
    .flatMap((k) =>
      Buffer.from(data[k] ?? '', 'base64')
        .toString('utf8')
        .split('\n'),
    )
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** The secrets a VMI's access credentials read (to requeue it when one changes). */
export function credentialSecrets(vmi: VMI): string[] {
  return credentials(vmi).flatMap((c) => (c.source?.secret?.secretName ? [c.source.secret.secretName] : []));
}

/** The keys cloud-init gives the default user at boot (noCloud and configDrive propagation). */
export function cloudInitKeys(client: ClusterClient, vmi: VMI, user: string): Record<string, string[]> {
  const keys = credentials(vmi)
    .filter((c) => c.propagationMethod?.noCloud || c.propagationMethod?.configDrive)
    .flatMap((c) => secretKeys(client, vmi.metadata.namespace, c.source?.secret?.secretName ?? ''));
  return keys.length ? { [user]: keys } : {};
}

/** The guest agent's share: each user's keys now, and the condition once. */
export function syncAgentKeys(
  client: ClusterClient,
  vmi: VMI,
  guest: Guest | undefined,
  now: string,
  record: (type: 'Normal' | 'Warning', reason: string, message: string) => void,
): void {
  const agentCreds = credentials(vmi).filter((c) => c.propagationMethod?.qemuGuestAgent);
  if (!agentCreds.length || !guest?.setAuthorizedKeys || !hasCondition(vmi, 'AgentConnected', 'True')) return;
  const byUser = new Map<string, string[]>();
  for (const c of agentCreds) {
    const keys = secretKeys(client, vmi.metadata.namespace, c.source?.secret?.secretName ?? '');
    for (const user of c.propagationMethod?.qemuGuestAgent?.users ?? [])
      byUser.set(user, [...(byUser.get(user) ?? []), ...keys]);
  }
  for (const [user, keys] of byUser) guest.setAuthorizedKeys(user, keys);
  if (getCondition(vmi, 'AccessCredentialsSynchronized')?.status === 'True') return;
  client.mutate(ResourceKey.vmis, vmi.metadata.namespace, vmi.metadata.name ?? '', (o) => {
    if (o.metadata.uid !== vmi.metadata.uid) return false;
    const status = (o.status ?? {}) as { conditions?: Record<string, unknown>[] };
    const conditions = (status.conditions ?? []).filter((c) => c.type !== 'AccessCredentialsSynchronized');
    conditions.push({
      type: 'AccessCredentialsSynchronized',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: now,
    });
    o.status = { ...status, conditions } as unknown as typeof o.status;
  });
  record('Normal', 'AccessCredentialsSyncSuccess', 'Access credentials sync successful.');
}
