import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, KubeApiError, SMOKE, test, type KubeApi } from './fixtures/index.js';
import { ExposeDialog } from './pages/expose-dialog.js';
import { ServicesPage } from './pages/services.js';
import { ShellPage } from './pages/shell.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { VmListPage } from './pages/vm-list.js';
import { createCirros, waitForVmStatus } from './vm-manifests.js';

const VM = 'web';

/** KubeVirt's vm-cirros example, renamed, with a cloud-init user so the ssh hint names it. */
async function createVm(api: KubeApi, namespace: string, runStrategy: 'Always' | 'Halted'): Promise<void> {
  await createCirros(api, namespace, VM, {
    runStrategy,
    templateLabels: { 'kubevirt.io/vm': VM, app: 'web' },
    userData: '#cloud-config\nuser: cirros\npassword: gocubsgo\n',
  });
}

/** Whether the cluster serves OpenShift Routes (the embedded cluster does; plain Kubernetes does not). */
async function servesRoutes(api: KubeApi): Promise<boolean> {
  try {
    await api.get('/apis/route.openshift.io/v1');
    return true;
  } catch (err) {
    if (err instanceof KubeApiError && err.code === 404) return false;
    throw err;
  }
}

const servicePath = (namespace: string, name = '') =>
  `/api/v1/namespaces/${namespace}/services${name ? `/${name}` : ''}`;

async function screenshots(page: Page, name: string): Promise<void> {
  const shell = new ShellPage(page);
  await page.screenshot({ path: `e2e/screenshots/${name}-light.png`, fullPage: true, animations: 'disabled' });
  await shell.setDarkTheme(true);
  await page.screenshot({ path: `e2e/screenshots/${name}-dark.png`, fullPage: true, animations: 'disabled' });
  await shell.setDarkTheme(false);
}

