import { EMBEDDED, expect, test } from './fixtures/index.js';
import { ConsolePage } from './pages/console.js';
import { realGuestsBaseURL, realGuestsMissing } from './real-guests.js';
import { createCirros, waitForVmStatus } from './vm-manifests.js';

/** Tag of the tests that need real QEMU guests (the config's second server, --guests qemu). */
const QEMU = '@qemu';

// The real guest honours the VMI's cloud-init user and password (docs/real-guests.md).
const USER = 'e2e';
const PASSWORD = 'vnc-e2e-pass';
const userData = `#cloud-config\nuser: ${USER}\npassword: ${PASSWORD}\nchpasswd: { expire: False }\n`;

test.describe('VNC console on a real QEMU guest', () => {
  test.skip(Boolean(realGuestsMissing), `needs real QEMU guests: ${realGuestsMissing}`);
  test.use({ baseURL: realGuestsBaseURL });

  test(
    'shows the real screen, logs in and runs uname -a by keyboard, and poweroff stops the VM',
    { tag: [EMBEDDED, QEMU] },
    async ({ page, api, namespace }) => {
      // A real boot under TCG takes 5 to 20 s on a loaded machine, and poweroff a few more.
      test.setTimeout(180_000);
      // RerunOnFailure: a clean poweroff (VMI Succeeded) stays Stopped; Always would start it again.
      await createCirros(api, namespace, 'real', { runStrategy: 'RerunOnFailure', userData });
      // Running comes when the guest prints its login prompt.
      await waitForVmStatus(api, namespace, 'real', 'Running', 120_000);

      const console = new ConsolePage(page);
      await console.openStandalone(namespace, 'real', 'vnc');
      await console.expectConnected('vnc');

      // QEMU's screen: the boot log and the login prompt, not a blank canvas.
      await expect
        .poll(async () => (await console.canvasPixels()).nonBackground, {
          message: 'the guest screen shows text',
          timeout: 30_000,
        })
        .toBeGreaterThan(500);

      // Log in with the cloud-init credentials, typed as key presses through RFB into the guest, then
      // `clear`: a shell command, so the screen empties (the boot log gone, the prompt alone) only
      // after a successful login.
      const bootScreen = await console.canvasPixels();
      await logIn(console, Math.min(1000, bootScreen.nonBackground / 4));
      const cleared = await console.canvasPixels();
      await console.typeOnScreen('uname -a\n');
      await expect
        .poll(async () => (await console.canvasPixels()).nonBackground, { message: 'uname -a prints a line' })
        .toBeGreaterThan(cleared.nonBackground + 1500);

      // poweroff in the guest (only a logged-in user may): QEMU exits, the VMI Succeeds, the VM is Stopped.
      await console.typeOnScreen('poweroff\n');
      await waitForVmStatus(api, namespace, 'real', 'Stopped', 60_000);
    },
  );
});

/**
 * Types the user name, waits for the guest to draw the next prompt, types the password, then
 * `clear`, until the screen is cleared (at most 3 attempts). Like any login(1), the guest's login
 * discards what was typed before its "Password:" prompt, and under TCG on a loaded machine the
 * prompt can come late: a lost password gives "Login incorrect" and another "login:" prompt.
 */
async function logIn(console: ConsolePage, clearedBelow: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    for (const line of [USER, PASSWORD, 'clear']) {
      const before = await console.canvasPixels();
      await console.typeOnScreen(`${line}\n`);
      await console.expectCanvasChange(before);
      await settle(console);
    }
    const cleared = await expect
      .poll(async () => (await console.canvasPixels()).nonBackground, {
        message: 'clear leaves only the prompt',
        timeout: 5_000,
      })
      .toBeLessThan(clearedBelow)
      .then(
        () => true,
        (e: unknown) => {
          if (attempt >= 3) throw e;
          return false;
        },
      );
    if (cleared) return;
  }
}

/** Waits until the screen stops changing (two readings a second apart light the same pixels, give or take a blinking cursor). */
async function settle(console: ConsolePage): Promise<void> {
  let last = (await console.canvasPixels()).nonBackground;
  await expect
    .poll(
      async () => {
        const now = (await console.canvasPixels()).nonBackground;
        const still = Math.abs(now - last) <= 40;
        last = now;
        return still;
      },
      { message: 'the screen settles', intervals: [1_000] },
    )
    .toBe(true);
}
