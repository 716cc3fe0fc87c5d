import { readFileSync } from 'node:fs';
import { EMBEDDED, expect, expectNoSeriousA11yViolations, test } from './fixtures/index.js';
import { ConsolePage, createCirrosVm, openRunningVmConsole, waitForVmStatus } from './pages/console.js';
import { ShellPage } from './pages/shell.js';

test.describe('Serial console', () => {
  // The first two log in on the simulated guest's shell with its credentials and type commands.
  test(
    'logs in, runs hostname, saves the transcript; poweroff disconnects and the VM stops',
    { tag: EMBEDDED },
    async ({ page, api, namespace }) => {
      // RerunOnFailure: the VM starts now and stays stopped after the guest powers off.
      const console = await openRunningVmConsole(page, api, namespace, 'serial-vm', {
        type: 'serial',
        runStrategy: 'RerunOnFailure',
      });

      await console.logInOnSerial({ host: 'serial-vm', user: 'cirros', password: 'gocubsgo', prompt: /^\$$/m });
      await console.typeInTerminal('hostname\n');
      await console.expectTerminalText(/\$ hostname\s*\n\s*serial-vm\s*\n/);

      // Search finds the command in the scrollback.
      await console.search('hostname');
      await expect(console.serial.getByText(/^\d+ of \d+$/)).toBeVisible();

      const download = await console.downloadTranscript();
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${namespace}-serial-vm-serial-\\d{8}-\\d{6}\\.txt$`));
      const transcript = readFileSync(await download.path(), 'utf8');
      expect(transcript).toMatch(/\$ hostname\nserial-vm\n/);
      expect(transcript).not.toContain('\x1b');

      // Clear empties the screen; the transcript keeps everything.
      await console.clear();
      await expect.poll(() => console.terminalText()).not.toMatch(/hostname/);

      await expectNoSeriousA11yViolations(page);

      await console.typeInTerminal('poweroff\n');
      await expect(console.status('serial')).toHaveText('Disconnected: The virtual machine is no longer running.');
      await waitForVmStatus(api, namespace, 'serial-vm', 'Stopped');
      await expect(console.button('serial', 'Start')).toBeVisible();

      // Start from the console: it reconnects by itself when the new VMI runs. What the guest
      // printed before the console attached is not replayed (as with virtctl console): Enter
      // brings the login prompt back whether the boot is over or not.
      await console.start('serial');
      await console.expectConnected('serial');
      await console.typeInTerminal('\n');
      await console.expectTerminalText(/serial-vm login:/, 45_000);
    },
  );

  test(
    'reconnects by hand and after the VM restarts; copies and pastes',
    { tag: EMBEDDED },
    async ({ page, api, namespace, context }) => {
      const console = await openRunningVmConsole(page, api, namespace, 'always', { type: 'serial', standalone: true });

      await console.disconnect('serial');
      await expect(console.status('serial')).toHaveText('Disconnected: Disconnected by you.');
      await console.connect('serial');
      await console.expectConnected('serial');

      await console.logInOnSerial({ host: 'always', user: 'cirros', password: 'gocubsgo', prompt: /^\$$/m });

      // Paste from the clipboard runs a command; Copy puts the selection on the clipboard.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.evaluate(() => navigator.clipboard.writeText('echo from-clipboard\n'));
      await console.pasteFromClipboard();
      await console.expectTerminalText(/^from-clipboard$/m);
      await console.selectWord('from-clipboard');
      await console.copySelection();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('from-clipboard');

      // runStrategy Always: a poweroff brings a new VMI, and the console follows it.
      const before = await api.get(`/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachineinstances/always`);
      await console.typeInTerminal('sudo poweroff\n');
      // The console may show "Disconnected" only for a moment before it follows the new VMI, so the
      // test checks where it ends up: connected to a new VMI.
      await expect
        .poll(
          async () => {
            const vmi = await api
              .get(`/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachineinstances/always`)
              .catch(() => undefined);
            return (
              vmi?.metadata?.uid !== before.metadata?.uid &&
              (vmi?.status as { phase?: string } | undefined)?.phase === 'Running'
            );
          },
          { timeout: 45_000, message: 'a new VMI runs' },
        )
        .toBe(true);
      await console.expectConnected('serial');
    },
  );

  // Under load (or behind a slow proxy) the old session's close can reach the page after the watch
  // showed the new VMI running: the console must still follow the new VMI. The route below holds
  // the old session's close until the page has received the new VMI's Running event.
  test('follows the new VMI when the old session closes after the new VMI runs', async ({ page, api, namespace }) => {
    await createCirrosVm(api, namespace, 'late', 'Always');
    await waitForVmStatus(api, namespace, 'late', 'Running');
    const vmiPath = `/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachineinstances/late`;
    const before = (await api.get(vmiPath)).metadata?.uid;

    let newVmiSeen!: () => void;
    const newVmiRunning = new Promise<void>((resolve) => (newVmiSeen = resolve));
    // The VMI watch: notes when the page gets the new VMI as Running (frames pass unchanged).
    await page.routeWebSocket(/\/virtualmachineinstances\?.*watch=(true|1)/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        ws.send(message);
        const event = JSON.parse(String(message)) as {
          object?: { metadata?: { uid?: string }; status?: { phase?: string } };
        };
        if (event.object?.metadata?.uid !== before && event.object?.status?.phase === 'Running') newVmiSeen();
      });
    });
    // The console: the first session's close waits for the new VMI (later sessions pass as they are).
    let sessions = 0;
    await page.routeWebSocket(/\/virtualmachineinstances\/late\/console/, (ws) => {
      const first = ++sessions === 1;
      const server = ws.connectToServer();
      server.onClose((code, reason) => {
        const forward = () => ws.close({ code, reason });
        if (!first) return forward();
        // After the new VMI's event, let the page's watch batch (100 ms) reach the screen first.
        void newVmiRunning.then(() => page.evaluate(() => new Promise((r) => setTimeout(r, 500)))).then(forward);
      });
      ws.onClose((code, reason) => server.close({ code, reason }));
    });

    const console = new ConsolePage(page);
    await console.openStandalone(namespace, 'late', 'serial');
    await console.expectConnected('serial');
    await api.call('PUT', `/apis/subresources.kubevirt.io/v1/namespaces/${namespace}/virtualmachines/late/restart`, {});
    await newVmiRunning;
    await expect.poll(() => sessions, { message: 'the console opens a session to the new VMI' }).toBeGreaterThan(1);
    await console.expectConnected('serial');
  });

  test('screenshots of the serial console in light and dark themes', async ({ page, api, namespace }) => {
    const shell = new ShellPage(page);
    const console = await openRunningVmConsole(page, api, namespace, 'cirros', { type: 'serial' });
    await console.typeInTerminal('\n');
    await console.expectTerminalText(/cirros login:/);
    await shell.setDarkTheme(false);
    await page.screenshot({ path: 'e2e/screenshots/console-serial-light.png', animations: 'disabled' });
    await shell.setDarkTheme(true);
    await page.screenshot({ path: 'e2e/screenshots/console-serial-dark.png', animations: 'disabled' });
  });
});
