import { E2E_VIEWER_TOKEN, EMBEDDED, expect, test, type KubeApi } from './fixtures/index.js';
import { ConsolePage } from './pages/console.js';
import { ImportYamlPage } from './pages/import-yaml.js';
import { SnapshotsTab, TakeSnapshotDialog } from './pages/snapshots.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { VmListPage } from './pages/vm-list.js';
import { createCirros, snapshottableVm, vmsPath, waitForVmStatus } from './vm-manifests.js';

/** A running VM whose disk can be snapshotted (see snapshottableVm). */
async function createSnapshottableVm(api: KubeApi, namespace: string, name: string): Promise<void> {
  await api.create(vmsPath(namespace), snapshottableVm(namespace, name));
  await waitForVmStatus(api, namespace, name, 'Running', 120_000);
}

/** Logs in on the serial console of a running VM (Alpine's default user). */
async function serialLogin(console: ConsolePage, name: string): Promise<void> {
  await console.expectConnected('serial');
  await console.logInOnSerial({
    host: name,
    user: 'alpine',
    password: 'alpine',
    prompt: /\$ ?$/m,
    loginTimeout: 60_000,
  });
}

// @embedded: the simulated guest's shell (files on the PVC-backed disk) and its Alpine login.
test.describe('snapshots, restore and clone', { tag: EMBEDDED }, () => {
  test('snapshot a running VM, write a file, restore the snapshot: the file is gone', async ({
    page,
    api,
    namespace,
  }) => {
    test.setTimeout(420_000);
    await createSnapshottableVm(api, namespace, 'snap-vm');
    const details = new VmDetailsPage(page, namespace, 'snap-vm');
    await details.goto('Snapshots');
    const tab = new SnapshotsTab(page, namespace, 'snap-vm');
    await expect(tab.emptyState).toBeVisible();

    // The dialog says what it takes before it is sent: the DataVolume disk, online.
    await details.runAction('Take snapshot');
    const dialog = new TakeSnapshotDialog(page);
    await expect(dialog.includedDisks).toContainText('datavolumedisk1');
    await expect(dialog.onlineNote).toContainText(/Online snapshot/);
    const snapshot = await dialog.take('before-marker');
    await dialog.expectReady(snapshot);
    await dialog.close();
    await expect(tab.status(snapshot)).toContainText('Ready');
    await expect(tab.row(snapshot)).toContainText('Online');

    // A file written after the snapshot...
    const console = new ConsolePage(page);
    await console.openTab(namespace, 'snap-vm', 'serial');
    await serialLogin(console, 'snap-vm');
    await console.typeInTerminal('echo written-after-snapshot > marker\n');
    await console.typeInTerminal('sync\n');
    await console.typeInTerminal('cat marker\n');
    await console.expectTerminalText(/^written-after-snapshot$/m);

    // ...is gone once the snapshot is restored (the dialog stops the VM first).
    await details.goto('Snapshots');
    const restore = await tab.openRestore(snapshot);
    await restore.restoreOntoVm('snap-vm');
    await restore.close();
    await expect(tab.row(snapshot)).toContainText(/snap-vm: restored/);

    const status = await details.status.textContent();
    if (!/Running|Starting/.test(status ?? '')) await details.runAction('Start');
    await waitForVmStatus(api, namespace, 'snap-vm', 'Running', 120_000);
    await console.openTab(namespace, 'snap-vm', 'serial');
    await serialLogin(console, 'snap-vm');
    await console.typeInTerminal('cat marker\n');
    await console.expectTerminalText(/cat: (can't open ')?marker'?: No such file or directory/);

    // Delete it from the tab (select, then confirm).
    await details.goto('Snapshots');
    await tab.select(snapshot);
    await tab.deleteSelected();
    await expect(tab.emptyState).toBeVisible({ timeout: 60_000 });
  });

  test("a VirtualMachineSnapshot from Import YAML links to its VM's Snapshots tab, where it shows live", async ({
    page,
    api,
    namespace,
  }) => {
    await createCirros(api, namespace, 'imported');
    const importPage = new ImportYamlPage(page);
    await importPage.goto(namespace);
    await importPage.paste(
      [
        'apiVersion: snapshot.kubevirt.io/v1beta1',
        'kind: VirtualMachineSnapshot',
        'metadata:',
        '  name: from-yaml',
        'spec:',
        '  source:',
        '    apiGroup: kubevirt.io',
        '    kind: VirtualMachine',
        '    name: imported',
        '',
      ].join('\n'),
    );
    await importPage.create();
    await importPage.openResult(`VirtualMachineSnapshot ${namespace}/from-yaml`);
    const tab = new SnapshotsTab(page, namespace, 'imported');
    await expect(page).toHaveURL(new RegExp(`/virtualmachines/imported/snapshots$`));
    // A VM with only a container disk: KubeVirt snapshots its definition, with no volume.
    await expect(tab.status('from-yaml')).toContainText('Ready', { timeout: 60_000 });
  });
});

// @embedded: container-disk VMs, whose snapshots hold only their definition (no volume).
test.describe('bulk snapshot and restore to a new VM', { tag: EMBEDDED }, () => {
  test('snapshot two VMs from the list at once, then restore one into a new VM', async ({ page, api, namespace }) => {
    test.setTimeout(180_000);
    await createCirros(api, namespace, 'alpha', { labels: { app: 'alpha' } });
    await createCirros(api, namespace, 'beta');
    const list = new VmListPage(page);
    await list.goto(namespace);
    await list.selectRow(namespace, 'alpha');
    await list.selectRow(namespace, 'beta');
    await list.bulk('Take snapshot');

    // One snapshot per selected VM, each of its own source, with a generated name.
    const snapshotsOf = async () => {
      const items = (
        await api.get(`/apis/snapshot.kubevirt.io/v1beta1/namespaces/${namespace}/virtualmachinesnapshots`)
      ).items as { metadata: { name: string }; spec: { source: { name: string } } }[];
      return items.map((s) => ({ vm: s.spec.source.name, name: s.metadata.name }));
    };
    await expect
      .poll(async () => (await snapshotsOf()).map((s) => s.vm).sort(), { timeout: 30_000 })
      .toEqual(['alpha', 'beta']);
    const alphaSnapshot = (await snapshotsOf()).find((s) => s.vm === 'alpha')!.name;

    const details = new VmDetailsPage(page, namespace, 'alpha');
    await details.goto('Snapshots');
    const tab = new SnapshotsTab(page, namespace, 'alpha');
    await expect(tab.status(alphaSnapshot)).toContainText('Ready', { timeout: 60_000 });
    const restore = await tab.openRestore(alphaSnapshot);
    await restore.restoreToNewVm('alpha-restored');
    await restore.targetLink.click();
    const restored = new VmDetailsPage(page, namespace, 'alpha-restored');
    await expect(restored.heading).toBeVisible();
    await expect(restored.overviewField('labels')).toContainText('app=alpha');
  });
});

// @embedded: the viewer's token is one of e2e/users.yaml.
test.describe('snapshots as a viewer', { tag: EMBEDDED }, () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('cannot take a snapshot: the action and the tab say why', async ({ page, api, namespace }) => {
    await createCirros(api, namespace, 'watched');
    const details = new VmDetailsPage(page, namespace, 'watched');
    await details.goto('Snapshots');
    const reason = 'You are not allowed to create virtual machine snapshots in this namespace';
    await expect(details.actionButton('Take snapshot')).toHaveAttribute('aria-disabled', 'true');
    await expect(details.actionButton('Take snapshot')).toHaveAccessibleDescription(reason);
    const tab = new SnapshotsTab(page, namespace, 'watched');
    await expect(tab.takeButton).toHaveAttribute('aria-disabled', 'true');
    await expect(tab.takeButton).toHaveAccessibleDescription(reason);
    await tab.takeButton.click({ force: true });
    await expect(page.getByRole('dialog', { name: 'Take snapshot' })).toBeHidden();
    await expect(details.actionButton('Clone')).toHaveAccessibleDescription(
      'You are not allowed to create virtual machine clones in this namespace',
    );
  });
});
