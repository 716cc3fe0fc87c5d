import { expect, type Locator, type Page } from '@playwright/test';

/** The window sizes layout checks run at (issue 17: 1280x800 and 1440x900). */
export const LAYOUT_SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

/**
 * The element is wholly inside the window and not clipped by a scrolling ancestor: fully
 * intersecting (IntersectionObserver, which counts ancestors' clipping), and its box within the
 * window's width and height.
 */
export async function expectInsideViewport(locator: Locator, what: string): Promise<void> {
  await expect(locator, `${what} is wholly visible`).toBeInViewport({ ratio: 1 });
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize();
  expect(box, `${what} has a box`).not.toBeNull();
  if (!box || !size) return;
  expect(box.x, `${what} starts inside the window`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends inside the window (width ${size.width})`).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height, `${what} ends above the window's bottom (height ${size.height})`).toBeLessThanOrEqual(
    size.height,
  );
}

/** Presses Tab (at most `max` times) until `target` has the keyboard focus: it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reached with the Tab key').toBeFocused();
}
