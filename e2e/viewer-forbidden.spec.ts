// A viewer acts with their own token through the console's proxy: they list what the cluster lets
// them see, and a change the cluster refuses shows the cluster's 403 message in the UI, while
// nothing changes. (The users and tokens are the embedded cluster's: e2e/users.yaml.)
import { E2E_VIEWER_TOKEN, embeddedCluster, expect, test } from './fixtures/index.js';
import { ServicesPage } from './pages/services.js';
import { VmListPage } from './pages/vm-list.js';
import { createCirros } from './vm-manifests.js';

test.describe('a viewer @embedded', () => {
  test.skip(!embeddedCluster, 'needs the users of e2e/users.yaml');
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('lists VMs and Services, and sees the 403 when deleting a Service', async ({ page, api, namespace }) => {
    await createCirros(api, namespace, 'watched');
    await api.create(`/api/v1/namespaces/${namespace}/services`, {
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'watched-ssh', namespace },
      spec: { type: 'ClusterIP', selector: { 'vmi.kubevirt.io/id': 'watched' }, ports: [{ port: 22, targetPort: 22 }] },
    });

    const vms = new VmListPage(page);
    await vms.goto(namespace);
    await expect(vms.row(namespace, 'watched')).toBeVisible();

    const services = new ServicesPage(page);
    await services.goto(namespace);
    const row = services.row(namespace, 'watched-ssh');
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Actions for service watched-ssh' }).click();
    await page.getByRole('menuitem', { name: 'Delete service' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete service watched-ssh?' });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      'services "watched-ssh" is forbidden: User "e2e-viewer" cannot delete resource "services" in API group "" in the namespace',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toBeVisible();
    expect((await api.get(`/api/v1/namespaces/${namespace}/services/watched-ssh`)).metadata?.name).toBe('watched-ssh');
  });
});
