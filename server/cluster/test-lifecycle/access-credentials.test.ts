/**
 * Access credentials reaching the guest (issue 23 item 5): an SSH public key in a Secret, propagated
 * by the guest agent (live, following the Secret) or by cloud-init (noCloud, at boot), and a
 * simulated `ssh` from another guest that logs in with the matching key and is refused otherwise.
 * Checked against KubeVirt: pkg/virt-launcher/virtwrap/access-credentials (the agent writes
 * ~/.ssh/authorized_keys of each listed user, again when the Secret changes; condition
 * AccessCredentialsSynchronized, event AccessCredentialsSyncSuccess), pkg/cloud-init
 * (ssh_authorized_keys from noCloud/configDrive credentials), and OpenSSH's refusal message.
 */
import { describe, expect, it } from 'vitest';
import { SerialClient } from '../../../test/support/cluster/serial-client.js';
import { cloudConfig, virtioRootDisk, vmManifest } from '../../../test/support/cluster/vm-manifest.js';
import {
  events,
  subPath,
  useTestCluster,
  vmiPath,
  vmPath,
  waitFor,
  waitPrintable,
} from '../../../test/support/cluster/lifecycle.js';

const env = useTestCluster();
const { api } = env;
const NS = 'creds';
const KEY1 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyOneKeyOneKeyOneKeyOneKeyOneKeyOneKey1 alice@laptop';
const KEY2 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyTwoKeyTwoKeyTwoKeyTwoKeyTwoKeyTwoKey2 bob@laptop';
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const secret = (keys: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'ssh-keys', namespace: NS },
  data: { key: Buffer.from(keys).toString('base64') },
});

function vm(name: string, propagationMethod: Obj): Obj {
  const m = vmManifest(name, {
    namespace: NS,
    devices: virtioRootDisk,
    userData: cloudConfig('fedora', 'fedora'),
  }) as Obj;
  m.spec.template.spec.accessCredentials = [
    { sshPublicKey: { source: { secret: { secretName: 'ssh-keys' } }, propagationMethod } },
  ];
  return m;
}

describe('access credentials', () => {
  it('puts the Secret’s key where sshd reads it; ssh from another guest logs in with it, and follows the Secret', async () => {
    await api.createNamespace(NS);
    expect((await api.req('POST', `/api/v1/namespaces/${NS}/secrets`, secret(KEY1))).status).toBe(201);
    for (const m of [vm('server', { qemuGuestAgent: { users: ['fedora'] } }), vm('client', { noCloud: {} })])
      expect((await api.req('POST', vmPath(NS), m)).status).toBe(201);
    await waitPrintable(api, NS, 'server', 'Running');
    await waitPrintable(api, NS, 'client', 'Running');
    const synced = await waitFor('AccessCredentialsSynchronized', async () => {
      const v = (await api.get(vmiPath(NS, 'server'))) as Obj;
      return (v.status.conditions as Obj[]).find((c) => c.type === 'AccessCredentialsSynchronized');
    });
    expect(synced.status).toBe('True');
    expect((await events(api, NS, 'server')).map((e) => [e.reason, e.message])).toContainEqual([
      'AccessCredentialsSyncSuccess',
      'Access credentials sync successful.',
    ]);
    const serverIp = ((await api.get(vmiPath(NS, 'server'))) as Obj).status.interfaces[0].ipAddress as string;

    const serial = await SerialClient.open(api.wsUrl(subPath(NS, 'virtualmachineinstances', 'client', 'console')));
    await serial.login('fedora', 'fedora');
    // cloud-init (noCloud) gave the client's default user the key at boot
    expect(await serial.run('cat .ssh/authorized_keys')).toContain(KEY1);

    await serial.run(`echo '${KEY2}' > .ssh/id_ed25519.pub`);
    await serial.run(`echo '${KEY1}' > .ssh/alice.pub`);
    expect(await serial.run(`ssh fedora@${serverIp} hostname`)).toContain(
      `fedora@${serverIp}: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).`,
    );
    expect((await serial.run(`ssh -i .ssh/alice fedora@${serverIp} hostname`)).trim()).toBe('server');
    expect(await serial.run(`ssh -i .ssh/alice root@${serverIp} hostname`)).toContain('Permission denied');

    // the agent follows the Secret: bob's key in, alice's out
    const s = secret(KEY2);
    expect((await api.req('PUT', `/api/v1/namespaces/${NS}/secrets/ssh-keys`, s)).status).toBe(200);
    await waitFor(
      'the new key accepted',
      async () => (await serial.run(`ssh fedora@${serverIp} hostname`)).trim() === 'server',
    );
    expect(await serial.run(`ssh -i .ssh/alice fedora@${serverIp} hostname`)).toContain('Permission denied');
    expect(await serial.run(`ssh fedora@${serverIp} cat .ssh/authorized_keys`)).toContain(KEY2);
    serial.close();
  });
});
