/**
 * What a client has not been sent yet: damaged rectangles, a pending vertical scroll (sent
 * as one CopyRect) and a pending resize. Scrolls shift the damage already collected, so
 * "copy, then repaint the damaged rectangles" reproduces the screen exactly.
 *
 * Two sizes are tracked: the display's (the guest's video mode) and the client's framebuffer.
 * They differ for a client without the DesktopSize pseudo-encoding after a mode change: per
 * RFC 6143 §7.8 the server must not change its framebuffer size, so it keeps the size of
 * ServerInit and is sent the display clipped to it (the top-left part) or padded (black).
 */
import type { Rect } from '../screen.js';

export interface UpdatePlan {
  /** New framebuffer size to announce (DesktopSize) before anything else. */
  resize?: { width: number; height: number };
  /** Move the client's picture up by this many pixels (CopyRect), before the rects. */
  scrollDy: number;
  /** The CopyRect's destination (source = the same rect `scrollDy` lower), when scrollDy > 0. */
  scrollDest?: Rect;
  rects: Rect[];
}

const MAX_RECTS = 24;

function mergeRects(rects: Rect[]): Rect[] {
  const sorted = [...rects].sort((a, b) => a.y - b.y || a.x - b.x);
  const merged: Rect[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.x === r.x && last.w === r.w && r.y <= last.y + last.h) {
      last.h = Math.max(last.y + last.h, r.y + r.h) - last.y;
    } else if (last && last.y === r.y && last.h === r.h && r.x <= last.x + last.w) {
      last.w = Math.max(last.x + last.w, r.x + r.w) - last.x;
    } else {
      merged.push({ ...r });
    }
  }
  if (merged.length <= MAX_RECTS) return merged;
  // Too many pieces: one bounding box is cheaper to describe.
  const x0 = Math.min(...merged.map((r) => r.x));
  const y0 = Math.min(...merged.map((r) => r.y));
  const x1 = Math.max(...merged.map((r) => r.x + r.w));
  const y1 = Math.max(...merged.map((r) => r.y + r.h));
  return [{ x: x0, y: y0, w: x1 - x0, h: y1 - y0 }];
}

export class PendingUpdate {
  private rects: Rect[] = [];
  private scrollDy = 0;
  private resize: { width: number; height: number } | undefined;
  private displayWidth: number;
  private displayHeight: number;

  /** `width` × `height`: the client's framebuffer (ServerInit) and, at first, the display. */
  constructor(
    private width: number,
    private height: number,
    private readonly canCopy: () => boolean,
  ) {
    this.displayWidth = width;
    this.displayHeight = height;
  }

  get empty(): boolean {
    return this.rects.length === 0 && this.scrollDy === 0 && !this.resize;
  }

  /** The client's framebuffer size. */
  get clientSize(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  /** ServerInit: the client's framebuffer is the display as it is now. */
  init(width: number, height: number): void {
    this.width = this.displayWidth = width;
    this.height = this.displayHeight = height;
    this.resize = undefined;
    this.full();
  }

  damage(rect: Rect): void {
    this.rects.push({ ...rect });
  }

  /** Everything must be sent again (a non-incremental request). */
  full(): void {
    this.rects = [{ x: 0, y: 0, w: this.width, h: this.height }];
    this.scrollDy = 0;
  }

  /** The part of the client's framebuffer that shows the display (the rest is padding). */
  private get view(): { w: number; h: number } {
    return { w: Math.min(this.width, this.displayWidth), h: Math.min(this.height, this.displayHeight) };
  }

  /** The display's picture moved up by `dy` pixels. */
  scroll(dy: number): void {
    const view = this.view;
    if (!this.canCopy()) {
      this.full();
      return;
    }
    this.rects = this.rects
      .map((r) => ({ ...r, y: r.y - dy }))
      .map((r) => (r.y < 0 ? { ...r, h: r.h + r.y, y: 0 } : r))
      .filter((r) => r.h > 0);
    this.scrollDy += dy;
    if (this.scrollDy >= view.h) {
      this.full();
      return;
    }
    // A client that sees only the top of a taller display gets, at the bottom of its view, rows
    // that were below it: nobody damaged them, so repaint them here.
    if (view.h < this.displayHeight) this.rects.push({ x: 0, y: view.h - dy, w: view.w, h: dy });
  }

  /**
   * The display changed size. Clients that support DesktopSize are told; others keep their
   * framebuffer size and get the part of the new screen that fits in it, padded with black.
   */
  resized(width: number, height: number, announce: boolean): void {
    this.displayWidth = width;
    this.displayHeight = height;
    if (announce) {
      this.width = width;
      this.height = height;
      this.resize = { width, height };
    }
    this.full();
  }

  /** Takes what is due, clipped to `area` (the client's request) and its framebuffer, and resets. */
  take(area: Rect): UpdatePlan {
    // After a resize the client's request still has the old size: send the whole new screen.
    const bounds = this.resize ? { x: 0, y: 0, w: this.width, h: this.height } : area;
    const clip = (r: Rect): Rect | undefined => {
      const x = Math.max(r.x, bounds.x);
      const y = Math.max(r.y, bounds.y);
      const w = Math.min(r.x + r.w, bounds.x + bounds.w, this.width) - x;
      const h = Math.min(r.y + r.h, bounds.y + bounds.h, this.height) - y;
      return w > 0 && h > 0 ? { x, y, w, h } : undefined;
    };
    const view = this.view;
    const plan: UpdatePlan = {
      resize: this.resize,
      scrollDy: this.scrollDy,
      rects: mergeRects(this.rects.map(clip).filter((r): r is Rect => r !== undefined)),
    };
    if (this.scrollDy > 0) plan.scrollDest = { x: 0, y: 0, w: view.w, h: view.h - this.scrollDy };
    this.rects = [];
    this.scrollDy = 0;
    this.resize = undefined;
    return plan;
  }
}
