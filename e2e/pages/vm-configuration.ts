import { expect, type Locator, type Page } from '@playwright/test';

/** The VM details page's Configuration tab: its sections, their edit dialogs, restart-required. */
export class VmConfigurationTab {
  readonly cpuValue: Locator;
  readonly memoryValue: Locator;
  readonly runningSize: Locator;
  readonly restartRequired: Locator;
  readonly pendingChanges: Locator;
  readonly disks: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.cpuValue = page.locator('#config-cpu-value');
    this.memoryValue = page.locator('#config-memory-value');
    this.runningSize = page.locator('#config-running-size');
    this.restartRequired = page.locator('#config-restart-required');
    this.pendingChanges = main.getByRole('grid', { name: 'Pending changes' });
    this.disks = main.getByRole('grid', { name: 'Disks configuration' });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  get cpuDialog(): Locator {
    return this.dialog('Edit CPU and memory');
  }

  /** Opens Edit CPU and memory and fills in what is given (without saving). */
  async fillCpuMemory(o: { sockets?: number; cores?: number; threads?: number; memory?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit CPU and memory' }).click();
    const dialog = this.cpuDialog;
    if (o.sockets !== undefined) await dialog.getByLabel('Sockets').fill(String(o.sockets));
    if (o.cores !== undefined) await dialog.getByLabel('Cores').fill(String(o.cores));
    if (o.threads !== undefined) await dialog.getByLabel('Threads').fill(String(o.threads));
    if (o.memory !== undefined) await dialog.getByLabel('Memory').fill(o.memory);
  }

  /** Edit CPU and memory: sets what is given, saves, and waits for the dialog to close. */
  async editCpuMemory(o: { sockets?: number; cores?: number; threads?: number; memory?: string }): Promise<void> {
    await this.fillCpuMemory(o);
    await this.cpuDialog.getByRole('button', { name: 'Save' }).click();
    await expect(this.cpuDialog).toBeHidden();
  }

  /** Add disk: a blank one of `size`; on a running VM it is hot-plugged. */
  async addBlankDisk(name: string, size: string, hotplug: boolean): Promise<void> {
    await this.page.getByRole('button', { name: 'Add disk' }).click();
    const dialog = this.dialog('Add disk');
    await dialog.getByLabel('Disk name').fill(name);
    await dialog.getByLabel('Size').fill(size);
    await dialog.getByRole('button', { name: hotplug ? 'Hot-plug disk' : 'Add disk' }).click();
    await expect(dialog).toBeHidden();
  }

  diskHotplug(name: string): Locator {
    return this.page.locator(`[id="config-disk-${name}-hotplug"]`);
  }

  async restart(): Promise<void> {
    await this.restartRequired.getByRole('button', { name: 'Restart' }).click();
  }
}
