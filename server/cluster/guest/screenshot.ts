import type { SimulatedGuest } from './simulated-guest.js';

/** A PNG of the guest's current screen (its framebuffer size, e.g. 720x400 or 1024x768). */
export function screenshotPng(guest: SimulatedGuest): Buffer {
  return guest.screenshotPng();
}
