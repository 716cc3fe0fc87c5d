import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootSectorImage } from '../test/support/guest/boot-sector.js';
import type { Page } from '@playwright/test';
import { EMBEDDED, expect, skipOnRealStack, test, UPLOADS_NEED_EMBEDDED, type KubeApi } from './fixtures/index.js';
import { hasQemuImg, makeQcow2 } from './disk-images.js';
import { BootableVolumesPage } from './pages/bootable-volumes.js';
import { ConsolePage } from './pages/console.js';
import { CreateVmPage } from './pages/create-vm.js';
import { realGuestsBaseURL, realGuestsMissing } from './real-guests.js';
import { waitForVmStatus } from './vm-manifests.js';

const MIB = 1024 * 1024;

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-upload-vm-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Creates a VM in the form from the uploaded bootable volume `volume` and checks it clones it by sourceRef. */
async function createFromVolume(form: CreateVmPage, api: KubeApi, namespace: string, vm: string, volume: string) {
  await form.goto(namespace);
  await form.fillName(vm);
  await form.chooseBootSource('Bootable volume');
  await form.select('Bootable volume').selectOption({ value: `${namespace}/${volume}` });
  await expect(form.preview).toContainText('sourceRef:');
  await expect(form.preview).toContainText('kind: DataSource');
  await form.create();
  await form.expectDetails(namespace, vm);
  const made = (await api.get(`/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines/${vm}`)) as {
    spec?: { dataVolumeTemplates?: { spec?: Record<string, unknown> }[] };
  };
  expect(made.spec?.dataVolumeTemplates?.[0]?.spec?.sourceRef).toEqual({ kind: 'DataSource', namespace, name: volume });
}

/** Opens the VM's serial console and waits for the login prompt its guest prints. */
async function expectSerialLogin(page: Page, namespace: string, vm: string, prompt: RegExp): Promise<void> {
  const console = new ConsolePage(page);
  await console.openTab(namespace, vm, 'serial');
  await console.expectConnected('serial');
  await console.typeInTerminal('\n');
  await console.expectTerminalText(prompt, 60_000);
}

test.describe('a VM from an uploaded bootable volume', () => {
  test(
    'a qcow2 made here, uploaded and cloned per VM (sourceRef), makes a VM that runs',
    { tag: EMBEDDED },
    async ({ page, api, namespace }) => {
      skipOnRealStack(UPLOADS_NEED_EMBEDDED);
      test.setTimeout(150_000);
      const file = join(dir, 'tiny-disk.qcow2');
      makeQcow2(file, 64 * MIB);
      const volumes = new BootableVolumesPage(page);
      await volumes.goto(namespace);
      await volumes.upload(file);
      await expect(volumes.row(namespace, 'tiny-disk')).toContainText('Ready');

      await createFromVolume(new CreateVmPage(page), api, namespace, 'from-upload', 'tiny-disk');
      await waitForVmStatus(api, namespace, 'from-upload', 'Running', 90_000);
      await expectSerialLogin(page, namespace, 'from-upload', /from-upload login:/);
    },
  );
});

test.describe('a real QEMU guest from an uploaded bootable volume', () => {
  test.skip(Boolean(realGuestsMissing), `needs real QEMU guests: ${realGuestsMissing}`);
  test.use({ baseURL: realGuestsBaseURL });

  test(
    'a bootable image uploaded from the browser is what QEMU boots',
    { tag: [EMBEDDED, '@qemu'] },
    async ({ page, api, namespace }) => {
      test.setTimeout(240_000);
      // A boot sector that prints its own line and a login prompt; sent as qcow2 when qemu-img can make one.
      const raw = join(dir, 'boot-sector.img');
      writeFileSync(raw, bootSectorImage('\r\nuploaded-disk login: ', 4 * MIB));
      let file = raw;
      if (hasQemuImg()) {
        file = join(dir, 'boot-sector.qcow2');
        execFileSync('qemu-img', ['convert', '-q', '-f', 'raw', '-O', 'qcow2', raw, file]);
      }
      const volumes = new BootableVolumesPage(page);
      await volumes.goto(namespace);
      await volumes.upload(file, 120_000);

      await createFromVolume(new CreateVmPage(page), api, namespace, 'booted', 'boot-sector');
      // The QEMU backend reports Running when the guest prints a login prompt on its serial line: here
      // only the uploaded boot sector prints one (the VM has no kernel of its own), after the firmware
      // booted the cloned disk.
      await waitForVmStatus(api, namespace, 'booted', 'Running', 150_000);
      // Its serial console is the uploaded disk's own output.
      await expectSerialLogin(page, namespace, 'booted', /uploaded-disk login:/);
    },
  );
});
