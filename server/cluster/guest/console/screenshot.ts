import { PNG } from 'pngjs';
import type { Screen } from './screen.js';
import type { SimulatedGuest } from '../simulated/simulated-guest.js';

/** A PNG (RGB, 8 bits per channel) of a screen's framebuffer. */
export function screenPng(screen: Screen): Buffer {
  const { width, height, pixels } = screen;
  const png = new PNG({ width, height });
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i];
    png.data[i * 4] = (p >> 16) & 0xff;
    png.data[i * 4 + 1] = (p >> 8) & 0xff;
    png.data[i * 4 + 2] = p & 0xff;
    png.data[i * 4 + 3] = 0xff;
  }
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true });
}

/** A PNG of the guest's current screen (its framebuffer size, e.g. 720x400 or 1024x768). */
export function screenshotPng(guest: SimulatedGuest): Buffer {
  return screenPng(guest.screen);
}
