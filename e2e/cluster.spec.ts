import type { Page } from '@playwright/test';
import { EMBEDDED, expect, expectNoSeriousA11yViolations, test } from './fixtures/index.js';
import { ClusterPage, KUBEVIRT_PATH } from './pages/cluster.js';
import { ShellPage } from './pages/shell.js';
import { createCirros, vmisPath } from './vm-manifests.js';

/** The whole page: the shell scrolls inside its main area, so the window grows to the content. */
async function screenshots(page: Page, name: string): Promise<void> {
  const shell = new ShellPage(page);
  const height = await page.locator('#main-content').evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: 1440, height: Math.min(6000, height + 80) });
  await page.screenshot({ path: `e2e/screenshots/${name}-light.png`, fullPage: true, animations: 'disabled' });
  await shell.setDarkTheme(true);
  await page.screenshot({ path: `e2e/screenshots/${name}-dark.png`, fullPage: true, animations: 'disabled' });
  await shell.setDarkTheme(false);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe('cluster page', () => {
  // @embedded: the embedded cluster's nodes (node01, 16 cores, 64 GiB) and storage class.
  test(
    'shows KubeVirt and CDI deployed, nodes with their VMs and allocation, storage classes',
    { tag: EMBEDDED },
    async ({ page, api, namespace }) => {
      await createCirros(api, namespace, 'cli-vm', { runStrategy: 'Always' });
      await expect
        .poll(
          async () =>
            ((await api.get(`${vmisPath(namespace)}/cli-vm`).catch(() => ({}))) as { status?: { nodeName?: string } })
              .status?.nodeName,
          { timeout: 45_000 },
        )
        .toBeTruthy();
      const vmi = (await api.get(`${vmisPath(namespace)}/cli-vm`)) as { status?: { nodeName?: string } };
      const node = vmi.status?.nodeName ?? '';

      await page.goto('/');
      const cluster = new ClusterPage(page);
      await cluster.openFromNav();

      await expect(cluster.kubevirtCard.locator('#kubevirt-phase')).toHaveText('Deployed');
      await expect(cluster.kubevirtCard.locator('#kubevirt-version')).toHaveText(/^v\d+\.\d+\.\d+/);
      await expect(cluster.conditionStatus('kubevirt', 'Available')).toHaveText('True');
      await expect(cluster.conditionStatus('kubevirt', 'Degraded')).toHaveText('False');
      await expect(cluster.cdiCard.locator('#cdi-phase')).toHaveText('Deployed');
      await expect(cluster.conditionStatus('cdi', 'Available')).toHaveText('True');

      await expect(cluster.nodeCell('node01', 'vms-capable')).toHaveText('Schedulable');
      await expect(cluster.nodeCell(node, 'vms')).toContainText(`${namespace}/cli-vm`);
      // The launcher pod's requests count on the VM's node.
      await expect(cluster.nodeCell(node, 'cpu')).toHaveText(/^0\.\d+ of 16 cores/);
      await expect(cluster.nodeCell(node, 'memory')).toHaveText(/^\d+(\.\d)? [MG]iB of 64 GiB/);
      await expect(cluster.nodeCell('node01', 'capacity')).toHaveText('16 cores, 64 GiB');

      await expect(cluster.storageClassRow('local')).toContainText('Default');
      await expectNoSeriousA11yViolations(page);

      // The VM link leads to its details.
      await cluster.openNodeVm(node, namespace, 'cli-vm');
      // The VM's details carry the same commands, filled in for it.
      const card = ClusterPage.vmCommands(page, namespace, 'cli-vm');
      await expect(card.getByRole('textbox', { name: 'Serial console command' })).toHaveValue(
        `virtctl console -n ${namespace} cli-vm`,
      );
      await expect(card.getByRole('textbox', { name: 'SSH command' })).toHaveValue(
        `virtctl ssh -n ${namespace} cirros@vm/cli-vm`,
      );
    },
  );

  test('command-line tools: virtctl for the observed version and platform, commands for a chosen VM', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirros(api, namespace, 'tools-vm');
    const kv = (await api.get('/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts/kubevirt')) as {
      status?: { observedKubeVirtVersion?: string };
    };
    const version = kv.status?.observedKubeVirtVersion ?? '';
    const cluster = new ClusterPage(page);
    await cluster.goto();

    await cluster.choosePlatform('macOS Apple silicon');
    await expect(cluster.downloadLink('virtctl')).toHaveAttribute(
      'href',
      `https://github.com/kubevirt/kubevirt/releases/download/${version}/virtctl-${version}-darwin-arm64`,
    );
    await expect(cluster.downloadLink('kubectl')).toHaveAttribute(
      'href',
      /^https:\/\/dl\.k8s\.io\/release\/v\d+\.\d+\.\d+\/bin\/darwin\/arm64\/kubectl$/,
    );
    await cluster.choosePlatform('Windows x86_64');
    await expect(cluster.virtctlInstallCommand).toHaveValue(
      `curl.exe -L -o virtctl.exe https://github.com/kubevirt/kubevirt/releases/download/${version}/virtctl-${version}-windows-amd64.exe`,
    );

    await cluster.chooseVm(namespace, 'tools-vm');
    await expect(cluster.command('Serial console command')).toHaveValue(`virtctl console -n ${namespace} tools-vm`);
    await expect(cluster.command('VNC command')).toHaveValue(`virtctl vnc -n ${namespace} tools-vm`);
    // The cirros example image gives the default user.
    await expect(cluster.command('SSH command')).toHaveValue(`virtctl ssh -n ${namespace} cirros@vm/tools-vm`);
    await cluster.setSshUser('root');
    await expect(cluster.command('SSH command')).toHaveValue(`virtctl ssh -n ${namespace} root@vm/tools-vm`);
    await expect(cluster.command('Expose command')).toHaveValue(
      `virtctl expose vm -n ${namespace} tools-vm --name tools-vm-22 --type NodePort --port 22`,
    );
    await cluster.setExposePort(3389);
    await cluster.setExposeServiceType('LoadBalancer');
    await expect(cluster.command('Expose command')).toHaveValue(
      `virtctl expose vm -n ${namespace} tools-vm --name tools-vm-3389 --type LoadBalancer --port 3389`,
    );
    await expectNoSeriousA11yViolations(page);
    await cluster.choosePlatform('Linux x86_64');
    await screenshots(page, 'cluster');
  });

  // Issue 17 item 10: the Deployment ID can be read in full; the usable switch's label is not grey.
  test('shows the whole deployment ID, and the emulation switch label in the regular text colour', async ({
    page,
    api,
  }) => {
    const kv = (await api.get(KUBEVIRT_PATH)) as { status?: { observedDeploymentID?: string } };
    const id = kv.status?.observedDeploymentID ?? '';
    expect(id).not.toBe('');
    const cluster = new ClusterPage(page);
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await cluster.goto();
      const shown = page.locator('#kubevirt-deployment-id');
      await expect(shown).toHaveText(id);
      await expect(shown.getByRole('button', { name: 'Copy deployment ID' })).toBeVisible();
      await expect(shown.getByText(id)).toBeInViewport({ ratio: 1 });
      await expect(cluster.emulationSwitch).toBeEnabled();
      const label = page
        .locator('#emulation-switch')
        .locator('xpath=ancestor::label[1]')
        .locator('.pf-v6-c-switch__label');
      const colour = (l: typeof label) => l.evaluate((el) => getComputedStyle(el).color);
      expect(await colour(label), 'the switch label has the colour of the text beside it').toBe(
        await colour(page.locator('#kubevirt-resource')),
      );
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
