import { readFileSync } from 'node:fs';
import { EMBEDDED, expect, expectNoSeriousA11yViolations, test } from './fixtures/index.js';
import { ConsolePage, createCirrosVm, openRunningVmConsole, waitForVmStatus } from './pages/console.js';
import { OverviewPage } from './pages/overview.js';
import { ShellPage } from './pages/shell.js';
import { VmDetailsPage } from './pages/vm-details.js';

test.describe('VNC console', () => {
  // The simulated guest's shell: its login prompt, its credentials, its answer to Ctrl+Alt+Del.
  test(
    'shows the login prompt, logs in by keyboard, pastes, sends Ctrl+Alt+Del and saves a screenshot',
    { tag: EMBEDDED },
    async ({ page, api, namespace }) => {
      const console = await openRunningVmConsole(page, api, namespace, 'cirros', { type: 'vnc' });

      // The login prompt: the screen is not blank.
      await expect
        .poll(async () => (await console.canvasPixels()).nonBackground, { message: 'the screen shows text' })
        .toBeGreaterThan(500);
      const atPrompt = await console.canvasPixels();
      expect(atPrompt.width).toBeGreaterThan(0);

      // Log in and run a command with the keyboard: every step changes the screen.
      await console.typeOnScreen('cirros\n');
      const afterUser = await console.expectCanvasChange(atPrompt);
      await console.typeOnScreen('gocubsgo\n');
      const loggedIn = await console.expectCanvasChange(afterUser);
      await console.typeOnScreen('uname -a\n');
      const afterCommand = await console.expectCanvasChange(loggedIn);

      // Paste types text; characters it cannot type are named before typing.
      const dialog = await console.openPaste('echo café');
      await expect(dialog.skippedWarning).toBeVisible();
      await expect(dialog.dialog.getByText('U+00E9 é')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await dialog.fill('echo pasted-by-e2e\n');
      await expect(dialog.skippedWarning).toBeHidden();
      await dialog.type();
      const afterPaste = await console.expectCanvasChange(afterCommand);

      // A screenshot download is the screen as PNG.
      const download = await console.downloadScreenshot();
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${namespace}-cirros-screen-\\d{8}-\\d{6}\\.png$`));
      const png = readFileSync(await download.path());
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

      // Ctrl+Alt+Del reboots the guest: the screen changes (boot log), the session stays.
      await console.sendKey('Ctrl+Alt+Del');
      await console.expectCanvasChange(afterPaste);
      await console.expectConnected('vnc');

      // Scaling: Fit stretches the screen to the frame, 1:1 shows it pixel for pixel.
      const size = () =>
        console.canvas.evaluate((c) => ({
          css: Math.round(c.getBoundingClientRect().width),
          pixels: (c as HTMLCanvasElement).width,
        }));
      await expect
        .poll(async () => {
          const s = await size();
          return s.css !== s.pixels;
        })
        .toBe(true);
      await console.setScaling('native');
      await expect
        .poll(async () => {
          const s = await size();
          return s.css === s.pixels;
        })
        .toBe(true);

      // View only: keys are not sent, so the menu and Paste are off.
      await console.setViewOnly(true);
      await expect(console.vnc.getByRole('button', { name: 'Send key' })).toBeDisabled();
      await expect(console.button('vnc', 'Paste')).toBeDisabled();

      await console.enterFullscreen('vnc');
      await console.exitFullscreen('vnc');

      await expectNoSeriousA11yViolations(page);
    },
  );

  test('a VM without a graphics device says so', async ({ page, api, namespace }) => {
    await createCirrosVm(api, namespace, 'headless', 'Always', { autoattachGraphicsDevice: false });
    await waitForVmStatus(api, namespace, 'headless', 'Running');
    const console = new ConsolePage(page);
    await console.openTab(namespace, 'headless', 'vnc');
    await expect(console.status('vnc')).toHaveText(
      'Cannot connect: The virtual machine has no graphics device (autoattachGraphicsDevice is false).',
    );
  });

  test('offers to take over a session held in another tab', async ({ page, api, namespace, context }) => {
    await createCirrosVm(api, namespace, 'cirros', 'Always');
    await waitForVmStatus(api, namespace, 'cirros', 'Running');
    const first = new ConsolePage(page);
    await first.openTab(namespace, 'cirros', 'vnc');
    await first.expectConnected('vnc');

    const second = new ConsolePage(await context.newPage());
    await second.openStandalone(namespace, 'cirros', 'vnc');
    await expect(second.status('vnc')).toHaveText('Another session has this console open.');
    await expectNoSeriousA11yViolations(second.page);
    await second.takeOver('vnc');
    await second.expectConnected('vnc');
    await expect(first.status('vnc')).toHaveText('Disconnected: Another session took over this console.');

    // Connecting again by hand respects the other session, until taken over once more.
    await first.connect('vnc');
    await expect(first.status('vnc')).toHaveText('Another session has this console open.');
    await expect(first.button('vnc', 'Take over')).toBeVisible();
  });

  test('a stopped VM says it is not running and starts from the console', async ({ page, api, namespace }) => {
    await createCirrosVm(api, namespace, 'halted', 'Halted');
    await waitForVmStatus(api, namespace, 'halted', 'Stopped');
    const console = new ConsolePage(page);
    await console.openTab(namespace, 'halted', 'vnc');
    await expect(console.status('vnc')).toHaveText(/The virtual machine is not running/);
    await console.start('vnc');
    // The console connects by itself once the VMI runs.
    await console.expectConnected('vnc');
    await expect.poll(async () => (await console.canvasPixels()).nonBackground, { timeout: 30_000 }).toBeGreaterThan(0);
  });

  test('running VMs show refreshing screen thumbnails on the details overview and the overview page', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirrosVm(api, namespace, 'cirros', 'Always');
    await waitForVmStatus(api, namespace, 'cirros', 'Running');
    const console = new ConsolePage(page);

    await new VmDetailsPage(page, namespace, 'cirros').goto();
    const thumbnail = console.thumbnail('cirros');
    const first = await console.expectThumbnailLoaded(thumbnail);
    // A new screenshot replaces it a few seconds later (a new object URL).
    await expect.poll(() => thumbnail.getAttribute('src'), { timeout: 20_000 }).not.toBe(first);
    await page.screenshot({ path: 'e2e/screenshots/console-details-thumbnail-light.png', animations: 'disabled' });
    await console.openFromThumbnail('cirros');
    await console.expectConnected('vnc');

    const overview = new OverviewPage(page);
    await overview.goto(namespace);
    // Thumbnails load while on screen: the cards above (top consumers, say) may push them below the fold.
    await overview.screens.scrollIntoViewIfNeeded();
    await console.expectThumbnailLoaded(overview.screen('cirros'));
    await page.screenshot({ path: 'e2e/screenshots/console-thumbnails-light.png', animations: 'disabled' });
  });

  test('screenshots of the VNC console in light and dark themes', async ({ page, api, namespace }) => {
    const shell = new ShellPage(page);
    const console = await openRunningVmConsole(page, api, namespace, 'cirros', { type: 'vnc' });
    await expect.poll(async () => (await console.canvasPixels()).nonBackground).toBeGreaterThan(500);
    await shell.setDarkTheme(false);
    await page.screenshot({ path: 'e2e/screenshots/console-vnc-light.png', animations: 'disabled' });
    await shell.setDarkTheme(true);
    await page.screenshot({ path: 'e2e/screenshots/console-vnc-dark.png', animations: 'disabled' });
    await console.openStandalone(namespace, 'cirros', 'vnc');
    await console.expectConnected('vnc');
    await expect.poll(async () => (await console.canvasPixels()).nonBackground).toBeGreaterThan(500);
    await page.screenshot({ path: 'e2e/screenshots/console-standalone-dark.png', animations: 'disabled' });
  });
});
