// The console tab of a VM that is started but cannot run yet (no node fits it) must say so, with
// the scheduler's reason, and must not offer "Start" (the VM is already started: KubeVirt would
// answer 409). When a node fits, the VM runs and the console connects by itself.
import { EMBEDDED, expect, test } from './fixtures/index.js';
import { ConsolePage, waitForVmStatus } from './pages/console.js';
import { cirrosVm, vmsPath } from './vm-manifests.js';

test.describe('console of a VM that is not running', () => {
  test(
    'an unschedulable VM shows why it does not run, offers no Start, and connects once it schedules',
    { tag: EMBEDDED },
    async ({ page, api, namespace }) => {
      const label = 'kubevirt-console.io/e2e-fits';
      const vm = cirrosVm(namespace, 'pending', { runStrategy: 'Always' });
      (vm.spec.template.spec as Record<string, unknown>).nodeSelector = { [label]: namespace };
      await api.create(vmsPath(namespace), vm);
      await waitForVmStatus(api, namespace, 'pending', 'ErrorUnschedulable');

      const console = new ConsolePage(page);
      for (const type of ['vnc', 'serial'] as const) {
        await console.openTab(namespace, 'pending', type);
        await expect(console.status(type)).toHaveText(
          /^The virtual machine is starting \(phase (Pending|Scheduling)\); the console connects when it runs\.$/,
        );
        const detail = console.statusDetail(type);
        await expect(detail).toContainText(
          'ErrorUnschedulable: The virtual machine could not be scheduled on any node.',
        );
        await expect(detail).toContainText(/0\/\d+ nodes are available/);
        await expect(console.button(type, 'Start')).toHaveCount(0);
        await expect(console.button(type, 'Take over')).toHaveCount(0);
        // Connecting by hand cannot work before the VM runs; the console connects by itself then.
        await expect(console.button(type, 'Connect')).toBeDisabled();
      }
      await page.screenshot({ path: 'e2e/screenshots/console-unschedulable-light.png', animations: 'disabled' });

      // A node that fits: the VM runs and the console connects without a click.
      const node = '/api/v1/nodes/node01';
      try {
        await api.mergePatch(node, { metadata: { labels: { [label]: namespace } } });
        await waitForVmStatus(api, namespace, 'pending', 'Running');
        await console.expectConnected('serial');
        await expect(console.statusDetail('serial')).toHaveCount(0);
      } finally {
        await api.mergePatch(node, { metadata: { labels: { [label]: null } } });
      }
    },
  );

  test('a stopped VM the user may start offers Start, with nothing more to explain', async ({
    page,
    api,
    namespace,
  }) => {
    await api.create(vmsPath(namespace), cirrosVm(namespace, 'halted', { runStrategy: 'Halted' }));
    await waitForVmStatus(api, namespace, 'halted', 'Stopped');
    const console = new ConsolePage(page);
    await console.openTab(namespace, 'halted', 'vnc');
    await expect(console.status('vnc')).toHaveText(/The virtual machine is not running/);
    await expect(console.button('vnc', 'Start')).toBeVisible();
    await expect(console.statusDetail('vnc')).toHaveCount(0);
  });
});
