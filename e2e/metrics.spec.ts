/**
 * Issue 24 in the console: a VM's utilization charts follow a load started in its guest, the guest
 * agent's view (users, file systems), and a live migration watched to completion on the Migrations
 * page. Needs the embedded cluster: its Prometheus endpoint, its simulated guest's shell (`yes`
 * burns a vCPU) and its guest agent.
 */
import {
  EMBEDDED,
  expect,
  expectNoSeriousA11yViolations,
  METRICS_NEED_EMBEDDED,
  skipOnRealStack,
  test,
} from './fixtures/index.js';
import { ConsolePage } from './pages/console.js';
import { GuestCard, MigrationsPage, TopConsumersCard, UtilizationCard } from './pages/metrics.js';
import { OverviewPage } from './pages/overview.js';
import { VmiDetailsPage } from './pages/vmi-details.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { cirrosVm, createCirros, vmisPath, waitForVmStatus } from './vm-manifests.js';

/** A Fedora guest (its image ships the guest agent; login fedora/fedora), live-migratable. */
async function runningFedora(api: Parameters<typeof createCirros>[0], namespace: string, name: string) {
  await createCirros(api, namespace, name, {
    runStrategy: 'Always',
    migratable: true,
    image: 'quay.io/containerdisks/fedora:41',
  });
  await waitForVmStatus(api, namespace, name, 'Running');
}