test.describe('expose a VM', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test(
    'exposes ssh of a running VM as a NodePort, copies the ssh hint and deletes the service',
    { tag: SMOKE },
    async ({ page, api, namespace }) => {
      await createVm(api, namespace, 'Always');
      await waitForVmStatus(api, namespace, VM, 'Running');

      const expose = new ExposeDialog(page);
      await expose.goto(namespace, VM);
      // virtctl's defaults for ssh: port 22, the vmi.kubevirt.io/id selector; a NodePort.
      await expect(expose.name).toHaveValue(`${VM}-ssh`);
      await expect(expose.port).toHaveValue('22');
      await expect(expose.form.getByRole('radio', { name: /^NodePort/ })).toBeChecked();
      await expect(expose.routeCheckbox).toBeHidden();
      await expectNoSeriousA11yViolations(page);
      await screenshots(page, 'expose');
      await expose.expose(`${VM}-ssh`);
      await expect(expose.resultValue(namespace, `${VM}-ssh`, 'ports')).toContainText(/node port 3\d{4}/);

      const created = await api.get(servicePath(namespace, `${VM}-ssh`));
      const spec = created.spec as {
        selector: Record<string, string>;
        type: string;
        ports: Array<{ nodePort: number; port: number }>;
      };
      expect(spec.selector).toEqual({ 'vmi.kubevirt.io/id': VM });
      expect(spec.type).toBe('NodePort');
      const nodePort = spec.ports[0].nodePort;
      expect(nodePort).toBeGreaterThanOrEqual(30000);
      expect(nodePort).toBeLessThanOrEqual(32767);
      expect((created.metadata as { ownerReferences?: Array<{ kind: string; name: string }> }).ownerReferences).toEqual(
        [expect.objectContaining({ kind: 'VirtualMachine', name: VM })],
      );

      const services = new ServicesPage(page);
      await services.goto(namespace);
      await expect(services.cell(namespace, `${VM}-ssh`, 'type')).toHaveText('NodePort');
      await expect(services.cell(namespace, `${VM}-ssh`, 'node-ports')).toHaveText(String(nodePort));
      await expect(services.cell(namespace, `${VM}-ssh`, 'vms')).toHaveText(VM);
      await expect(services.cell(namespace, `${VM}-ssh`, 'endpoints')).toHaveText('1 of 1 ready');

      const access = await services.showAccess(namespace, `${VM}-ssh`);
      const ssh = services.hint(access, 'SSH through a node port');
      // A node's address: 192.168.66.x on the embedded cluster, whatever the nodes have elsewhere.
      await expect(ssh).toHaveValue(new RegExp(`^ssh cirros@[\\w.:-]+ -p ${nodePort}$`));
      await expect(services.hint(access, 'In-cluster DNS name')).toHaveValue(
        `${VM}-ssh.${namespace}.svc.cluster.local`,
      );
      await services.copyHint(access, 'SSH through a node port');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await ssh.inputValue());
      await expectNoSeriousA11yViolations(page);
      await screenshots(page, 'services');

      await services.deleteService(namespace, `${VM}-ssh`);
      await expect(services.row(namespace, `${VM}-ssh`)).toBeHidden();
      await expect(services.emptyState).toBeVisible();
      await expect(api.get(servicePath(namespace, `${VM}-ssh`))).rejects.toMatchObject({ code: 404 });
    },
  );

  test('exposes an HTTP port with an edge Route and shows its URL', async ({ page, api, namespace }) => {
    test.skip(!(await servesRoutes(api)), 'the cluster does not serve route.openshift.io (not OpenShift)');
    await createVm(api, namespace, 'Halted');
    const expose = new ExposeDialog(page);
    // From the VM list's actions menu.
    const list = new VmListPage(page);
    await list.goto(namespace);
    await list.actions(namespace, VM).expose();
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines/${VM}/expose$`));
    await expect(expose.form).toBeVisible();
    await expose.port.fill('80');
    await expect(expose.name).toHaveValue(`${VM}-http`);
    await expose.chooseType('ClusterIP');
    await expose.setRoute(true);
    await expect(expose.form.getByRole('radio', { name: /^Edge TLS termination/ })).toBeChecked();
    await expose.expose(`${VM}-http`);
    const url = new RegExp(`^https://${VM}-http-${namespace}\\.apps\\.`);
    await expect(expose.resultValue(namespace, `${VM}-http`, 'route')).toHaveText(url);
    await expectNoSeriousA11yViolations(page);
    await screenshots(page, 'expose-result');

    const route = await api.get(`/apis/route.openshift.io/v1/namespaces/${namespace}/routes/${VM}-http`);
    expect(route.spec).toMatchObject({
      to: { kind: 'Service', name: `${VM}-http` },
      port: { targetPort: 'http' },
      tls: { termination: 'edge' },
    });

    const services = new ServicesPage(page);
    await services.goto(namespace);
    await expect(services.cell(namespace, `${VM}-http`, 'routes')).toHaveText(url);
    // A stopped VM: selected, but nothing to forward to yet.
    await expect(services.cell(namespace, `${VM}-http`, 'endpoints')).toHaveText('No endpoints');
    const access = await services.showAccess(namespace, `${VM}-http`);
    await expect(services.hint(access, 'Route URL')).toHaveValue(url);
  });

  test('a LoadBalancer with the older selector, not owned by the VM, shows its external IP', async ({
    page,
    api,
    namespace,
  }) => {
    await createVm(api, namespace, 'Halted');
    const expose = new ExposeDialog(page);
    await expose.goto(namespace, VM);
    await expose.port.fill('3389');
    await expect(expose.name).toHaveValue(`${VM}-rdp`);
    await expose.chooseType('LoadBalancer');
    await expose.chooseSelector('vm.kubevirt.io/name');
    await expose.setDeleteWithVm(false);
    await expose.expose(`${VM}-rdp`);

    const created = await api.get(servicePath(namespace, `${VM}-rdp`));
    expect(created.spec).toMatchObject({ type: 'LoadBalancer', selector: { 'vm.kubevirt.io/name': VM } });
    expect((created.metadata as { ownerReferences?: unknown }).ownerReferences).toBeUndefined();

    const services = new ServicesPage(page);
    await services.goto(namespace);
    await expect(services.cell(namespace, `${VM}-rdp`, 'external-ip')).toHaveText(/^\d+\.\d+\.\d+\.\d+$/);
    await expect(services.cell(namespace, `${VM}-rdp`, 'node-ports')).toHaveText(/^3\d{4}$/);
    await expect(services.cell(namespace, `${VM}-rdp`, 'vms').getByRole('link', { name: VM })).toHaveAttribute(
      'href',
      `/k8s/ns/${namespace}/virtualmachines/${VM}`,
    );
  });

  test('shows bad input on its field: ports out of range, a taken name, a port already exposed', async ({
    page,
    api,
    namespace,
  }) => {
    await createVm(api, namespace, 'Halted');
    await api.create(servicePath(namespace), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'taken' },
      spec: { selector: { 'vm.kubevirt.io/name': VM }, ports: [{ port: 2222, targetPort: 22 }] },
    });
    const expose = new ExposeDialog(page);
    // From the Services tab of the VM's details.
    const details = new VmDetailsPage(page, namespace, VM);
    await details.goto('Services');
    await details.exposePort();
    await expect(expose.form).toBeVisible();
    // Port 22 already reaches the VM through "taken" (the older selector label).
    await expect(expose.fieldError('port')).toContainText(`Port 22/TCP of ${VM} is already exposed by service taken`);
    await expect(expose.port).toHaveAttribute('aria-invalid', 'true');

    await expose.port.fill('70000');
    await expect(expose.fieldError('port')).toContainText('The port must be between 1 and 65535');
    await expose.port.fill('0');
    await expect(expose.fieldError('port')).toContainText('The port must be between 1 and 65535');
    await expose.port.fill('8022');
    await expect(expose.fieldError('port')).toBeHidden();
    await expose.targetPort.fill('22');
    await expect(expose.fieldError('target-port')).toContainText(
      `Port 22/TCP of ${VM} is already exposed by service taken`,
    );
    await expose.targetPort.fill('65536');
    await expect(expose.fieldError('target-port')).toContainText('The target port must be between 1 and 65535');
    await expose.targetPort.fill('');

    // The name is checked as typed against the live list: a Service made meanwhile counts.
    await expose.name.fill('taken');
    await expect(expose.fieldError('name')).toContainText(
      `A service named "taken" already exists in namespace ${namespace}`,
    );
    await api.create(servicePath(namespace), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'late' },
      spec: { selector: { app: 'other' }, ports: [{ port: 1 }] },
    });
    await expose.name.fill('late');
    await expect(expose.fieldError('name')).toContainText(
      `A service named "late" already exists in namespace ${namespace}`,
    );
    await expose.name.fill('Bad_Name');
    await expect(expose.fieldError('name')).toContainText('lower-case letters');
    await screenshots(page, 'expose-errors');

    // Submitting an invalid form creates nothing and puts the focus on the first bad field.
    await expose.submit();
    await expect(expose.name).toBeFocused();
    await expose.name.fill('fine');
    await expect(expose.fieldError('name')).toBeHidden();
    await expose.expose('fine');
    await expectNoSeriousA11yViolations(page);
  });

  test('a name taken between the check and the create gets the server 409 on the name field', async ({
    page,
    api,
    namespace,
  }) => {
    await createVm(api, namespace, 'Halted');
    const expose = new ExposeDialog(page);
    await expose.goto(namespace, VM);
    await expose.name.fill('racy');
    await expect(expose.fieldError('name')).toBeHidden();
    // Someone creates "racy" while the dry run is on its way: the real server answers 409 AlreadyExists.
    await page.route(
      `**/api/kubernetes/api/v1/namespaces/${namespace}/services?dryRun=All`,
      async (route) => {
        await api.create(servicePath(namespace), {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'racy' },
          spec: { selector: { app: 'other' }, ports: [{ port: 1 }] },
        });
        await route.continue();
      },
      { times: 1 },
    );
    const dryRun = page.waitForResponse((r) => r.url().includes(`/namespaces/${namespace}/services?dryRun=All`));
    await expose.submit();
    expect((await dryRun).status()).toBe(409);
    await expect(expose.fieldError('name')).toContainText(
      `A service named "racy" already exists in namespace ${namespace}`,
    );
    await expect(expose.form).toBeVisible();
    const svc = await api.get(servicePath(namespace, 'racy'));
    expect((svc.spec as { selector: unknown }).selector).toEqual({ app: 'other' });
  });
});
