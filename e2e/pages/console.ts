import { readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import type { KubeApi } from '../fixtures/index.js';

export type ConsoleType = 'vnc' | 'serial';

const CIRROS = new URL('../../../shared/fixtures/kubevirt-examples/vm-cirros.yaml', import.meta.url);

/** The CirrOS example VM (../shared/fixtures) in `namespace`, named `name`, with a run strategy. */
export async function createCirrosVm(
  api: KubeApi,
  namespace: string,
  name: string,
  runStrategy: string,
  devices: Record<string, unknown> = {},
): Promise<void> {
  type Vm = { metadata: Record<string, unknown>; spec: { runStrategy?: string; template: { spec: { domain: { devices: Record<string, unknown> } } } } };
  const vm = parse(readFileSync(CIRROS, 'utf8')) as Vm;
  vm.metadata = { name, namespace, labels: { 'kubevirt.io/vm': name } };
  vm.spec.runStrategy = runStrategy;
  Object.assign(vm.spec.template.spec.domain.devices, devices);
  await api.create(`/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines`, vm);
}

/** Waits until the VM's printableStatus is `status` (through the API). */
export async function waitForVmStatus(api: KubeApi, namespace: string, name: string, status: string, timeout = 45_000): Promise<void> {
  await expect
    .poll(async () => {
      const vm = await api.get(`/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines/${name}`);
      return (vm.status as { printableStatus?: string } | undefined)?.printableStatus;
    }, { timeout, message: `VM ${name} reaches ${status}` })
    .toBe(status);
}

/** What a canvas shows: how many pixels differ from the top-left one, and a hash of all pixels. */
export interface CanvasPixels {
  width: number;
  height: number;
  nonBackground: number;
  hash: number;
}

/**
 * The VNC and serial consoles, in a VM's Console tab or on the standalone page. Locators go by
 * role and accessible name ("VNC console", "Serial console", the buttons' names).
 */
export class ConsolePage {
  readonly vnc: Locator;
  readonly serial: Locator;

  constructor(readonly page: Page) {
    this.vnc = page.getByRole('region', { name: 'VNC console' });
    this.serial = page.getByRole('region', { name: 'Serial console' });
  }

  frame(type: ConsoleType): Locator {
    return type === 'vnc' ? this.vnc : this.serial;
  }

  status(type: ConsoleType): Locator {
    return this.frame(type).getByRole('status');
  }

  button(type: ConsoleType, name: string): Locator {
    return this.frame(type).getByRole('button', { name, exact: true });
  }

  /** The VM details' Console tab. */
  async openTab(namespace: string, name: string, type: ConsoleType): Promise<void> {
    await this.page.goto(`/k8s/ns/${namespace}/virtualmachines/${name}/console?type=${type}`);
    await expect(this.frame(type)).toBeVisible();
  }

  /** The full-window console page. */
  async openStandalone(namespace: string, name: string, type: ConsoleType): Promise<void> {
    await this.page.goto(`/k8s/ns/${namespace}/virtualmachines/${name}/console/standalone?type=${type}`);
    await expect(this.frame(type)).toBeVisible();
  }

  async expectConnected(type: ConsoleType): Promise<void> {
    await expect(this.status(type)).toHaveText('Connected');
  }

  async connect(type: ConsoleType): Promise<void> {
    await this.button(type, 'Connect').click();
  }

  async disconnect(type: ConsoleType): Promise<void> {
    await this.button(type, 'Disconnect').click();
  }

  async takeOver(type: ConsoleType): Promise<void> {
    await this.button(type, 'Take over').click();
  }

  async start(type: ConsoleType): Promise<void> {
    await this.button(type, 'Start').click();
  }

  // --- VNC ---

  get canvas(): Locator {
    return this.vnc.locator('canvas');
  }

  async canvasPixels(): Promise<CanvasPixels> {
    return this.canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) return { width: c.width, height: c.height, nonBackground: 0, hash: 0 };
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let nonBackground = 0;
      let hash = 2166136261;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) nonBackground++;
        hash = Math.imul(hash ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16)), 16777619);
      }
      return { width: c.width, height: c.height, nonBackground, hash: hash >>> 0 };
    });
  }

  /** Waits until the canvas differs from `before` (what the guest drew after our input). */
  async expectCanvasChange(before: CanvasPixels): Promise<CanvasPixels> {
    await expect.poll(async () => (await this.canvasPixels()).hash, { message: 'the VNC screen changes' }).not.toBe(before.hash);
    return this.canvasPixels();
  }

  /** Focuses the screen (a click) and types; Enter for every "\n". */
  async typeOnScreen(text: string): Promise<void> {
    await this.canvas.click();
    for (const line of text.split(/(\n)/)) {
      if (line === '\n') await this.page.keyboard.press('Enter');
      else if (line) await this.page.keyboard.type(line, { delay: 10 });
    }
  }

  async sendKey(label: string): Promise<void> {
    await this.vnc.getByRole('button', { name: 'Send key' }).click();
    await this.page.getByRole('menuitem', { name: label, exact: true }).click();
  }

  /** Opens "Paste", fills the text; returns the dialog (to read warnings) without typing yet. */
  async openPaste(text: string): Promise<Locator> {
    await this.button('vnc', 'Paste').click();
    const dialog = this.page.getByRole('dialog', { name: 'Paste into the console' });
    await dialog.getByRole('textbox', { name: 'Text to type' }).fill(text);
    return dialog;
  }

  async paste(text: string): Promise<void> {
    const dialog = await this.openPaste(text);
    await dialog.getByRole('button', { name: 'Type' }).click();
    await expect(dialog).toBeHidden();
  }

  async downloadScreenshot(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.button('vnc', 'Screenshot').click();
    return download;
  }

  // --- Thumbnails ---

  thumbnail(name: string): Locator {
    return this.page.getByRole('img', { name: `Screen of ${name}`, exact: true });
  }

  /** Waits for a thumbnail showing a decoded screenshot from an object URL; returns its URL. */
  async expectThumbnailLoaded(img: Locator): Promise<string> {
    await expect(img).toHaveAttribute('src', /^blob:/, { timeout: 20_000 });
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    return (await img.getAttribute('src')) ?? '';
  }

  // --- Serial ---

  /** The terminal's rendered rows (xterm's DOM renderer), as text: one line per row, trailing blanks dropped. */
  async terminalText(): Promise<string> {
    const text = await this.serial.locator('.xterm-rows').innerText();
    return text
      .replace(/\u00a0/g, ' ')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n');
  }

  async expectTerminalText(pattern: RegExp, timeout = 30_000): Promise<void> {
    await expect.poll(() => this.terminalText(), { timeout, message: `terminal shows ${pattern}` }).toMatch(pattern);
  }

  /** Types into the terminal (it has the focus after a click); Enter for every "\n". */
  async typeInTerminal(text: string): Promise<void> {
    await this.serial.locator('.xterm-screen').click();
    for (const line of text.split(/(\n)/)) {
      if (line === '\n') await this.page.keyboard.press('Enter');
      else if (line) await this.page.keyboard.type(line, { delay: 10 });
    }
  }

  async downloadTranscript(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.button('serial', 'Download transcript').click();
    return download;
  }

  async search(term: string): Promise<void> {
    const box = this.serial.getByRole('textbox', { name: 'Search the scrollback' });
    await box.fill(term);
    await box.press('Enter');
  }
}
