import { afterEach, describe, expect, it } from 'vitest';
import { KeyboardState } from '../console/keysym.js';
import type { SimulatedGuest } from './simulated-guest.js';
import {
  SerialRecorder,
  loginOnSerial,
  makeGuest,
  waitForEvent,
} from '../../../../test/support/guest/guest-harness.js';

const guests: SimulatedGuest[] = [];
function guest(options: Parameters<typeof makeGuest>[0] = {}): SimulatedGuest {
  const g = makeGuest(options);
  guests.push(g);
  return g;
}
afterEach(() => {
  for (const g of guests.splice(0)) g.destroy();
});

async function run(g: SimulatedGuest, rec: SerialRecorder, command: string): Promise<string> {
  rec.clear();
  g.writeSerial(`${command}\r`);
  await rec.waitFor(/\$ $/);
  // Drop the echoed command line and the next prompt.
  return rec.text.split('\r\n').slice(1, -1).join('\n');
}

describe('SimulatedGuest boot and login', () => {
  it('prints a boot log, then the login prompt, and emits booted', async () => {
    const g = guest({ hostname: 'vmi-fedora' });
    const rec = new SerialRecorder(g);
    expect(g.state).toBe('booting');
    await waitForEvent(g, 'booted');
    expect(g.state).toBe('running');
    expect(rec.text).toContain('Linux version 6.11.4-301.fc41.x86_64');
    expect(rec.text).toContain('Welcome to \x1b[1mFedora Linux 41 (Cloud Edition)\x1b[0m!');
    expect(rec.text).toContain('[\x1b[0;32m  OK  \x1b[0m] Reached target multi-user.target');
    expect(rec.text.endsWith('vmi-fedora login: ')).toBe(true);
    // The tty turns line ends into CR LF.
    expect(rec.text).not.toMatch(/[^\r]\n/);
    // The screen shows the same console.
    expect(g.screen.text()).toContain('vmi-fedora login:');
  });

  it('logs in with the cloud-init user and password, without echoing the password', async () => {
    const g = guest({ user: 'admin', password: 's3cret' });
    const rec = new SerialRecorder(g);
    await waitForEvent(g, 'booted');
    g.writeSerial('admin\r');
    await rec.waitFor('Password: ');
    g.writeSerial('s3cret\r');
    await rec.waitFor('[admin@vmi-test ~]$ ');
    expect(rec.text).not.toContain('s3cret');
    expect(g.loggedIn).toBe(true);
  });

  it('answers a wrong password with "Login incorrect" and a new prompt', async () => {
    const g = guest();
    const rec = new SerialRecorder(g);
    await waitForEvent(g, 'booted');
    rec.clear();
    g.writeSerial('fedora\rnope\r');
    await rec.waitFor(/Login incorrect\r\n\r\nvmi-test login: $/);
    expect(g.loggedIn).toBe(false);
  });

  it('uses the documented default credentials of the OS (CirrOS: cirros / gocubsgo)', async () => {
    const g = guest({ osName: 'cirros', hostname: 'vmi-cirros' });
    const rec = new SerialRecorder(g);
    await waitForEvent(g, 'booted');
    expect(rec.text).toContain("login as 'cirros' user. default password: 'gocubsgo'.");
    g.writeSerial('cirros\rgocubsgo\r');
    await rec.waitFor(/\$ $/);
    expect(g.loggedIn).toBe(true);
  });

  it('keeps what is typed during boot and reads it at the login prompt', async () => {
    const g = guest();
    const rec = new SerialRecorder(g);
    g.writeSerial('fedora\r');
    await waitForEvent(g, 'booted');
    await rec.waitFor('Password: ');
  });
});

