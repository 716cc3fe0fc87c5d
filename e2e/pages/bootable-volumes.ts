import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The bootable volumes page (/k8s/ns/<ns>/bootablevolumes) and its "Add bootable volume" dialog:
 * every locator by role and accessible name.
 */
export class BootableVolumesPage {
  readonly main: Locator;
  readonly table: Locator;
  readonly addButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.table = this.main.getByRole('grid', { name: 'Bootable volumes' });
    this.addButton = this.main.getByRole('button', { name: 'Add volume' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(namespace: string): Promise<void> {
    await this.page.goto(`/k8s/ns/${namespace}/bootablevolumes`);
    await expect(this.main.getByRole('heading', { level: 1, name: 'Bootable volumes' })).toBeVisible();
  }

  /** A volume's row, by its DataSource's namespace and name. */
  row(namespace: string, name: string): Locator {
    return this.page.locator(`#bootable-volume-${namespace}-${name}`);
  }

  async openAdd(): Promise<void> {
    await this.addButton.click();
    await expect(this.dialog.getByRole('heading', { name: 'Add bootable volume' })).toBeVisible();
  }

  field(name: string): Locator {
    return this.dialog.getByRole('textbox', { name, exact: true });
  }

  select(name: string): Locator {
    return this.dialog.getByRole('combobox', { name, exact: true });
  }

  /** Picks a file as the file chooser would (the drop zone's input). */
  async pickFile(path: string): Promise<void> {
    await this.dialog.locator('input[type="file"]').setInputFiles(path);
  }

  /** What the dialog says about the picked file (its format, or why it is refused). */
  fileHelp(): Locator {
    return this.dialog.locator('#add-volume-file-filename-helper');
  }

  async submit(label: 'Upload' | 'Import' = 'Upload'): Promise<void> {
    await this.dialog.getByRole('button', { name: label, exact: true }).click();
  }

  progressBar(): Locator {
    return this.dialog.getByRole('progressbar');
  }

  result(): Locator {
    return this.dialog.locator('#upload-result');
  }

  /** Uploads a file through the dialog with its defaults, and waits for CDI to finish with it. */
  async upload(path: string, timeout = 60_000): Promise<void> {
    await this.openAdd();
    await this.pickFile(path);
    await expect(this.fileHelp()).not.toHaveText(/Reading/);
    await this.submit('Upload');
    await expect(this.result()).toContainText('Upload complete', { timeout });
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
