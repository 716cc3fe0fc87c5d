import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { screenshotPng } from './screenshot.js';
import type { SimulatedGuest } from '../simulated/simulated-guest.js';
import { makeGuest, waitForEvent } from '../../../../test/support/guest/guest-harness.js';

let guest: SimulatedGuest;
afterEach(() => guest.destroy());

function litPixels(png: PNG): number {
  let lit = 0;
  for (let i = 0; i < png.width * png.height; i++)
    if (png.data[i * 4] | png.data[i * 4 + 1] | png.data[i * 4 + 2]) lit++;
  return lit;
}

describe('screenshotPng', () => {
  it('is a valid PNG of the VGA text screen (720x400) with the login prompt drawn', async () => {
    guest = makeGuest({ osName: 'cirros' });
    await waitForEvent(guest, 'booted');
    const png = PNG.sync.read(screenshotPng(guest));
    expect([png.width, png.height]).toEqual([720, 400]);
    expect(litPixels(png)).toBeGreaterThan(2000);
  });

  it('follows the framebuffer console mode (1024x768) and changes when the screen does', async () => {
    guest = makeGuest({ osName: 'fedora' });
    await waitForEvent(guest, 'booted');
    const first = screenshotPng(guest);
    expect([PNG.sync.read(first).width, PNG.sync.read(first).height]).toEqual([1024, 768]);
    guest.writeSerial('\r');
    await new Promise((r) => setTimeout(r, 20));
    expect(screenshotPng(guest).equals(first)).toBe(false);
    expect((await guest.screenshot()).subarray(1, 4).toString()).toBe('PNG');
  });
});