describe('SimulatedGuest shell', () => {
  it('answers hostname, whoami, uname -a, echo, cat /etc/os-release', async () => {
    const g = guest({ hostname: 'web-1' });
    const rec = await loginOnSerial(g);
    expect(await run(g, rec, 'hostname')).toBe('web-1');
    expect(await run(g, rec, 'whoami')).toBe('fedora');
    expect(await run(g, rec, 'uname -a')).toBe(
      'Linux web-1 6.11.4-301.fc41.x86_64 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux',
    );
    expect(await run(g, rec, 'uname -r')).toBe('6.11.4-301.fc41.x86_64');
    expect(await run(g, rec, 'echo "hello  world" $USER')).toBe('hello  world fedora');
    expect(await run(g, rec, 'cat /etc/os-release')).toContain('PRETTY_NAME="Fedora Linux 41 (Cloud Edition)"');
    expect(await run(g, rec, 'cat /nope')).toBe('cat: /nope: No such file or directory');
  });

  it('shows the VMI address and MAC in ip a', async () => {
    const g = guest({ ipAddress: '10.244.1.7/23', macAddress: '02:AB:CD:00:11:22' });
    const rec = await loginOnSerial(g);
    const out = await run(g, rec, 'ip a');
    expect(out).toContain('inet 10.244.1.7/23 brd 10.244.1.255 scope global');
    expect(out).toContain('link/ether 02:ab:cd:00:11:22 brd ff:ff:ff:ff:ff:ff');
    expect(out).toContain('inet6 fe80::ab:cdff:fe00:1122/64 scope link');
    expect(out).toContain('inet 127.0.0.1/8 scope host lo');
  });

  it('answers uptime, date, help and unknown commands', async () => {
    const g = guest();
    const rec = await loginOnSerial(g);
    expect(await run(g, rec, 'uptime')).toMatch(/^ \d\d:\d\d:\d\d up [\d:]+( min)?, {2}1 user, {2}load average: /);
    expect(await run(g, rec, 'date')).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/);
    expect(await run(g, rec, 'help')).toContain('poweroff');
    expect(await run(g, rec, 'foo')).toBe('-bash: foo: command not found');
  });

  it('clears the screen with clear', async () => {
    const g = guest();
    const rec = await loginOnSerial(g);
    await run(g, rec, 'clear');
    expect(rec.text).toContain('\x1b[H\x1b[2J');
    expect(g.screen.text().trim()).toBe('[fedora@vmi-test ~]$');
  });

  it('goes back to the login prompt on exit, logout and Ctrl-D', async () => {
    const g = guest();
    for (const way of ['exit\r', 'logout\r', '\x04']) {
      const rec = await loginOnSerial(g);
      g.writeSerial(way);
      await rec.waitFor(/vmi-test login: $/);
      expect(g.loggedIn).toBe(false);
      rec.close();
    }
  });

  it('prints a new prompt after Ctrl-C', async () => {
    const g = guest();
    const rec = await loginOnSerial(g);
    g.writeSerial('sleep 10\x03');
    await rec.waitFor('^C\r\n[fedora@vmi-test ~]$ ');
  });

  it.each(['poweroff', 'sudo poweroff', 'shutdown -h now', 'systemctl poweroff'])(
    '"%s" prints shutdown lines and emits poweroff',
    async (cmd) => {
      const g = guest();
      const rec = await loginOnSerial(g);
      const off = waitForEvent(g, 'poweroff');
      g.writeSerial(`${cmd}\r`);
      await off;
      expect(rec.text).toContain('Reached target poweroff.target');
      expect(rec.text).toMatch(/reboot: Power down\r\n$/);
      expect(g.state).toBe('off');
    },
  );

  it.each(['reboot', 'sudo reboot', 'shutdown -r now'])('"%s" emits reboot and boots again', async (cmd) => {
    const g = guest();
    const rec = await loginOnSerial(g);
    const rebooted = waitForEvent(g, 'reboot');
    g.writeSerial(`${cmd}\r`);
    await rebooted;
    expect(rec.text).toContain('reboot: Restarting system');
    await waitForEvent(g, 'booted');
    expect(g.state).toBe('running');
    expect(rec.text.endsWith('vmi-test login: ')).toBe(true);
  });
});

describe('SimulatedGuest lifecycle', () => {
  it('shutdown(true) is an ACPI power button: shutdown lines, then poweroff', async () => {
    const g = guest();
    const rec = new SerialRecorder(g);
    await waitForEvent(g, 'booted');
    const off = waitForEvent(g, 'poweroff');
    g.shutdown(true);
    expect(g.state).toBe('shutting-down');
    await off;
    expect(rec.text).toContain('Power key pressed short.');
    expect(rec.text).toContain('reboot: Power down');
  });

  it('shutdown(false) powers off at once', async () => {
    const g = guest();
    await waitForEvent(g, 'booted');
    let off = false;
    g.on('poweroff', () => (off = true));
    g.shutdown(false);
    expect(off).toBe(true);
    expect(g.state).toBe('off');
  });

  it('reboot() restarts the guest and boots it again', async () => {
    const g = guest();
    await waitForEvent(g, 'booted');
    const events: string[] = [];
    g.on('reboot', () => events.push('reboot'));
    g.on('booted', () => events.push('booted'));
    g.reboot();
    await waitForEvent(g, 'booted');
    expect(events).toEqual(['reboot', 'booted']);
  });

  it('Ctrl+Alt+Del on the screen keyboard reboots the guest', async () => {
    const g = guest();
    await waitForEvent(g, 'booted');
    const kb = new KeyboardState();
    const rebooted = waitForEvent(g, 'reboot');
    g.keyEvent(kb, 0xffe3, true);
    g.keyEvent(kb, 0xffe9, true);
    g.keyEvent(kb, 0xffff, true);
    await rebooted;
  });

  it('pause freezes the guest: no output, input queued until unpause', async () => {
    const g = guest();
    const rec = await loginOnSerial(g);
    g.pause();
    expect(g.paused).toBe(true);
    g.writeSerial('hostname\r');
    await new Promise((r) => setTimeout(r, 30));
    expect(rec.text).toBe('');
    g.unpause();
    await rec.waitFor('vmi-test\r\n[fedora@vmi-test ~]$ ');
  });

  it('pause during boot stops the boot log until unpause', async () => {
    const g = guest();
    const rec = new SerialRecorder(g);
    g.pause();
    await new Promise((r) => setTimeout(r, 50));
    const frozen = rec.text;
    expect(g.state).toBe('booting');
    await new Promise((r) => setTimeout(r, 30));
    expect(rec.text).toBe(frozen);
    g.unpause();
    await waitForEvent(g, 'booted');
  });

  it('destroy() stops everything and emits destroyed', async () => {
    const g = guest();
    const rec = new SerialRecorder(g);
    const destroyed = waitForEvent(g, 'destroyed');
    g.destroy();
    await destroyed;
    const text = rec.text;
    await new Promise((r) => setTimeout(r, 30));
    expect(rec.text).toBe(text);
    expect(g.state).toBe('destroyed');
    expect(() => g.openSerial()).toThrow('VMI is not running');
  });
});
