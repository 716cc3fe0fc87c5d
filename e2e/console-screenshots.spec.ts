// Screenshots of the consoles at 1280x800 in both themes, to look at (e2e/screenshots/ is not
// committed): connected VNC and serial tabs, the standalone page, a console handed over to a new
// tab, an unschedulable VM, and a viewer's refusal. @embedded: the seeded demo/big-database.
import { E2E_VIEWER_TOKEN, EMBEDDED, expect, test } from './fixtures/index.js';
import { ConsolePage, createCirrosVm, waitForVmStatus } from './pages/console.js';
import { ShellPage } from './pages/shell.js';

const THEMES = [false, true] as const;
const shot = (name: string, dark: boolean) => ({
  path: `e2e/screenshots/console-${name}-${dark ? 'dark' : 'light'}-1280.png`,
  animations: 'disabled' as const,
});

test.use({ viewport: { width: 1280, height: 800 } });

test(
  'consoles at 1280x800 in light and dark themes',
  { tag: ['@screenshots', EMBEDDED] },
  async ({ page, api, namespace }) => {
    test.setTimeout(180_000);
    await createCirrosVm(api, namespace, 'cirros', 'Always');
    await waitForVmStatus(api, namespace, 'cirros', 'Running');
    const shell = new ShellPage(page);
    const console = new ConsolePage(page);
    for (const dark of THEMES) {
      await console.openTab(namespace, 'cirros', 'vnc');
      await shell.setDarkTheme(dark);
      await console.expectConnected('vnc');
      await expect.poll(async () => (await console.canvasPixels()).nonBackground).toBeGreaterThan(500);
      await page.screenshot(shot('vnc-tab', dark));
      await console.switchType('serial');
      await console.expectConnected('serial');
      await console.typeInTerminal('\n');
      await console.expectTerminalText(/cirros login:/);
      await page.screenshot(shot('serial-tab', dark));

      const tab = new ConsolePage(await console.openInNewTab());
      await tab.expectConnected('serial');
      await expect(console.status('serial')).toHaveText('Disconnected: The console moved to another tab.');
      await page.screenshot(shot('handed-over', dark));
      await tab.page.setViewportSize({ width: 1280, height: 800 });
      await tab.page.screenshot(shot('standalone-serial', dark));
      await tab.page.close();

      await console.openTab('demo', 'big-database', 'vnc');
      await expect(console.statusDetail('vnc')).toContainText('ErrorUnschedulable');
      await page.screenshot(shot('unschedulable', dark));
    }
  },
);

test.describe('as a viewer', () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test(
    'a refused console at 1280x800 in light and dark themes',
    { tag: ['@screenshots', EMBEDDED] },
    async ({ page }) => {
      const shell = new ShellPage(page);
      const console = new ConsolePage(page);
      for (const dark of THEMES) {
        await console.openTab('demo', 'fedora-web', 'vnc');
        await shell.setDarkTheme(dark);
        await expect(console.status('vnc')).toHaveText(/^You may not open/);
        await page.screenshot(shot('forbidden', dark));
      }
    },
  );
});
