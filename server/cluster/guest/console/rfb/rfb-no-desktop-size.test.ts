/**
 * A VNC client that does not offer the DesktopSize pseudo-encoding keeps the framebuffer size
 * of ServerInit (RFC 6143 §7.8): after the guest changes video mode it is sent the new screen
 * clipped to its framebuffer, or padded with black, and keeps getting updates.
 */
import { describe, expect, it } from 'vitest';
import type { SimulatedGuest } from '../../simulated/simulated-guest.js';
import { connectRfbClient, ENCODINGS, type RfbTestClient } from '../../../../../test/support/guest/rfb-test-client.js';
import { useVncGuest } from '../../../../../test/support/guest/guest-harness.js';

const WITHOUT_DESKTOP_SIZE = [ENCODINGS.copyRect, ENCODINGS.zrle, ENCODINGS.raw];

/**
 * Pixels where the client's framebuffer differs from what it should show: the guest's screen
 * where the two overlap, black where the client's framebuffer extends past the screen.
 */
function differences(rfb: RfbTestClient, guest: SimulatedGuest): number {
  const { width, height, pixels } = guest.screen;
  let diff = 0;
  for (let y = 0; y < rfb.client.clientHeight; y++) {
    for (let x = 0; x < rfb.client.clientWidth; x++) {
      const expected = x < width && y < height ? pixels[y * width + x] : 0;
      if (rfb.pixel(x, y) !== expected) diff++;
    }
  }
  return diff;
}

describe('RFB client without DesktopSize', () => {
  const vnc = useVncGuest({ osName: 'cirros', hostname: 'vmi-nodesktopsize', name: 'vmi-nodesktopsize' });

  it('keeps its 720x400 framebuffer when the guest switches to 1024x768 and sees typing that scrolls the screen', async () => {
    expect([vnc.guest.screen.width, vnc.guest.screen.height]).toEqual([720, 400]);
    const rfb = await connectRfbClient(vnc.server.url, WITHOUT_DESKTOP_SIZE);
    try {
      vnc.guest.screen.setMode(1024, 768, 8);
      // The boot log of a graphical console fills the screen: the prompt ends up at the bottom,
      // below the part the client can show.
      for (let i = 0; i < 60; i++)
        vnc.guest.screen.write(`[  ${String(i).padStart(3)}.000000] systemd[1]: Started unit ${i}.\r\n`);
      await rfb.waitUntil(() => differences(rfb, vnc.guest) === 0);
      expect([rfb.client.clientWidth, rfb.client.clientHeight]).toEqual([720, 400]);

      const before = Buffer.from(rfb.client.fb);
      rfb.type('\rcirros\rgocubsgo\r');
      await rfb.waitUntil(() => vnc.guest.loggedIn);
      rfb.type('hostname\r');
      await rfb.waitUntil(() => vnc.guest.screen.text().includes('$ hostname\nvmi-nodesktopsize\n$'));
      // Every Enter scrolled the screen: the client's top-left view moved with it.
      await rfb.waitUntil(() => differences(rfb, vnc.guest) === 0);
      expect(Buffer.from(rfb.client.fb).equals(before)).toBe(false);
      expect([rfb.client.clientWidth, rfb.client.clientHeight]).toEqual([720, 400]);
    } finally {
      await rfb.close();
    }
  });

  it('keeps a 1024x768 framebuffer when the guest goes back to 720x400 and pads it with black', async () => {
    expect([vnc.guest.screen.width, vnc.guest.screen.height]).toEqual([1024, 768]);
    const rfb = await connectRfbClient(vnc.server.url, WITHOUT_DESKTOP_SIZE);
    try {
      expect([rfb.client.clientWidth, rfb.client.clientHeight]).toEqual([1024, 768]);
      vnc.guest.screen.setMode(720, 400, 9);
      vnc.guest.screen.write('login: ');
      await rfb.waitUntil(() => differences(rfb, vnc.guest) === 0);
      rfb.type('x');
      await rfb.waitUntil(() => vnc.guest.screen.text().includes('login: x'));
      await rfb.waitUntil(() => differences(rfb, vnc.guest) === 0);
      expect([rfb.client.clientWidth, rfb.client.clientHeight]).toEqual([1024, 768]);
    } finally {
      await rfb.close();
    }
  });
});
