// A viewer acts with their own token through the console's proxy: they list what the cluster lets
// them see, and what the cluster would refuse (a SelfSubjectAccessReview says so) is offered
// disabled with the reason, while nothing changes. (The users and tokens are the embedded
// cluster's: e2e/users.yaml.)
import { E2E_VIEWER_TOKEN, EMBEDDED, expect, test } from './fixtures/index.js';
import { ServicesPage } from './pages/services.js';
import { VmListPage } from './pages/vm-list.js';
import { createCirros } from './vm-manifests.js';

test.describe('a viewer', { tag: EMBEDDED }, () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('lists VMs and Services, and finds Delete service disabled with the reason', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirros(api, namespace, 'watched');
    await api.create(`/api/v1/namespaces/${namespace}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
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
    const item = page.getByRole('menuitem', { name: 'Delete service' });
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toHaveAccessibleDescription(`You are not allowed to delete services in namespace ${namespace}`);
    await item.click({ force: true });
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(row).toBeVisible();
    expect((await api.get(`/api/v1/namespaces/${namespace}/services/watched-ssh`)).metadata?.name).toBe('watched-ssh');
  });
});
