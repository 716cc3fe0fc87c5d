import { EMBEDDED, expect, test } from './fixtures/index.js';
import { ConsolePage } from './pages/console.js';
import { VmConfigurationTab } from './pages/vm-configuration.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { realGuestsBaseURL, realGuestsMissing } from './real-guests.js';
import { createCirros, waitForVmStatus } from './vm-manifests.js';

/** Tag of the tests that need real QEMU guests (the config's second server, --guests qemu). */
const QEMU = '@qemu';

// The real guest honours the VMI's cloud-init user and password (docs/real-guests.md).
const USER = 'e2e';
const PASSWORD = 'hotplug-e2e-pass';
const userData = `#cloud-config\nuser: ${USER}\npassword: ${PASSWORD}\nchpasswd: { expire: False }\n`;

test.describe('disk hot-plug into a real QEMU guest', () => {
  test.skip(Boolean(realGuestsMissing), `needs real QEMU guests: ${realGuestsMissing}`);
  test.use({ baseURL: realGuestsBaseURL });

  test(
    'a blank disk hot-plugged from the Configuration tab shows in the guest as sda',
    { tag: [EMBEDDED, QEMU] },
    async ({ page, api, namespace }) => {
      // A real boot under TCG takes 5 to 20 s on a loaded machine.
      test.setTimeout(240_000);
      await createCirros(api, namespace, 'real-hp', { runStrategy: 'Always', userData });
      await waitForVmStatus(api, namespace, 'real-hp', 'Running', 120_000);

      const details = new VmDetailsPage(page, namespace, 'real-hp');
      const config = new VmConfigurationTab(page);
      await details.goto('Configuration');
      await config.addBlankDisk('data', '2Gi', true);
      await expect(config.diskHotplug('data')).toHaveText('Ready (sda)', { timeout: 120_000 });

      // In the guest: a SCSI disk of 2 GiB whose serial is the disk's name.
      await details.openTab('Console');
      const console = new ConsolePage(page);
      await console.switchType('serial');
      await console.expectConnected('serial');
      await console.logInOnSerial({
        host: 'real-hp',
        user: USER,
        password: PASSWORD,
        prompt: /\[e2e@real-hp ~\]\$/,
        loginTimeout: 30_000,
      });
      // The guest's virtio-scsi driver scans the disk in a moment after QEMU plugs it: wait for it there.
      await console.typeInTerminal('while [ ! -e /sys/block/sda ]; do sleep 1; done; lsblk\n');
      await console.expectTerminalText(/^sda\s+2G\s+0\s+disk\s+data\s*$/m, 60_000);
    },
  );
});
