import { EMBEDDED, expect, expectNoSeriousA11yViolations, test } from './fixtures/index.js';
import { OverviewPage } from './pages/overview.js';
import { ShellPage } from './pages/shell.js';
import { VmListPage } from './pages/vm-list.js';
import { createCirros } from './vm-manifests.js';

test.describe('overview', () => {
  test('counts VMs by status live, links to the filtered list, shows nodes with their VMs', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirros(api, namespace, 'stopped-1');
    await createCirros(api, namespace, 'stopped-2');
    const overview = new OverviewPage(page);
    await overview.goto(namespace);
    await expect(overview.statusCount('Stopped')).toHaveText('2');
    await expect(overview.total('vms')).toHaveText('2');
    await expect(overview.statusCount('Running')).toBeHidden();

    // Live: a running VM shows up in the counts and on its node.
    await createCirros(api, namespace, 'runner', { runStrategy: 'Always' });
    await expect(overview.statusCount('Running')).toHaveText('1');
    await expect(overview.nodesTable.getByRole('link', { name: 'runner' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await overview.openStatus('Stopped');
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines\\?status=Stopped$`));
    const list = new VmListPage(page);
    await expect.poll(() => list.rowNames()).toEqual(['stopped-1', 'stopped-2']);
  });

  // @embedded: the embedded cluster's fault injection (a `.invalid` registry cannot be pulled).
  test(
    'a VM whose image cannot be pulled shows up in the warnings',
    { tag: EMBEDDED },
    async ({ page, api, namespace }) => {
      await createCirros(api, namespace, 'broken', {
        runStrategy: 'Always',
        image: 'registry.unreachable.invalid/nothing:latest',
      });
      const overview = new OverviewPage(page);
      await overview.goto(namespace);
      await expect(overview.warning('broken')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    },
  );

  // @embedded: the seed data.
  test('screenshots of the seeded cluster, light and dark', { tag: EMBEDDED }, async ({ page }) => {
    const shell = new ShellPage(page);
    const overview = new OverviewPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await overview.goto();
    await expect(overview.statusCount('Running')).toBeVisible();
    await expect(overview.nodesTable).toBeVisible();
    await shell.setDarkTheme(false);
    await page.screenshot({ path: 'e2e/screenshots/overview-light.png', animations: 'disabled', fullPage: true });
    await shell.setDarkTheme(true);
    await page.screenshot({ path: 'e2e/screenshots/overview-dark.png', animations: 'disabled', fullPage: true });
    await shell.setDarkTheme(false);
  });
});
