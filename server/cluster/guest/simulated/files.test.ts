/** The simulated shell's file commands over its root disk's files (guest/volume-data.ts). */
import { describe, expect, it } from 'vitest';
import { osProfile } from '../os-profiles.js';
import { Shell, type ShellHost } from './shell.js';
import { MAX_FILE_BYTES } from '../volume-data.js';

function shell(files = new Map<string, string>()): { sh: Shell; out: () => string; files: Map<string, string> } {
  let printed = '';
  const host: ShellHost = {
    hostname: 'db',
    profile: osProfile('fedora'),
    network: { ipv4: '10.0.0.2', mac: '02:00:00:00:00:01' } as ShellHost['network'],
    cpus: 1,
    memoryBytes: 1 << 30,
    files,
    uptimeMs: () => 0,
    print: (t) => (printed += t),
    clearScreen: () => undefined,
    logout: () => undefined,
    power: () => undefined,
  };
  return {
    sh: new Shell(host, 'fedora'),
    out: () => {
      const o = printed;
      printed = '';
      return o;
    },
    files,
  };
}

describe('simulated shell files', () => {
  it('echo > writes a file in the home, >> appends, cat and ls read it, rm removes it', () => {
    const { sh, out, files } = shell();
    sh.run('echo hello world > note.txt');
    expect(out()).toBe('');
    expect(files.get('/home/fedora/note.txt')).toBe('hello world\n');
    sh.run('echo again >> note.txt');
    sh.run('cat note.txt');
    expect(out()).toBe('hello world\nagain\n');
    sh.run('touch b');
    sh.run('ls');
    expect(out()).toBe('b  note.txt\n');
    sh.run('ls -l note.txt');
    expect(out()).toMatch(/^-rw-r--r--\. 1 user user {3}18 note\.txt\n$/);
    sh.run('rm note.txt');
    sh.run('cat note.txt');
    expect(out()).toBe('cat: note.txt: No such file or directory\n');
    sh.run('rm note.txt');
    expect(out()).toBe("rm: cannot remove 'note.txt': No such file or directory\n");
    sh.run('cat /etc/hostname > /tmp/h');
    expect(files.get('/tmp/h')).toBe('db\n');
  });

  it('the files are the disk it was given (a PVC keeps them across shells)', () => {
    const disk = new Map([['/home/fedora/kept', 'x\n']]);
    const { sh, out } = shell(disk);
    sh.run('cat kept');
    expect(out()).toBe('x\n');
  });

  it('refuses a file larger than the limit', () => {
    const { sh, out, files } = shell();
    sh.run(`echo ${'a'.repeat(MAX_FILE_BYTES)} > big`);
    expect(out()).toBe('-sh: big: File too large\n');
    expect(files.has('/home/fedora/big')).toBe(false);
  });
});
