import { expect, type Locator, type Page } from '@playwright/test';

/** The Import YAML page at /k8s/ns/<ns>/import. */
export class ImportYamlPage {
  readonly main: Locator;
  readonly editor: Locator;
  readonly results: Locator;
  /** The summary announced after Create ("2 of 2 objects created."). */
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.editor = this.main.locator('#import-yaml-editor');
    this.results = this.main
      .getByRole('grid', { name: 'Results' })
      .or(this.main.getByRole('table', { name: 'Results' }));
    this.summary = page.locator('#import-progress');
  }

  async goto(namespace: string): Promise<void> {
    await this.page.goto(`/k8s/ns/${namespace}/import`);
    await expect(this.main.getByRole('heading', { level: 1, name: 'Import YAML' })).toBeVisible();
    await expect(this.editor.locator('.monaco-editor')).toBeVisible();
  }

  /** Pastes text into the editor (a clipboard paste event), replacing what it holds. */
  async paste(text: string): Promise<void> {
    await this.editor.locator('.monaco-editor .view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.editor.getByRole('textbox').evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  async upload(fileName: string, text: string): Promise<void> {
    await this.main
      .getByLabel('YAML file')
      .setInputFiles({ name: fileName, mimeType: 'application/yaml', buffer: Buffer.from(text) });
  }

  async loadSample(): Promise<void> {
    await this.main.getByRole('button', { name: 'Load sample' }).click();
  }

  async create(): Promise<void> {
    await this.main.getByRole('button', { name: 'Create', exact: true }).click();
  }

  /** The rows of the results table, one per document. */
  resultRows(): Locator {
    return this.results.locator('tbody tr');
  }

  resultRow(position: number): Locator {
    return this.main.locator(`#import-result-${position}`);
  }

  /** Follows a created object's link ("VirtualMachine <ns>/<name>") to its page. */
  async openResult(label: string): Promise<void> {
    await this.results.getByRole('link', { name: label }).click();
  }
}
