import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { KubeApi } from '../fixtures/index.js';
import { createCirros, type CirrosOptions } from '../vm-manifests.js';

import { waitForVmStatus } from '../vm-manifests.js';

export { waitForVmStatus };

export type ConsoleType = 'vnc' | 'serial';

/** The CirrOS example VM in `namespace`, named `name`, with a run strategy (and extra devices). */
export async function createCirrosVm(
  api: KubeApi,
  namespace: string,
  name: string,
  runStrategy: NonNullable<CirrosOptions['runStrategy']>,
  devices?: Record<string, unknown>,
): Promise<void> {
  await createCirros(api, namespace, name, { runStrategy, devices });
}

/**
 * Creates the CirrOS VM, waits for it to run and opens its console connected: in the VM's Console
 * tab, or on the standalone console page.
 */
export async function openRunningVmConsole(
  page: Page,
  api: KubeApi,
  namespace: string,
  name: string,
  o: { type: ConsoleType; runStrategy?: NonNullable<CirrosOptions['runStrategy']>; standalone?: boolean },
): Promise<ConsolePage> {
  await createCirrosVm(api, namespace, name, o.runStrategy ?? 'Always');
  await waitForVmStatus(api, namespace, name, 'Running');
  const console = new ConsolePage(page);
  if (o.standalone) await console.openStandalone(namespace, name, o.type);
  else await console.openTab(namespace, name, o.type);
  await console.expectConnected(o.type);
  return console;
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

  /** What the console says about a VM that is not running (its status and why), under the status line. */
  statusDetail(type: ConsoleType): Locator {
    return this.frame(type).locator(`[id$="-status-detail"]`);
  }

  button(type: ConsoleType, name: string): Locator {
    return this.frame(type).getByRole('button', { name, exact: true });
  }

  /** The VM details' Console tab. */
  async openTab(namespace: string, name: string, type: ConsoleType): Promise<void> {
    await this.page.goto(`/k8s/ns/${namespace}/virtualmachines/${name}/console?type=${type}`);
    await expect(this.frame(type)).toBeVisible();
  }

  /** The full-window console page of a VM (or of a VMI: owner 'virtualmachineinstances'). */
  async openStandalone(
    namespace: string,
    name: string,
    type: ConsoleType,
    owner: 'virtualmachines' | 'virtualmachineinstances' = 'virtualmachines',
  ): Promise<void> {
    await this.page.goto(`/k8s/ns/${namespace}/${owner}/${name}/console/standalone?type=${type}`);
    await expect(this.frame(type)).toBeVisible();
  }

  /** The console type switch (VNC / Serial) in the toolbar. */
  async switchType(to: ConsoleType): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Console type' })
      .getByRole('button', { name: to === 'vnc' ? 'VNC' : 'Serial', exact: true })
      .click();
    await expect(this.frame(to)).toBeVisible();
  }

  /** "Open in new tab" (Console tab): returns the standalone console's page. */
  async openInNewTab(): Promise<Page> {
    const popup = this.page.waitForEvent('popup');
    await this.page.getByRole('link', { name: 'Open in new tab' }).click();
    return popup;
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

  async enterFullscreen(type: ConsoleType): Promise<void> {
    await this.button(type, 'Fullscreen').click();
    await expect(this.button(type, 'Exit fullscreen')).toBeVisible();
  }

  async exitFullscreen(type: ConsoleType): Promise<void> {
    await this.button(type, 'Exit fullscreen').click();
    await expect(this.button(type, 'Fullscreen')).toBeVisible();
  }

  // --- VNC ---

  get canvas(): Locator {
    return this.vnc.locator('canvas');
  }

  async canvasPixels(): Promise<CanvasPixels> {
    return this.canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0)
        return { width: c.width, height: c.height, nonBackground: 0, hash: 0 };
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
    await expect
      .poll(async () => (await this.canvasPixels()).hash, { message: 'the VNC screen changes' })
      .not.toBe(before.hash);
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

  /** Scaling: 'fit' stretches the screen to the frame, 'native' shows it pixel for pixel (1:1). */
  async setScaling(mode: 'fit' | 'native'): Promise<void> {
    const group = this.vnc.getByRole('group', { name: 'Scaling' });
    await group.getByRole('button', { name: mode === 'native' ? '1:1 (actual size)' : 'Fit', exact: true }).click();
  }

  /** The "View only" switch: keys and mouse are not sent. */
  async setViewOnly(on: boolean): Promise<void> {
    await this.vnc.getByRole('switch', { name: 'View only' }).setChecked(on, { force: true });
  }

  /** Opens the "Send key" menu (key combinations the browser would keep for itself). */
  async openSendKeys(): Promise<Locator> {
    await this.vnc.getByRole('button', { name: 'Send key' }).click();
    const menu = this.page.getByRole('menu');
    await expect(menu).toBeVisible();
    return menu;
  }

  /** The open "Send key" menu's box (its scrolling panel, not the list inside), in window coordinates. */
  async sendKeysMenuBox(): Promise<{ top: number; bottom: number }> {
    const box = await this.page
      .locator('.pf-v6-c-menu')
      .filter({ has: this.page.getByRole('menu', { name: 'Keys to send' }) })
      .boundingBox();
    if (!box) throw new Error('the Send key menu is not shown');
    return { top: box.y, bottom: box.y + box.height };
  }

  /** "Send key" and a combination from its menu ("Ctrl+Alt+Del"...). */
  async sendKey(label: string): Promise<void> {
    const menu = await this.openSendKeys();
    await menu.getByRole('menuitem', { name: label, exact: true }).click();
  }

  /** Opens "Paste" and fills the text; returns the dialog (to read its warnings) without typing yet. */
  async openPaste(text: string): Promise<PasteDialog> {
    await this.button('vnc', 'Paste').click();
    const dialog = new PasteDialog(this.page);
    await expect(dialog.dialog).toBeVisible();
    await dialog.fill(text);
    return dialog;
  }

  /** Pastes text: the console types it into the guest. */
  async paste(text: string): Promise<void> {
    const dialog = await this.openPaste(text);
    await dialog.type();
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

  /** Follows a thumbnail (details overview) to the VM's console. */
  async openFromThumbnail(name: string): Promise<void> {
    await this.page.getByRole('link', { name: `Open the console of ${name}` }).click();
    await expect(this.vnc).toBeVisible();
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

  /**
   * Logs in on the serial console as a user would: Enter wakes the getty up (whatever was printed
   * before the console attached), then the user name at "<host> login:", the password at
   * "Password:", and waits for the shell's prompt.
   */
  async logInOnSerial(opts: {
    host: string;
    user: string;
    password: string;
    prompt: RegExp;
    loginTimeout?: number;
  }): Promise<void> {
    await this.typeInTerminal('\n');
    await this.expectTerminalText(new RegExp(`${opts.host} login:`), opts.loginTimeout);
    await this.typeInTerminal(`${opts.user}\n`);
    await this.expectTerminalText(/Password:/);
    await this.typeInTerminal(`${opts.password}\n`);
    await this.expectTerminalText(opts.prompt);
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

  /** Clears the terminal's screen (the transcript keeps everything). */
  async clear(): Promise<void> {
    await this.button('serial', 'Clear').click();
  }

  /** Selects a word on the screen (a double click), e.g. before Copy. */
  async selectWord(word: string): Promise<void> {
    // xterm's screen layer takes the mouse events, hence force.
    await this.serial.locator('.xterm-rows').getByText(word, { exact: true }).dblclick({ force: true });
  }

  /** Copy: puts the terminal's selection on the clipboard (needs clipboard permissions). */
  async copySelection(): Promise<void> {
    await this.button('serial', 'Copy').click();
  }

  /** Paste: types the clipboard's text into the terminal (needs clipboard permissions). */
  async pasteFromClipboard(): Promise<void> {
    await this.button('serial', 'Paste').click();
  }

  async search(term: string): Promise<void> {
    const box = this.serial.getByRole('textbox', { name: 'Search the scrollback' });
    await box.fill(term);
    await box.press('Enter');
  }
}

/** The VNC console's "Paste into the console" dialog: the text is typed as key presses. */
export class PasteDialog {
  readonly dialog: Locator;
  readonly text: Locator;
  readonly skippedWarning: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Paste into the console' });
    this.text = this.dialog.getByRole('textbox', { name: 'Text to type' });
    this.skippedWarning = this.dialog.getByText('Some characters cannot be typed and will be skipped');
  }

  async fill(text: string): Promise<void> {
    await this.text.fill(text);
  }

  /** Types the text into the guest and waits for the dialog to close. */
  async type(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Type', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
