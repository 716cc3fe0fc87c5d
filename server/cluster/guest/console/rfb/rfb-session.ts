/**
 * The server side of one RFB 3.8 connection (RFC 6143), as noVNC speaks it: version and
 * security handshake (None), ClientInit/ServerInit, then client messages parsed from a byte
 * buffer (messages may be split across, or packed into, transport frames) and
 * FramebufferUpdates sent in answer to requests, with only what changed.
 */
import type { Rect, ScreenListener } from '../screen.js';
import {
  ENCODING_COPYRECT,
  ENCODING_RAW,
  ENCODING_ZRLE,
  PSEUDO_DESKTOP_SIZE,
  ZlibStream,
  encodeCopyRect,
  encodeRaw,
  rectHeader,
  zrleBody,
  zrleTiles,
  type PixelSource,
} from './encodings.js';
import { PendingUpdate } from './pending-update.js';
import {
  PixelConverter,
  SERVER_PIXEL_FORMAT,
  decodePixelFormat,
  encodePixelFormat,
  unsupportedPixelFormat,
  vgaColourMapMessage,
} from './pixel-format.js';
import { clientMessageLength } from './client-messages.js';

/** What the RFB server draws: a framebuffer that reports its changes. */
export interface RfbDisplay {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint32Array;
  subscribe(listener: ScreenListener): () => void;
}

export interface RfbSessionOptions {
  display: RfbDisplay;
  desktopName: string;
  send(data: Buffer): void;
  /** The session ended because of a protocol error (the transport should close). */
  fail(reason: string): void;
  onKey(keysym: number, down: boolean): void;
  onCutText?(text: string): void;
}

type Phase = 'version' | 'security' | 'init' | 'normal' | 'closed';

const SECURITY_NONE = 1;

export class RfbServerSession {
  private phase: Phase = 'version';
  private minor = 8;
  private buf = Buffer.alloc(0);
  private converter = new PixelConverter(SERVER_PIXEL_FORMAT);
  private encodings: number[] = [];
  private request: Rect | undefined;
  private sending = false;
  private sendScheduled = false;
  private readonly pending: PendingUpdate;
  private readonly zlib = new ZlibStream();
  private readonly unsubscribe: () => void;

  constructor(private readonly opts: RfbSessionOptions) {
    const { display } = opts;
    this.pending = new PendingUpdate(display.width, display.height, () => this.encodings.includes(ENCODING_COPYRECT));
    this.unsubscribe = display.subscribe({
      damage: (rect) => this.changed(() => this.pending.damage(rect)),
      scroll: (dy) => this.changed(() => this.pending.scroll(dy)),
      resize: (w, h) => this.changed(() => this.pending.resized(w, h, this.encodings.includes(PSEUDO_DESKTOP_SIZE))),
    });
    opts.send(Buffer.from('RFB 003.008\n', 'latin1'));
  }

  /** Bytes from the client. */
  receive(data: Uint8Array): void {
    if (this.phase === 'closed') return;
    this.buf = this.buf.length ? Buffer.concat([this.buf, data]) : Buffer.from(data);
    while (this.isOpen()) {
      const need = this.neededBytes();
      if (need === undefined || this.buf.length < need) return;
      const msg = this.buf.subarray(0, need);
      this.buf = this.buf.subarray(need);
      this.handle(msg);
    }
  }

  private isOpen(): boolean {
    return this.phase !== 'closed';
  }

  dispose(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.unsubscribe();
    this.zlib.close();
  }

  private fail(reason: string): void {
    this.dispose();
    this.opts.fail(reason);
  }

  private neededBytes(): number | undefined {
    switch (this.phase) {
      case 'version':
        return 12;
      case 'security':
      case 'init':
        return 1;
      case 'normal': {
        const len = clientMessageLength(this.buf);
        if (len === null) {
          this.fail(`unknown RFB client message type ${this.buf[0]}`);
          return undefined;
        }
        return len;
      }
      case 'closed':
        return undefined;
    }
  }

  private handle(msg: Buffer): void {
    switch (this.phase) {
      case 'version':
        return this.handleVersion(msg.toString('latin1'));
      case 'security':
        return this.handleSecurity(msg[0]);
      case 'init':
        return this.sendServerInit();
      case 'normal':
        return this.handleMessage(msg);
      case 'closed':
        return;
    }
  }

  private handleVersion(version: string): void {
    const match = /^RFB (\d{3})\.(\d{3})\n$/.exec(version);
    if (!match) return this.fail(`bad protocol version ${JSON.stringify(version)}`);
    const minor = Number(match[1]) > 3 ? 8 : Number(match[2]);
    this.minor = minor >= 8 ? 8 : minor === 7 ? 7 : 3;
    if (this.minor === 3) {
      // RFB 3.3: the server chooses the security type.
      this.opts.send(u32(SECURITY_NONE));
      this.phase = 'init';
    } else {
      this.opts.send(Buffer.from([1, SECURITY_NONE]));
      this.phase = 'security';
    }
  }

  private handleSecurity(type: number): void {
    if (type !== SECURITY_NONE) {
      if (this.minor === 8) {
        const reason = Buffer.from('Only security type None is supported', 'latin1');
        this.opts.send(Buffer.concat([u32(1), u32(reason.length), reason]));
      }
      return this.fail(`unsupported security type ${type}`);
    }
    if (this.minor === 8) this.opts.send(u32(0));
    this.phase = 'init';
  }

