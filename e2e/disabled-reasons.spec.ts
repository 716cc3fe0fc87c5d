// Issue 17 items 4 and 14: a viewer (e2e/users.yaml, cluster-wide `view`) finds every action it
// may not use disabled, and the reason is not only a mouse tooltip: the control stays reachable
// with the keyboard and its accessible description is the reason (axe does not check this).
import { E2E_VIEWER_TOKEN, EMBEDDED, expect, test } from './fixtures/index.js';
import { tabTo } from './layout.js';
import { CreateVmPage } from './pages/create-vm.js';
import { ImportYamlPage } from './pages/import-yaml.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { VmListPage } from './pages/vm-list.js';
import { createCirros } from './vm-manifests.js';

test.describe('disabled actions as a viewer', { tag: EMBEDDED }, () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('Create virtual machine and Import YAML are disabled with the reason', async ({ page, api, namespace }) => {
    await createCirros(api, namespace, 'present');
    const reason = `You are not allowed to create virtual machines in namespace ${namespace}`;

    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.row(namespace, 'present')).toBeVisible();
    await expect(list.createButton).toHaveAttribute('aria-disabled', 'true');
    await expect(list.createButton).toHaveAccessibleDescription(reason);
    await list.filterBox.focus();
    await tabTo(page, list.createButton);
    await expect(page.getByRole('tooltip')).toHaveText(reason);
    await list.createButton.click({ force: true });
    await expect(page).toHaveURL(/\/virtualmachines(\?.*)?$/);

    const create = new CreateVmPage(page);
    await create.goto(namespace);
    await expect(create.createButton).toHaveAttribute('aria-disabled', 'true');
    await expect(create.createButton).toHaveAccessibleDescription(reason);

    const importPage = new ImportYamlPage(page);
    await importPage.goto(namespace);
    await importPage.loadSample();
    const importButton = importPage.main.getByRole('button', { name: 'Create', exact: true });
    await expect(importButton).toHaveAttribute('aria-disabled', 'true');
    await expect(importButton).toHaveAccessibleDescription(
      `You are not allowed to create VirtualMachine and Service in namespace ${namespace}`,
    );
    await importButton.click({ force: true });
    await expect(importPage.results).toBeHidden();
  });

  test('row menu, bulk actions and the details toolbar describe their disabled actions', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirros(api, namespace, 'stopped');
    const list = new VmListPage(page);
    await list.goto(namespace);

    // The kebab, with the keyboard: the disabled Start is focusable, named Start, described by why.
    const actions = list.actions(namespace, 'stopped');
    await actions.toggle.focus();
    await page.keyboard.press('Enter');
    const start = actions.item('Start');
    await expect(start).toHaveAccessibleName('Start');
    await expect(start).toHaveAccessibleDescription('You are not allowed to start virtual machines in this namespace');
    await page.keyboard.press('ArrowDown');
    await expect(start).toBeFocused();
    await expect(actions.item('Delete')).toHaveAccessibleDescription(
      'You are not allowed to delete virtual machines in this namespace',
    );
    await actions.close();

    await list.selectRow(namespace, 'stopped');
    await list.openBulkActions();
    await expect(list.bulkItem('Stop')).toHaveAccessibleName('Stop');
    await expect(list.bulkItem('Stop')).toHaveAccessibleDescription(
      'None of the selected virtual machines can stop now',
    );
    await page.keyboard.press('Escape');

    const details = new VmDetailsPage(page, namespace, 'stopped');
    await details.goto();
    const startButton = page.locator(`[id="vm-${namespace}-stopped-action-start"]`);
    await expect(startButton).toHaveAttribute('aria-disabled', 'true');
    await expect(startButton).toHaveAccessibleDescription(
      'You are not allowed to start virtual machines in this namespace',
    );
    await tabTo(page, startButton);
    await expect(page.getByRole('tooltip')).toHaveText(
      'You are not allowed to start virtual machines in this namespace',
    );
  });

  test("a VM's Services tab offers Delete service, disabled with the reason", async ({ page, api, namespace }) => {
    await createCirros(api, namespace, 'served');
    await api.create(`/api/v1/namespaces/${namespace}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'served-ssh', namespace },
      spec: { type: 'ClusterIP', selector: { 'vm.kubevirt.io/name': 'served' }, ports: [{ port: 22 }] },
    });
    const details = new VmDetailsPage(page, namespace, 'served');
    await details.goto('Services');
    await page.getByRole('button', { name: 'Actions for service served-ssh' }).click();
    const item = page.getByRole('menuitem', { name: 'Delete service' });
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toHaveAccessibleDescription(`You are not allowed to delete services in namespace ${namespace}`);
  });
});
