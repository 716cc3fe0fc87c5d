// Issue 23 items 2 and 3: the Configuration tab resizes a stopped VM (an edit made from an older
// version shows what changed on the server and is reapplied on the fresh one), and on a running
// VM shows what needs a restart (RestartRequired, the VM/VMI differences) until Restart applies it.
import { E2E_VIEWER_TOKEN, EMBEDDED, expect, test } from './fixtures/index.js';
import { ConsolePage } from './pages/console.js';
import { VmConfigurationTab } from './pages/vm-configuration.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { createCirros, vmisPath, vmsPath, waitForVmStatus } from './vm-manifests.js';

interface Vmi {
  spec: { domain: { cpu?: { sockets?: number; cores?: number }; memory?: { guest?: string } } };
}

const memoryPatch = (guest: string) => ({ spec: { template: { spec: { domain: { memory: { guest } } } } } });

test('resizes a stopped VM (reapplying an edit after a conflict) and starts it at its new size', async ({
  page,
  api,
  namespace,
}) => {
  test.setTimeout(150_000);
  await createCirros(api, namespace, 'resize');
  const details = new VmDetailsPage(page, namespace, 'resize');
  const config = new VmConfigurationTab(page);
  await details.goto('Configuration');

  // Someone changes the memory while the dialog is open: Save conflicts, says what changed, keeps the edit.
  await config.fillCpuMemory({ sockets: 2, cores: 1, memory: '256Mi' });
  await api.mergePatch(`${vmsPath(namespace)}/resize`, memoryPatch('200Mi'));
  await config.cpuDialog.getByRole('button', { name: 'Save' }).click();
  const changed = config.cpuDialog.getByRole('grid', { name: 'Changed on the server' });
  await expect(changed.getByRole('row', { name: /domain\.memory\.guest 128Mi 200Mi/ })).toBeVisible();
  await expect(config.cpuDialog.getByLabel('Memory')).toHaveValue('256Mi');
  await config.cpuDialog.getByRole('button', { name: 'Reapply my changes' }).click();
  await expect(config.cpuDialog).toBeHidden();
  await expect(config.cpuValue).toHaveText('2 vCPU (2 sockets, 1 core, 1 thread)');
  await expect(config.memoryValue).toHaveText('256Mi');

  // Stopped: the new size is the VM's, and the instance it starts has it.
  await details.runAction('Start');
  await waitForVmStatus(api, namespace, 'resize', 'Running', 90_000);
  const vmi = (await api.get(`${vmisPath(namespace)}/resize`)) as unknown as Vmi;
  expect(vmi.spec.domain.cpu?.sockets).toBe(2);
  expect(vmi.spec.domain.memory?.guest).toBe('256Mi');
  await expect(config.runningSize).toHaveText('2 sockets, 1 core, 1 thread; 256 MiB');
  await expect(config.restartRequired).toBeHidden();
});

test(
  'on a running VM: hot-plugs a disk the guest sees, adds a socket live, and restarts for more cores',
  { tag: EMBEDDED },
  async ({ page, api, namespace }) => {
    test.setTimeout(240_000);
    await createCirros(api, namespace, 'live', { runStrategy: 'Always' });
    await waitForVmStatus(api, namespace, 'live', 'Running', 90_000);
    const details = new VmDetailsPage(page, namespace, 'live');
    const config = new VmConfigurationTab(page);
    await details.goto('Configuration');

    // A blank disk, hot-plugged through addvolume: its VMI volume status reaches Ready as sda.
    await config.addBlankDisk('data', '2Gi', true);
    await expect(config.diskHotplug('data')).toHaveText('Ready (sda)', { timeout: 90_000 });
    await expect(config.restartRequired).toBeHidden();

    // The guest sees it.
    await details.openTab('Console');
    const console = new ConsolePage(page);
    await console.switchType('serial');
    await console.expectConnected('serial');
    await console.logInOnSerial({ host: 'live', user: 'cirros', password: 'gocubsgo', prompt: /^\$$/m });
    await console.typeInTerminal('lsblk\n');
    await console.expectTerminalText(/^sda\s+8:0\s+0\s+2G\s+0\s+disk/m);

    // One more socket is hot-plugged (LiveUpdate, within maxSockets): applied, no restart.
    await details.openTab('Configuration');
    await config.editCpuMemory({ sockets: 2 });
    await expect(config.runningSize).toHaveText('2 sockets, 1 core, 1 thread; 128 MiB', { timeout: 60_000 });
    await expect(config.restartRequired).toBeHidden();

    // More cores cannot be hot-plugged: RestartRequired, with the difference, until a restart.
    await config.editCpuMemory({ cores: 2 });
    await expect(config.restartRequired).toBeVisible({ timeout: 30_000 });
    await expect(config.pendingChanges.getByRole('row', { name: /domain\.cpu\.cores 2 1/ })).toBeVisible();
    await config.restart();
    await expect(config.restartRequired).toBeHidden({ timeout: 90_000 });
    await waitForVmStatus(api, namespace, 'live', 'Running', 90_000);
    await expect(config.runningSize).toHaveText('2 sockets, 2 cores, 1 thread; 128 MiB');
  },
);

test.describe('a viewer', { tag: EMBEDDED }, () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('sees the configuration read-only, with the reason', async ({ page, api, namespace }) => {
    await createCirros(api, namespace, 'looked-at');
    const details = new VmDetailsPage(page, namespace, 'looked-at');
    await details.goto('Configuration');
    const config = new VmConfigurationTab(page);
    await expect(config.memoryValue).toHaveText('128Mi');
    const reason = /^You are not allowed to change this virtual machine/;
    for (const name of ['Edit CPU and memory', 'Add disk', 'Add SSH key', 'Edit cloud-init', 'Edit run strategy']) {
      const button = page.getByRole('button', { name, exact: true });
      await expect(button).toHaveAttribute('aria-disabled', 'true');
      await expect(button).toHaveAccessibleDescription(reason);
    }
    await page.getByRole('button', { name: 'Edit CPU and memory' }).click({ force: true });
    await expect(page.getByRole('dialog')).toBeHidden();
  });
});
