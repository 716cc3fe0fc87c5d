import { E2E_VIEWER_TOKEN, EMBEDDED, expect, test } from './fixtures/index.js';
import { VM_ACTION_LABELS } from './pages/vm-actions.js';
import { VmListPage } from './pages/vm-list.js';
import { createCirros } from './vm-manifests.js';

// The e2e server runs with e2e/users.yaml: the page acts as its viewer (cluster-wide `view`),
// while the api fixture keeps acting as the admin for set-up.
// @embedded: the viewer's token is one of e2e/users.yaml.
test.describe('virtual machines list as a viewer', { tag: EMBEDDED }, () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('shows every action disabled with the reason, and no bulk action applies', async ({ page, api, namespace }) => {
    await createCirros(api, namespace, 'look-only');
    await createCirros(api, namespace, 'running', { runStrategy: 'Always' });
    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.status(namespace, 'running')).toHaveText('Running');

    for (const name of ['look-only', 'running']) {
      const actions = list.actions(namespace, name);
      await actions.open();
      for (const label of VM_ACTION_LABELS) {
        const what =
          label === 'Take snapshot'
            ? 'create virtual machine snapshots'
            : label === 'Clone'
              ? 'create virtual machine clones'
              : `${label.toLowerCase()} virtual machines`;
        await actions.expectDisabledBecause(label, `You are not allowed to ${what} in this namespace`);
      }
      await actions.close();
    }

    await list.selectRow(namespace, 'running');
    await list.openBulkActions();
    const stop = list.bulkItem('Stop');
    await expect(stop).toBeDisabled();
    await expect(stop).toContainText('None of the selected virtual machines can stop now');
  });
});
