// Issue 17 item 13: a VM's Services tab deletes a Service as the Services page does (one shared
// menu and dialog): confirmed first, then gone from the tab and from the cluster.
import { KubeApiError, expect, test } from './fixtures/index.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { DeleteServiceDialog } from './pages/services.js';
import { createCirros } from './vm-manifests.js';

test("deletes a Service from the VM's Services tab after confirming", async ({ page, api, namespace }) => {
  await createCirros(api, namespace, 'web');
  for (const name of ['web-http', 'web-ssh']) {
    await api.create(`/api/v1/namespaces/${namespace}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace },
      spec: {
        type: 'ClusterIP',
        selector: { 'vm.kubevirt.io/name': 'web' },
        ports: [{ port: name === 'web-ssh' ? 22 : 80 }],
      },
    });
  }
  const details = new VmDetailsPage(page, namespace, 'web');
  await details.goto('Services');
  const row = (name: string) => details.servicesTable.locator(`[id="service-${namespace}-${name}"]`);
  await expect(row('web-ssh')).toBeVisible();

  await row('web-ssh').getByRole('button', { name: 'Actions for service web-ssh' }).click();
  await page.getByRole('menuitem', { name: 'Delete service' }).click();
  const dialog = new DeleteServiceDialog(page, 'web-ssh');
  await expect(dialog.dialog).toBeVisible();
  await dialog.cancel();
  await expect(row('web-ssh')).toBeVisible();

  await row('web-ssh').getByRole('button', { name: 'Actions for service web-ssh' }).click();
  await page.getByRole('menuitem', { name: 'Delete service' }).click();
  await dialog.confirm();
  await expect(row('web-ssh')).toBeHidden();
  await expect(row('web-http')).toBeVisible();
  const gone = await api.get(`/api/v1/namespaces/${namespace}/services/web-ssh`).then(
    () => false,
    (e: unknown) => e instanceof KubeApiError && e.code === 404,
  );
  expect(gone).toBe(true);
});
