// Issue 17 item 8: after Create, Import YAML's results (and the server's errors) are in view, not
// below the fold with only "0 of 1 object created" near the button; a long namespace name in the
// namespace select stops before its arrow.
import { randomBytes } from 'node:crypto';
import { expect, test } from './fixtures/index.js';
import { LAYOUT_SIZES, expectInsideViewport } from './layout.js';
import { ImportYamlPage } from './pages/import-yaml.js';

const BAD_VM = (name: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: ${name}
spec:
  runStrategy: NotAStrategy
  template:
    spec:
      domain:
        devices: {}
`;

test('import results and errors come into view; a long namespace stays clear of the select arrow', async ({
  page,
  api,
}) => {
  const namespace = `openshift-virtualization-os-images-${randomBytes(3).toString('hex')}`;
  await api.createNamespace(namespace);
  try {
    const importPage = new ImportYamlPage(page);
    for (const size of LAYOUT_SIZES) {
      await page.setViewportSize(size);
      await importPage.goto(namespace);
      const select = importPage.main.locator('#import-namespace');
      await expect(select).toHaveValue(namespace);
      // The selected name's text ends at least 8 px before the arrow icon.
      const gap = await select.evaluate((el) => {
        const s = el as HTMLSelectElement;
        const style = getComputedStyle(s);
        const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const box = s.getBoundingClientRect();
        const contentWidth = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const textEnd =
          box.left + parseFloat(style.paddingLeft) + Math.min(ctx.measureText(s.value).width, contentWidth);
        const arrow = s.parentElement?.querySelector('.pf-v6-c-form-control__utilities svg')?.getBoundingClientRect();
        return (arrow?.left ?? box.right) - textEnd;
      });
      expect(gap, `gap between the namespace and the arrow at ${size.width}px`).toBeGreaterThanOrEqual(8);

      await importPage.paste(BAD_VM(`bad-${size.width}`));
      await importPage.create();
      await expect(importPage.summary).toContainText('0 of 1 object created.');
      await expectInsideViewport(importPage.summary, `the summary at ${size.width}px`);
      await expect(importPage.resultRow(1)).toContainText('Error');
      await expectInsideViewport(importPage.resultRow(1), `the error's row at ${size.width}px`);
    }
  } finally {
    await api.deleteNamespace(namespace);
  }
});
