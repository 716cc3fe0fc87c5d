import {
  E2E_VIEWER_TOKEN,
  EMBEDDED,
  expect,
  expectNoSeriousA11yViolations,
  test,
  type KubeApi,
} from './fixtures/index.js';
import { ConsolePage } from './pages/console.js';
import { OverviewPage } from './pages/overview.js';
import { ShellPage } from './pages/shell.js';
import { VMI_ACTION_LABELS } from './pages/vmi-actions.js';
import { VmiDetailsPage } from './pages/vmi-details.js';
import { VmiListPage } from './pages/vmi-list.js';
import { createCirros, vmImageOverride, vmisPath } from './vm-manifests.js';

/** A VirtualMachineInstance of its own (no VM): CirrOS on the pod network with masquerade, so live-migratable. */
function standaloneVmi(namespace: string, name: string, labels: Record<string, string> = {}) {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name, namespace, labels },
    spec: {
      domain: {
        devices: {
          disks: [{ name: 'containerdisk', disk: { bus: 'virtio' } }],
          interfaces: [{ name: 'default', masquerade: {} }],
        },
        resources: { requests: { memory: '128Mi' } },
      },
      networks: [{ name: 'default', pod: {} }],
      terminationGracePeriodSeconds: 0,
      volumes: [
        {
          name: 'containerdisk',
          containerDisk: { image: vmImageOverride ?? 'quay.io/kubevirt/cirros-container-disk-demo:v1.6.2' },
        },
      ],
    },
  };
}

async function createVmi(
  api: KubeApi,
  namespace: string,
  name: string,
  labels?: Record<string, string>,
): Promise<void> {
  await api.create(vmisPath(namespace), standaloneVmi(namespace, name, labels));
}

const vmiUid = async (api: KubeApi, namespace: string, name: string) =>
  ((await api.get(`${vmisPath(namespace)}/${name}`).catch(() => undefined))?.metadata as { uid?: string } | undefined)
    ?.uid;