test.describe('metrics, guest details and migrations', { tag: EMBEDDED }, () => {
  skipOnRealStack(METRICS_NEED_EMBEDDED);
  // A guest boots, a rate over a minute's window climbs, a migration copies memory: more than the default minute.
  test.slow();

  test('a load in the guest raises its CPU chart; its users and file systems show', async ({
    page,
    context,
    api,
    namespace,
  }) => {
    const name = 'busy-vm';
    await runningFedora(api, namespace, name);
    const details = new VmDetailsPage(page, namespace, name);
    await details.goto();
    const utilization = new UtilizationCard(page);
    const guest = new GuestCard(page);

    // The guest agent's view: the OS, nobody logged in yet, the file systems with their usage.
    await expect(guest.detail('Operating system')).toContainText('Fedora');
    await expect(guest.detail('Hostname')).toHaveText(name);
    await expect(guest.noUsers).toBeVisible();
    const root = guest.fileSystem('/');
    await expect(root).toBeVisible();
    await expect(root.getByRole('gridcell').nth(3)).toHaveText(/^\d.* of \d/);
    const rootUsage = root.getByRole('progressbar', { name: '/ usage' });
    await expect(rootUsage).toBeVisible();
    expect(Number(await rootUsage.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await expect(root.getByRole('gridcell').nth(4)).toHaveText(/^\d{1,3}%$/);
    // Every chart draws, and its table says the same.
    await expect(utilization.chart('CPU')).toBeVisible({ timeout: 60_000 });
    await expect(utilization.table('CPU').locator('tbody tr').first()).toBeAttached();
    await expectNoSeriousA11yViolations(page);
    const idle = (await utilization.latest('CPU')) ?? 0;

    // In another tab, log in on the serial console and burn a vCPU in the background; the overview
    // stays open in the first tab.
    const consoleTab = await context.newPage();
    const console = new ConsolePage(consoleTab);
    await console.openStandalone(namespace, name, 'serial');
    await console.expectConnected('serial');
    await console.logInOnSerial({
      host: name,
      user: 'fedora',
      password: 'fedora',
      prompt: new RegExp(`fedora@${name}.*\\$`),
    });
    await console.typeInTerminal('yes > /dev/null &\n');

    // The overview, never reloaded, follows: the logged-in user appears (the guest agent's userlist,
    // polled while shown) and the CPU chart rises (read from its accessible table).
    const user = guest.users.getByRole('row').filter({ hasText: 'fedora' });
    await expect(user).toBeVisible({ timeout: 90_000 });
    await expect(user.getByRole('gridcell').nth(2)).not.toHaveText('-');
    await expect(guest.noUsers).toBeHidden();
    await expect
      .poll(async () => (await utilization.latest('CPU')) ?? 0, {
        timeout: 120_000,
        message: 'the CPU chart rises above its idle value',
      })
      .toBeGreaterThan(idle + 0.4);

    // Logging out empties the users again.
    await console.typeInTerminal('exit\n');
    await expect(guest.noUsers).toBeVisible({ timeout: 90_000 });
    await consoleTab.close();

    // The tables can be shown instead of the charts.
    await utilization.showTables();
    await expect(utilization.table('CPU')).toBeVisible();
    await expect(utilization.chart('CPU')).toBeHidden();
  });

  test('the busiest VM tops the CPU consumers, linked to its VM; a standalone VMI links to its VMI', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirros(api, namespace, 'quiet-vm', { runStrategy: 'Always' });
    await createCirros(api, namespace, 'busy-vm', { runStrategy: 'Always' });
    // A VMI with no VM (as `kubectl create` of a VirtualMachineInstance makes one).
    const template = cirrosVm(namespace, 'lone-vmi').spec.template;
    await api.create(vmisPath(namespace), {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstance',
      metadata: { name: 'lone-vmi', namespace },
      spec: template.spec,
    });
    await waitForVmStatus(api, namespace, 'quiet-vm', 'Running');
    await waitForVmStatus(api, namespace, 'busy-vm', 'Running');

    // Burn a vCPU in busy-vm's guest.
    const console = new ConsolePage(page);
    await console.openTab(namespace, 'busy-vm', 'serial');
    await console.expectConnected('serial');
    await console.logInOnSerial({ host: 'busy-vm', user: 'cirros', password: 'gocubsgo', prompt: /^\$$/m });
    await console.typeInTerminal('yes > /dev/null &\n');

    const overview = new OverviewPage(page);
    await overview.goto(namespace);
    const top = new TopConsumersCard(page);
    await expect(top.card).toContainText(`Top consumers in ${namespace}`);
    // All three run, so all three are listed; the busy one comes to the top (the card refreshes itself).
    await expect
      .poll(async () => (await top.names('Memory')).sort(), { timeout: 60_000 })
      .toEqual(['busy-vm', 'lone-vmi', 'quiet-vm']);
    await expect
      .poll(async () => (await top.names('CPU'))[0], { timeout: 120_000, message: 'busy-vm tops the CPU list' })
      .toBe('busy-vm');
    // By what the load adds, not by a tie (busy-vm also sorts first by name): several times the others.
    await expect
      .poll(
        async () =>
          (await top.value('CPU', 'busy-vm')) /
          Math.max(await top.value('CPU', 'quiet-vm'), await top.value('CPU', 'lone-vmi'), 1e-6),
        { timeout: 120_000, message: 'busy-vm uses several times the CPU of the others' },
      )
      .toBeGreaterThan(5);
    await expectNoSeriousA11yViolations(page);

    // The standalone VMI is marked and links to its own page; the busy VM's link opens the VM.
    const lone = top.row('CPU', 'lone-vmi');
    await expect(lone.getByText('VMI', { exact: true })).toBeVisible();
    await expect(lone.getByRole('link')).toHaveAttribute(
      'href',
      `/k8s/ns/${namespace}/virtualmachineinstances/lone-vmi`,
    );
    await expect(top.row('CPU', 'busy-vm').getByText('VMI', { exact: true })).toBeHidden();
    await top.row('CPU', 'busy-vm').getByRole('link').click();
    const vm = new VmDetailsPage(page, namespace, 'busy-vm');
    await expect(vm.heading).toBeVisible();
    await page.goBack();
    await top.row('CPU', 'lone-vmi').getByRole('link').click();
    const vmi = new VmiDetailsPage(page, namespace, 'lone-vmi');
    await expect(vmi.heading).toBeVisible();
    await expect(page.getByRole('heading', { name: /not found/i })).toBeHidden();
  });

  test('a migration is watched to completion on the Migrations page', async ({ page, api, namespace }) => {
    const name = 'moving-vm';
    await runningFedora(api, namespace, name);
    const details = new VmDetailsPage(page, namespace, name);
    await details.goto();
    // Migrate is usable once the VMI says it is live-migratable.
    await expect(details.actionButton('Migrate')).not.toHaveAttribute('aria-disabled', 'true');
    await details.runAction('Migrate');

    const migrations = new MigrationsPage(page);
    await migrations.open();
    const row = migrations.rowsOf(name);
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100', { timeout: 90_000 });
    await expect(row).toContainText('Succeeded');
    const migration = (await row.getAttribute('id'))!.replace(`migration-${namespace}-`, '').replace(/-row$/, '');
    await expect(migrations.cell(namespace, migration, 'source')).not.toHaveText('-');
    await expect(migrations.cell(namespace, migration, 'target')).not.toHaveText('-');
    await expect(migrations.cell(namespace, migration, 'policy')).toContainText('Cluster settings');
    await expect(migrations.cancelButton(migration)).toHaveAttribute('aria-disabled', 'true');
    await expectNoSeriousA11yViolations(page);
  });
});
