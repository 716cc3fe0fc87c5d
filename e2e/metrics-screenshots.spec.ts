/**
 * Screenshots to look at (e2e/screenshots/ is not committed), at 1280x800 in both themes: the
 * Overview's top consumers (a busy VM and a standalone VMI), a VM overview's Guest card with a
 * logged-in user, the Migrations page with a finished migration, and the VM Configuration tab.
 * @embedded: the embedded cluster's Prometheus endpoint, simulated guests and their agent.
 */
import { EMBEDDED, expect, METRICS_NEED_EMBEDDED, skipOnRealStack, test } from './fixtures/index.js';
import { ConsolePage } from './pages/console.js';
import { GuestCard, MigrationsPage, TopConsumersCard } from './pages/metrics.js';
import { OverviewPage } from './pages/overview.js';
import { ShellPage } from './pages/shell.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { cirrosVm, createCirros, vmisPath, waitForVmStatus } from './vm-manifests.js';

const THEMES = [
  ['light', false],
  ['dark', true],
] as const;

test.use({ viewport: { width: 1280, height: 800 } });

test.describe('metrics pages screenshots', { tag: ['@screenshots', EMBEDDED] }, () => {
  skipOnRealStack(METRICS_NEED_EMBEDDED);
  test.slow();

  test('top consumers, the Guest card, Migrations and the Configuration tab', async ({ page, api, namespace }) => {
    const name = 'busy-vm';
    await createCirros(api, namespace, name, {
      runStrategy: 'Always',
      migratable: true,
      image: 'quay.io/containerdisks/fedora:41',
    });
    await createCirros(api, namespace, 'quiet-vm', { runStrategy: 'Always' });
    await api.create(vmisPath(namespace), {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstance',
      metadata: { name: 'lone-vmi', namespace },
      spec: cirrosVm(namespace, 'lone-vmi').spec.template.spec,
    });
    await waitForVmStatus(api, namespace, name, 'Running');

    const console = new ConsolePage(page);
    await console.openTab(namespace, name, 'serial');
    await console.expectConnected('serial');
    await console.logInOnSerial({
      host: name,
      user: 'fedora',
      password: 'fedora',
      prompt: new RegExp(`fedora@${name}.*\\$`),
    });
    await console.typeInTerminal('yes > /dev/null &\n');

    const shell = new ShellPage(page);
    const overview = new OverviewPage(page);
    const top = new TopConsumersCard(page);
    await overview.goto(namespace);
    await expect
      .poll(async () => (await top.names('CPU'))[0], { timeout: 120_000, message: `${name} tops the CPU list` })
      .toBe(name);
    await expect.poll(async () => (await top.names('Memory')).length, { timeout: 60_000 }).toBe(3);
    for (const [theme, dark] of THEMES) {
      await shell.setDarkTheme(dark);
      await top.card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `e2e/screenshots/overview-top-consumers-${theme}.png`, animations: 'disabled' });
    }

    const details = new VmDetailsPage(page, namespace, name);
    await details.goto();
    const guest = new GuestCard(page);
    await expect(guest.users.getByRole('row').filter({ hasText: 'fedora' })).toBeVisible({ timeout: 60_000 });
    for (const [theme, dark] of THEMES) {
      await shell.setDarkTheme(dark);
      await guest.card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `e2e/screenshots/vm-overview-guest-${theme}.png`, animations: 'disabled' });
    }

    await details.openTab('Configuration');
    await expect(page.getByRole('heading', { name: 'Boot order' })).toBeVisible();
    for (const [theme, dark] of THEMES) {
      await shell.setDarkTheme(dark);
      await page.screenshot({ path: `e2e/screenshots/vm-configuration-${theme}.png`, animations: 'disabled' });
      await page.getByRole('heading', { name: 'Cloud-init' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `e2e/screenshots/vm-configuration-end-${theme}.png`, animations: 'disabled' });
    }

    await details.openTab('Overview');
    await expect(details.actionButton('Migrate')).not.toHaveAttribute('aria-disabled', 'true');
    await details.runAction('Migrate');
    const migrations = new MigrationsPage(page);
    await migrations.open();
    const row = migrations.rowsOf(name);
    await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100', { timeout: 90_000 });
    await expect(row).toContainText('Succeeded');
    for (const [theme, dark] of THEMES) {
      await shell.setDarkTheme(dark);
      await page.screenshot({ path: `e2e/screenshots/migrations-${theme}.png`, animations: 'disabled' });
    }
    await shell.setDarkTheme(false);
  });
});