test.describe('VirtualMachine instances list', () => {
  // Two tests open the seeded vmi-ephemeral's VNC console, which takes one session at a time: run
  // this group in one worker, in order, so neither finds the other's session open.
  test.describe.configure({ mode: 'serial' });
  test('lists VMIs with and without a VM, with phase, node, IP and owner, live', async ({ page, api, namespace }) => {
    await createVmi(api, namespace, 'lonely');
    const list = new VmiListPage(page);
    await list.goto(namespace);
    await expect(list.cell(namespace, 'lonely', 'phase')).toHaveText('Running');
    await expect(list.cell(namespace, 'lonely', 'node')).toHaveText(/^node\d+$/);
    await expect(list.cell(namespace, 'lonely', 'ip')).toHaveText(/^\d+\.\d+\.\d+\.\d+/);
    await expect(list.cell(namespace, 'lonely', 'owner')).toHaveText('None');

    // A VM started now brings its VMI, owned by the VM, without a reload.
    await createCirros(api, namespace, 'owned', { runStrategy: 'Always' });
    await expect(list.cell(namespace, 'owned', 'phase')).toHaveText('Running');
    await expect(list.ownerLink(namespace, 'owned')).toHaveAttribute(
      'href',
      `/k8s/ns/${namespace}/virtualmachines/owned`,
    );
    await expectNoSeriousA11yViolations(page);

    // Long names (the test's namespace is ~40 characters too) keep every row's actions in a 1280 px window.
    const long = 'an-instance-with-a-rather-long-name-for-the-layout';
    await createVmi(api, namespace, long);
    await page.setViewportSize({ width: 1280, height: 800 });
    await list.goto();
    await expect(list.row(namespace, long)).toBeVisible();
    // (all namespaces: other tests' VMIs may push a row below the fold; the width is what counts)
    for (const name of [long, 'owned', 'lonely']) {
      await list.actions(namespace, name).toggle.scrollIntoViewIfNeeded();
      await expect(list.actions(namespace, name).toggle).toBeInViewport({ ratio: 1 });
    }
    await expect(list.nameLink(namespace, long)).toHaveAttribute('title', long);
  });

  test('each name leads to the VMI’s page: overview, owner, conditions, YAML, events', async ({
    page,
    api,
    namespace,
  }) => {
    await createVmi(api, namespace, 'lonely', { app: 'web' });
    await createCirros(api, namespace, 'owned', { runStrategy: 'Always' });
    const list = new VmiListPage(page);
    await list.goto(namespace);
    await expect(list.cell(namespace, 'lonely', 'phase')).toHaveText('Running');
    await list.nameLink(namespace, 'lonely').click();

    const details = new VmiDetailsPage(page, namespace, 'lonely');
    await expect(page).toHaveURL(`/k8s/ns/${namespace}/virtualmachineinstances/lonely`);
    await expect(details.heading).toBeVisible();
    await expect(details.status).toHaveText('Running');
    await expect(details.field('node')).toHaveText(/^node\d+$/);
    await expect(details.field('ips')).toHaveText(/^\d+\.\d+\.\d+\.\d+/);
    await expect(details.field('owner')).toHaveText('None: this instance was created on its own');
    await expect(details.field('labels')).toContainText('app=web');
    await expect(details.field('guest-os')).not.toBeEmpty();
    await expect(details.conditions.getByRole('row', { name: /^Ready True/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await details.openTab('YAML');
    await expect(page).toHaveURL(`/k8s/ns/${namespace}/virtualmachineinstances/lonely/yaml`);
    await expect(details.yamlEditor).toContainText('kind: VirtualMachineInstance');
    await expect(page.getByText('A VirtualMachine instance cannot be edited once it is created')).toBeVisible();
    await details.openTab('Events');
    await expect(details.eventsTable).toContainText('Started');

    // A VM's instance links back to its VM.
    const owned = new VmiDetailsPage(page, namespace, 'owned');
    await owned.goto();
    await expect(owned.status).toHaveText('Running');
    await expect(owned.field('owner').getByRole('link', { name: 'owned' })).toHaveAttribute(
      'href',
      `/k8s/ns/${namespace}/virtualmachines/owned`,
    );
  });

  test('filters by name, label and phase and sorts by column, kept in the URL', async ({ page, api, namespace }) => {
    await createVmi(api, namespace, 'web-a', { tier: 'front' });
    await createVmi(api, namespace, 'web-b', { tier: 'back' });
    await createVmi(api, namespace, 'db');
    // A VM that never runs: its VMI stays Pending (the image cannot be pulled).
    await createCirros(api, namespace, 'stuck', {
      runStrategy: 'Always',
      image: 'registry.unreachable.invalid/os/cirros:1',
    });
    const list = new VmiListPage(page);
    await list.goto(namespace);
    for (const name of ['web-a', 'web-b', 'db'])
      await expect(list.cell(namespace, name, 'phase')).toHaveText('Running');
    await expect(list.row(namespace, 'stuck')).toBeVisible();
    await expect(list.cell(namespace, 'stuck', 'phase')).not.toHaveText('Running');

    await list.filter('web');
    await expect.poll(() => list.rowNames()).toEqual(['web-a', 'web-b']);
    await list.filter('web tier=back');
    await expect.poll(() => list.rowNames()).toEqual(['web-b']);
    await list.filter('nothing-like-this');
    await expect(list.noMatch).toBeVisible();
    await list.filter('');
    await expect.poll(() => list.rowNames()).toEqual(['db', 'stuck', 'web-a', 'web-b']);

    await list.togglePhase('Running');
    await expect.poll(() => list.rowNames()).toEqual(['db', 'web-a', 'web-b']);
    await expect(page).toHaveURL(/[?&]status=Running(&|$)/);

    await list.sortBy('Name');
    await expect.poll(() => list.sortDirection('Name')).toBe('descending');
    await expect.poll(() => list.rowNames()).toEqual(['web-b', 'web-a', 'db']);
    await expect(page).toHaveURL(/[?&]dir=desc(&|$)/);

    // The URL reproduces the view.
    await page.reload();
    await expect.poll(() => list.rowNames()).toEqual(['web-b', 'web-a', 'db']);
    await list.sortBy('Owner');
    await expect.poll(() => list.sortDirection('Owner')).toBe('ascending');
    await expect(page).toHaveURL(/[?&]sort=owner(&|$)/);
  });

  test('pauses, unpauses and migrates from the list and the details page', async ({ page, api, namespace }) => {
    await createVmi(api, namespace, 'lonely');
    const list = new VmiListPage(page);
    await list.goto(namespace);
    await expect(list.cell(namespace, 'lonely', 'phase')).toHaveText('Running');
    const actions = list.actions(namespace, 'lonely');
    await actions.open();
    await actions.expectDisabledBecause('Unpause', 'The instance is not paused');
    await actions.close();

    await actions.run('Pause');
    await expect(list.cell(namespace, 'lonely', 'phase')).toHaveText('Paused');
    await actions.open();
    await actions.expectDisabledBecause('Pause', 'The instance is already paused');
    await actions.close();
    await actions.run('Unpause');
    await expect(list.cell(namespace, 'lonely', 'phase')).toHaveText('Running');

    const details = new VmiDetailsPage(page, namespace, 'lonely');
    await details.goto();
    const before = (await details.field('node').innerText()).trim();
    await details.runAction('Migrate');
    await expect(details.field('node')).not.toHaveText(before, { timeout: 45_000 });
    await expect(details.field('migration')).toHaveText(new RegExp(`^Completed: ${before} → node\\d+$`));
  });

  test('deletes after typing the name; a VM’s instance says the VM restarts it', async ({ page, api, namespace }) => {
    await createVmi(api, namespace, 'lonely');
    await createCirros(api, namespace, 'owned', { runStrategy: 'Always' });
    const list = new VmiListPage(page);
    await list.goto(namespace);
    await expect(list.cell(namespace, 'owned', 'phase')).toHaveText('Running');
    const firstUid = await vmiUid(api, namespace, 'owned');

    await list.actions(namespace, 'owned').run('Delete');
    const dialog = list.deleteDialog();
    await expect(dialog.dialog).toContainText(
      'VirtualMachine owned has run strategy Always: it starts a new instance at once, so deleting this one restarts the virtual machine.',
    );
    await dialog.confirm('owned');
    // The VM starts a new instance: another uid, Running again.
    await expect.poll(() => vmiUid(api, namespace, 'owned'), { timeout: 30_000 }).not.toBe(firstUid);
    await expect(list.cell(namespace, 'owned', 'phase')).toHaveText('Running', { timeout: 30_000 });

    const details = new VmiDetailsPage(page, namespace, 'lonely');
    await details.goto();
    await details.runAction('Delete');
    await expect(details.deleteDialog().dialog).toContainText(
      'lonely belongs to no VirtualMachine: its guest stops and nothing starts it again.',
    );
    await details.deleteDialog().confirm('lonely');
    await expect(page).toHaveURL(`/k8s/ns/${namespace}/virtualmachineinstances`);
    await expect(list.row(namespace, 'lonely')).toBeHidden();
  });

  // @embedded: the seeded standalone VMI (default/vmi-ephemeral) and its simulated guest.
  test('opens the consoles of the seeded standalone VMI from its page', { tag: EMBEDDED }, async ({ page }) => {
    const list = new VmiListPage(page);
    await list.goto('default');
    await expect(list.cell('default', 'vmi-ephemeral', 'owner')).toHaveText('None');
    await list.nameLink('default', 'vmi-ephemeral').click();
    const details = new VmiDetailsPage(page, 'default', 'vmi-ephemeral');
    await details.openTab('Console');
    const console = new ConsolePage(page);
    await expect(console.vnc).toBeVisible();
    await console.expectConnected('vnc');
    await console.switchType('serial');
    await console.expectConnected('serial');
    await expect(page).toHaveURL('/k8s/ns/default/virtualmachineinstances/vmi-ephemeral/console?type=serial');

    // The Overview's screen of the VMI leads to the same page, in the shell (not a bare console).
    const overview = new OverviewPage(page);
    await overview.goto('default');
    await overview.screens.getByRole('link', { name: 'vmi-ephemeral', exact: true }).click();
    await expect(page).toHaveURL('/k8s/ns/default/virtualmachineinstances/vmi-ephemeral/console?type=vnc');
    await expect(details.heading).toBeVisible();
    await console.expectConnected('vnc');
  });

  // @embedded: the seed data.
  test('screenshots of the list and a VMI’s page, light and dark', { tag: EMBEDDED }, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const shell = new ShellPage(page);
    const list = new VmiListPage(page);
    const details = new VmiDetailsPage(page, 'default', 'vmi-ephemeral');
    for (const dark of [false, true]) {
      const theme = dark ? 'dark' : 'light';
      await list.goto();
      await shell.setDarkTheme(dark);
      await expect(list.cell('demo', 'fedora-web', 'phase')).toHaveText('Running');
      // At 1280 px every row's actions stay reachable (the actions column sticks to the right);
      // other tests' VMIs may push the row below the fold.
      await list.actions('demo', 'fedora-web').toggle.scrollIntoViewIfNeeded();
      await expect(list.actions('demo', 'fedora-web').toggle).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: `e2e/screenshots/vmi-list-${theme}.png`, animations: 'disabled' });
      await details.goto();
      await expect(details.status).toHaveText('Running');
      await page.screenshot({ path: `e2e/screenshots/vmi-details-${theme}.png`, animations: 'disabled' });
      await details.openTab('Console');
      const console = new ConsolePage(page);
      await console.expectConnected('vnc');
      await expect
        .poll(async () => (await console.canvasPixels()).nonBackground, { message: 'the guest screen shows something' })
        .toBeGreaterThan(0);
      await page.screenshot({ path: `e2e/screenshots/vmi-details-console-${theme}.png`, animations: 'disabled' });
    }
    await shell.setDarkTheme(false);
  });
});