  private sendServerInit(): void {
    const { display } = this.opts;
    const name = Buffer.from(this.opts.desktopName, 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt16BE(display.width, 0);
    head.writeUInt16BE(display.height, 2);
    this.opts.send(Buffer.concat([head, encodePixelFormat(SERVER_PIXEL_FORMAT), u32(name.length), name]));
    this.pending.init(display.width, display.height);
    this.phase = 'normal';
  }

  private handleMessage(msg: Buffer): void {
    switch (msg[0]) {
      case 0: {
        const pf = decodePixelFormat(msg, 4);
        const problem = unsupportedPixelFormat(pf);
        if (problem) return this.fail(problem);
        this.converter = new PixelConverter(pf);
        if (!pf.trueColour) this.opts.send(vgaColourMapMessage());
        return;
      }
      case 2: {
        const count = msg.readUInt16BE(2);
        this.encodings = Array.from({ length: count }, (_v, i) => msg.readInt32BE(4 + i * 4));
        return;
      }
      case 3: {
        const area = { x: msg.readUInt16BE(2), y: msg.readUInt16BE(4), w: msg.readUInt16BE(6), h: msg.readUInt16BE(8) };
        if (msg[1] === 0) this.pending.full();
        this.request = area;
        return this.scheduleSend();
      }
      case 4:
        return this.opts.onKey(msg.readUInt32BE(4), msg[1] !== 0);
      case 6: {
        const len = Math.abs(msg.readInt32BE(4));
        if (msg.readInt32BE(4) >= 0) this.opts.onCutText?.(msg.subarray(8, 8 + len).toString('latin1'));
        return;
      }
      case 255:
        // QEMU extended key event: keysym plus scancode; the keysym is what we type.
        if (msg[1] === 0 && msg.readUInt32BE(4) !== 0) this.opts.onKey(msg.readUInt32BE(4), msg.readUInt16BE(2) !== 0);
        return;
      default:
        return; // PointerEvent and the others: nothing to do for a text console
    }
  }

  private changed(apply: () => void): void {
    if (this.phase === 'closed') return;
    apply();
    this.scheduleSend();
  }

  private scheduleSend(): void {
    if (this.sendScheduled || this.phase !== 'normal') return;
    this.sendScheduled = true;
    // Coalesce the damage of one burst of output into one update.
    setImmediate(() => {
      this.sendScheduled = false;
      void this.sendUpdate();
    });
  }

  private preferredEncoding(): number {
    return this.encodings.find((e) => e === ENCODING_RAW || e === ENCODING_ZRLE) ?? ENCODING_RAW;
  }

  private async sendUpdate(): Promise<void> {
    if (this.phase !== 'normal' || this.sending || !this.request || this.pending.empty) return;
    const area = this.request;
    this.request = undefined;
    this.sending = true;
    try {
      const { display } = this.opts;
      const plan = this.pending.take(area);
      const encoding = this.preferredEncoding();
      const parts: Buffer[] = [];
      const zrle: { index: number; tiles: Buffer }[] = [];
      let count = 0;
      if (plan.resize) {
        parts.push(rectHeader({ x: 0, y: 0, w: plan.resize.width, h: plan.resize.height }, PSEUDO_DESKTOP_SIZE));
        count++;
      }
      if (plan.scrollDest && plan.scrollDest.w > 0 && plan.scrollDest.h > 0) {
        parts.push(rectHeader(plan.scrollDest, ENCODING_COPYRECT), encodeCopyRect(0, plan.scrollDy));
        count++;
      }
      for (const rect of plan.rects) {
        parts.push(rectHeader(rect, encoding));
        // Read the pixels now, in this tick, so the update is one consistent picture.
        const { src, at } = regionSource(display, rect);
        if (encoding === ENCODING_ZRLE) {
          zrle.push({ index: parts.length, tiles: zrleTiles(src, at, this.converter) });
          parts.push(Buffer.alloc(0));
        } else {
          parts.push(encodeRaw(src, at, this.converter));
        }
        count++;
      }
      for (const z of zrle) {
        // Closed while an earlier rectangle was compressed: its zlib stream is gone.
        if (this.phase !== 'normal') return;
        parts[z.index] = await zrleBody(z.tiles, this.zlib);
      }
      if (this.phase !== 'normal') return;
      const header = Buffer.alloc(4);
      header.writeUInt16BE(count, 2);
      this.opts.send(Buffer.concat([header, ...parts]));
    } finally {
      this.sending = false;
    }
    if (this.request && !this.pending.empty) this.scheduleSend();
  }
}

/**
 * The pixels of `rect` of the client's framebuffer: the display itself when the rect lies inside
 * it, else a copy of the rect with black where the client's framebuffer extends past the display.
 */
function regionSource(display: RfbDisplay, rect: Rect): { src: PixelSource; at: Rect } {
  if (rect.x + rect.w <= display.width && rect.y + rect.h <= display.height) return { src: display, at: rect };
  const pixels = new Uint32Array(rect.w * rect.h);
  const w = Math.max(0, Math.min(rect.w, display.width - rect.x));
  for (let y = 0; y < rect.h && rect.y + y < display.height; y++) {
    const from = (rect.y + y) * display.width + rect.x;
    pixels.set(display.pixels.subarray(from, from + w), y * rect.w);
  }
  return { src: { pixels, width: rect.w }, at: { x: 0, y: 0, w: rect.w, h: rect.h } };
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value, 0);
  return b;
}
