/**
 * SSH between simulated guests: `ssh [-i identity] user@host command` in one guest's shell runs the
 * command as `user` in the guest with that address or hostname when the identity's public key is in
 * that user's ~/.ssh/authorized_keys there (what KubeVirt's access credentials put there), and is
 * refused otherwise, with OpenSSH's messages. The identity is the public half, `~/.ssh/id_ed25519.pub`
 * (then id_ecdsa.pub, id_rsa.pub) unless `-i` names one: the simulation does not do key exchange.
 */
import type { GuestFiles } from '../volume-data.js';

/** What a guest offers the others on the simulated network. */
export interface SshServer {
  readonly hostname: string;
  readonly address: string | undefined;
  /** Runs `command` as `user` when `key` ("type base64") is authorized; false when refused. */
  exec(user: string, key: string, command: string, print: (text: string) => void): boolean;
}

/** The guests one backend runs, reachable from each other (the pod network). */
export class SshNetwork {
  private readonly servers = new Set<SshServer>();

  join(server: SshServer): () => void {
    this.servers.add(server);
    return () => this.servers.delete(server);
  }

  find(host: string): SshServer | undefined {
    for (const s of this.servers) if (s.address === host || s.hostname === host) return s;
    return undefined;
  }
}

export const authorizedKeysPath = (user: string) =>
  `${user === 'root' ? '/root' : `/home/${user}`}/.ssh/authorized_keys`;

/** "type base64" of each key line (options and comments dropped), as sshd compares them. */
export function keyBlobs(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .flatMap((l) => {
      const words = l.split(/\s+/);
      const i = words.findIndex((w) => /^(ssh-|ecdsa-|sk-)/.test(w));
      return i >= 0 && words[i + 1] ? [`${words[i]} ${words[i + 1]}`] : [];
    });
}

export function isAuthorized(files: GuestFiles, user: string, key: string): boolean {
  return keyBlobs(files.get(authorizedKeysPath(user)) ?? '').includes(key);
}

interface SshClient {
  readonly home: string;
  readonly user: string;
  readonly files: GuestFiles;
  readonly network?: SshNetwork;
  out(text: string): void;
  write(text: string): void;
}

const IDENTITIES = ['id_ed25519.pub', 'id_ecdsa.pub', 'id_rsa.pub'];

/** The `ssh` command. */
export function ssh(s: SshClient, args: string[]): void {
  let identity: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-i') identity = args[++i];
    else if (args[i].startsWith('-o') || args[i] === '-t' || args[i] === '-T') {
      if (args[i] === '-o') i++;
    } else rest.push(args[i]);
  }
  const [target, ...command] = rest;
  if (!target) {
    s.out('usage: ssh [-i identity_file] [user@]hostname [command]');
    return;
  }
  const at = target.lastIndexOf('@');
  const user = at >= 0 ? target.slice(0, at) : s.user;
  const host = at >= 0 ? target.slice(at + 1) : target;
  const server = s.network?.find(host);
  if (!server) {
    s.out(`ssh: Could not resolve hostname ${host}: Name or service not known`);
    return;
  }
  const abs = (p: string) => (p.startsWith('/') ? p : `${s.home}/${p.replace(/^~\//, '')}`);
  const candidates = identity
    ? [abs(identity.endsWith('.pub') ? identity : `${identity}.pub`)]
    : IDENTITIES.map((f) => `${s.home}/.ssh/${f}`);
  const keys = candidates.flatMap((f) => keyBlobs(s.files.get(f) ?? ''));
  if (identity && keys.length === 0)
    s.out(`Warning: Identity file ${identity} not accessible: No such file or directory.`);
  if (command.length === 0) {
    s.out('Pseudo-terminal will not be allocated because stdin is not a terminal.');
  }
  const ok = keys.some((k) => server.exec(user, k, command.join(' '), (text) => s.write(text)));
  if (!ok) s.out(`${user}@${host}: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).`);
}