// The page acts as e2e/users.yaml's viewer (cluster-wide `view`); the api fixture stays the admin.
// @embedded: the viewer's token is one of e2e/users.yaml.
test.describe('VirtualMachine instances as a viewer', { tag: EMBEDDED }, () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('every action is disabled with the missing permission, in the menu and on the page', async ({
    page,
    api,
    namespace,
  }) => {
    await createVmi(api, namespace, 'look-only');
    const list = new VmiListPage(page);
    await list.goto(namespace);
    await expect(list.cell(namespace, 'look-only', 'phase')).toHaveText('Running');
    const reasons: Record<string, string> = {
      Pause: 'You are not allowed to pause VirtualMachine instances in this namespace',
      Unpause: 'You are not allowed to unpause VirtualMachine instances in this namespace',
      Migrate:
        'You are not allowed to migrate VirtualMachine instances (create VirtualMachineInstanceMigrations) in this namespace',
      Delete: 'You are not allowed to delete VirtualMachine instances in this namespace',
    };
    const actions = list.actions(namespace, 'look-only');
    await actions.open();
    for (const label of VMI_ACTION_LABELS) await actions.expectDisabledBecause(label, reasons[label]);
    await actions.close();

    const details = new VmiDetailsPage(page, namespace, 'look-only');
    await details.goto();
    for (const label of VMI_ACTION_LABELS) {
      // The reason is the button's accessible description: keyboard and screen-reader users get it too.
      await expect(details.actionButton(label)).toBeDisabled();
      await expect(details.actionButton(label)).toHaveAccessibleDescription(reasons[label]);
    }
    await details.actionButton('Delete').focus();
    await expect(page.getByRole('tooltip')).toHaveText(reasons.Delete);
  });
});
