// Types for the parts of `vnc-rfb-client` (a Node RFB client, used by the tests) we call.
declare module 'vnc-rfb-client' {
  import { EventEmitter } from 'node:events';

  export default class VncClient extends EventEmitter {
    static readonly consts: { encodings: Record<string, number> };
    constructor(options?: { debug?: boolean; fps?: number; encodings?: number[] });
    connect(options: { host: string; port: number; password?: string; set8BitColor?: boolean }): void;
    disconnect(): void;
    sendKeyEvent(keysym: number, down?: boolean): void;
    requestFrameUpdate(
      full?: boolean,
      incremental?: number,
      x?: number,
      y?: number,
      width?: number,
      height?: number,
    ): void;
    readonly connected: boolean;
    readonly protocolVersion: string;
    clientWidth: number;
    clientHeight: number;
    clientName: string;
    _log(text: string, debug?: boolean, level?: number): void;
    /** Decoded framebuffer, 4 bytes per pixel. */
    fb: Buffer;
  }
}
