/** A client of a VMI's serial console websocket (`plain.kubevirt.io`), as virtctl console is one. */
import { WebSocket } from 'ws';
import { waitFor } from './lifecycle.js';

export class SerialClient {
  /** Everything the guest printed since the last reset (`text = ''`). */
  text = '';

  private constructor(
    readonly ws: WebSocket,
    private readonly timeoutMs: number,
  ) {
    ws.on('message', (data: Buffer, binary: boolean) => {
      if (binary) this.text += data.toString('utf8');
    });
  }

  /**
   * Opens the console; rejects if the upgrade is refused or the server picks another subprotocol.
   * `timeoutMs`: how long waitFor waits by default.
   */
  static async open(url: string, { timeoutMs = 15_000 } = {}): Promise<SerialClient> {
    const ws = new WebSocket(url, 'plain.kubevirt.io');
    const client = new SerialClient(ws, timeoutMs);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    if (ws.protocol !== 'plain.kubevirt.io') {
      ws.close();
      throw new Error(`the console answered with subprotocol ${JSON.stringify(ws.protocol)}, not plain.kubevirt.io`);
    }
    return client;
  }

  /** What the guest printed, without the cursor position query busybox's line editor sends after each prompt (ESC [6n). */
  get output(): string {
    return this.text.replaceAll('\x1b[6n', '');
  }

  async waitFor(re: RegExp, timeoutMs = this.timeoutMs): Promise<void> {
    try {
      await waitFor(`serial output ${re}`, () => re.test(this.output), timeoutMs);
    } catch {
      throw new Error(
        `no ${re} on the serial console within ${timeoutMs} ms; got ${JSON.stringify(this.output.slice(-300))}`,
      );
    }
  }

  type(s: string): void {
    this.ws.send(Buffer.from(s), { binary: true });
  }

  /** Logs in at the getty's prompt and waits for the shell's. */
  async login(user: string, password: string): Promise<void> {
    this.type('\r');
    await this.waitFor(/login: $/);
    this.type(`${user}\r`);
    await this.waitFor(/Password: $/);
    this.type(`${password}\r`);
    await this.waitFor(/\$ $/);
  }

  /** Runs a command and returns its output (between the echoed command line and the next prompt). */
  async run(command: string): Promise<string> {
    this.text = '';
    this.type(`${command}\r`);
    await this.waitFor(/\$ $/);
    const out = this.output;
    return out.slice(out.indexOf('\n') + 1).replace(/\r?\n?\[[^\]]*\]\$ $/, '');
  }

  close(): void {
    this.ws.close();
  }
}
