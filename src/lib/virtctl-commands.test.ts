import { describe, expect, it } from 'vitest';
import {
  consoleCommand,
  defaultGuestUser,
  exposeCommand,
  findPlatform,
  guessPlatform,
  kubectlDownloadUrl,
  kubectlInstallCommands,
  normalizeVersion,
  shellQuote,
  sshCommand,
  virtctlDownloadUrl,
  virtctlInstallCommands,
  vncCommand,
} from './virtctl-commands';

const vm = { namespace: 'demo', name: 'fedora-1' };
const linux = { os: 'linux', arch: 'amd64' } as const;

describe('downloads', () => {
  it('points at the KubeVirt release assets of the observed version', () => {
    expect(virtctlDownloadUrl('v1.6.2', linux)).toBe(
      'https://github.com/kubevirt/kubevirt/releases/download/v1.6.2/virtctl-v1.6.2-linux-amd64',
    );
    expect(virtctlDownloadUrl('v1.6.2', { os: 'windows', arch: 'amd64' })).toBe(
      'https://github.com/kubevirt/kubevirt/releases/download/v1.6.2/virtctl-v1.6.2-windows-amd64.exe',
    );
    expect(virtctlDownloadUrl('v1.6.2', { os: 'darwin', arch: 'arm64' })).toMatch(/virtctl-v1\.6\.2-darwin-arm64$/);
  });

  it('points at the Kubernetes release bucket for kubectl', () => {
    expect(kubectlDownloadUrl('v1.32.2', linux)).toBe('https://dl.k8s.io/release/v1.32.2/bin/linux/amd64/kubectl');
    expect(kubectlDownloadUrl('v1.32.2', { os: 'windows', arch: 'amd64' })).toBe(
      'https://dl.k8s.io/release/v1.32.2/bin/windows/amd64/kubectl.exe',
    );
  });

  it('downloads, makes executable and installs on Unix; one curl.exe on Windows', () => {
    expect(virtctlInstallCommands('v1.6.2', linux).split('\n')).toEqual([
      'curl -L -o virtctl https://github.com/kubevirt/kubevirt/releases/download/v1.6.2/virtctl-v1.6.2-linux-amd64',
      'chmod +x virtctl',
      'sudo install virtctl /usr/local/bin/virtctl',
    ]);
    expect(kubectlInstallCommands('v1.32.2', { os: 'windows', arch: 'amd64' })).toBe(
      'curl.exe -L -o kubectl.exe https://dl.k8s.io/release/v1.32.2/bin/windows/amd64/kubectl.exe',
    );
  });

  it('accepts release versions only', () => {
    expect(normalizeVersion('v1.6.2')).toBe('v1.6.2');
    expect(normalizeVersion('1.6.2')).toBe('v1.6.2');
    expect(normalizeVersion('v1.7.0-rc.1')).toBe('v1.7.0-rc.1');
    expect(normalizeVersion('latest')).toBeUndefined();
    expect(normalizeVersion('v1.6.2; rm -rf /')).toBeUndefined();
    expect(normalizeVersion(undefined)).toBeUndefined();
  });

  it('guesses the platform from the user agent', () => {
    expect(guessPlatform('Mozilla/5.0 (X11; Linux x86_64) Chrome/130').label).toBe('Linux x86_64');
    expect(guessPlatform('Mozilla/5.0 (Windows NT 10.0; Win64; x64)').os).toBe('windows');
    expect(guessPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)').label).toBe('macOS Intel');
    expect(guessPlatform('Mozilla/5.0 (X11; Linux aarch64)').arch).toBe('arm64');
    expect(findPlatform('darwin-arm64')?.label).toBe('macOS Apple silicon');
    expect(findPlatform('plan9-mips')).toBeUndefined();
  });
});

describe('VM commands', () => {
  it('console and vnc name the namespace and the VM', () => {
    expect(consoleCommand(vm)).toBe('virtctl console -n demo fedora-1');
    expect(vncCommand(vm)).toBe('virtctl vnc -n demo fedora-1');
    expect(vncCommand(vm, { proxyOnly: true })).toBe('virtctl vnc -n demo fedora-1 --proxy-only');
  });

  it('expose names the Service, its type and ports', () => {
    expect(exposeCommand(vm, { port: 22, type: 'NodePort' })).toBe(
      'virtctl expose vm -n demo fedora-1 --name fedora-1-22 --type NodePort --port 22',
    );
    expect(exposeCommand(vm, { port: 8080, targetPort: 80, type: 'ClusterIP', serviceName: 'web' })).toBe(
      'virtctl expose vm -n demo fedora-1 --name web --type ClusterIP --port 8080 --target-port 80',
    );
    expect(exposeCommand(vm, { port: 80, targetPort: 80, type: 'LoadBalancer', serviceName: 'web' })).not.toContain(
      '--target-port',
    );
  });

  it('ssh goes to user@vm/name, with an identity file and a command when given', () => {
    expect(sshCommand(vm, { user: 'fedora' })).toBe('virtctl ssh -n demo fedora@vm/fedora-1');
    expect(sshCommand(vm)).toBe('virtctl ssh -n demo vm/fedora-1');
    expect(sshCommand(vm, { user: 'fedora', identityFile: '~/.ssh/id_ed25519', command: 'uname -a' })).toBe(
      "virtctl ssh -n demo -i ~/.ssh/id_ed25519 --command 'uname -a' fedora@vm/fedora-1",
    );
  });

  it('quotes what a shell would split or expand', () => {
    expect(shellQuote('plain-name.1')).toBe('plain-name.1');
    expect(shellQuote('two words')).toBe("'two words'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(reboot)')).toBe("'$(reboot)'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('~/keys/my key')).toBe("'~/keys/my key'");
    expect(shellQuote('a~b')).toBe("'a~b'");
    expect(sshCommand(vm, { user: 'a b' })).toBe("virtctl ssh -n demo 'a b@vm/fedora-1'");
  });

  it('suggests the cloud image default user', () => {
    expect(defaultGuestUser(['quay.io/containerdisks/fedora:41'])).toBe('fedora');
    expect(defaultGuestUser(['quay.io/containerdisks/centos-stream:9'])).toBe('cloud-user');
    expect(defaultGuestUser(['registry.example/windows:2022'])).toBeUndefined();
  });
});
