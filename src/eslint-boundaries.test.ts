import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets as if they lived at the given paths, with the repository's eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (ARCHITECTURE.md)', { timeout: 30_000 }, () => {
  it('forbids a feature to import another feature, at any depth', async () => {
    expect(await restricted('src/features/vms/a.ts', "export { x } from '../vmis/x';")).toHaveLength(1);
    expect(await restricted('src/features/vms/a.ts', "export { x } from '../../features/services/x';")).toHaveLength(1);
    expect(await restricted('src/features/vms/tabs/a.ts', "export { x } from '../../overview/x';")).toHaveLength(1);
  });

  it('lets a feature import itself and the shared layers', async () => {
    const ok = [
      "export { x } from './b';",
      "export { x } from '../vms/b';",
      "export { x } from '../../k8s/models';",
      "export { x } from '../../components/loading-state';",
      "export { x } from '../../lib/time';",
    ];
    for (const src of ok) expect(await restricted('src/features/vms/a.ts', src), src).toEqual([]);
    expect(await restricted('src/features/vms/tabs/a.ts', "export { x } from '../b';")).toEqual([]);
  });

  it('forbids k8s, components and lib to import features', async () => {
    for (const file of ['src/k8s/a.ts', 'src/components/a.tsx', 'src/lib/a.ts', 'src/k8s/watch/a.ts']) {
      const up = file.split('/').length === 4 ? '../../' : '../';
      expect(await restricted(file, `export { x } from '${up}features/vms/x';`), file).toHaveLength(1);
    }
  });

  it('does not mistake packages with a features/ path for the features folder', async () => {
    expect(await restricted('src/components/a.ts', "import 'monaco-editor/features/register.all';")).toEqual([]);
    expect(await restricted('src/features/vms/a.ts', "import 'monaco-editor/features/register.all';")).toEqual([]);
  });

  it('keeps React out of lib and kubevirt, and features out of kubevirt', async () => {
    expect(await restricted('src/lib/a.ts', "export { useState } from 'react';")).toHaveLength(1);
    expect(await restricted('src/kubevirt/a.ts', "export { useState } from 'react';")).toHaveLength(1);
    expect(await restricted('src/kubevirt/a.ts', "export { x } from '../features/vms/selectors';")).toHaveLength(1);
    expect(await restricted('src/features/vmis/a.ts', "export { x } from '../../kubevirt/vmi-selectors';")).toEqual([]);
  });

  it('makes query keys with the one factory only', async () => {
    const spelled = "export const q = { queryKey: ['k8s', 'discovery', 'apis'] };";
    const made = "import { k8sKeys } from '../k8s/query-keys';\nexport const q = { queryKey: k8sKeys.servedGroups };";
    const rule = async (filePath: string, source: string) =>
      (await eslint.lintText(source, { filePath }))[0].messages.filter((m) => m.ruleId === 'no-restricted-syntax');
    expect(await rule('src/components/a.ts', spelled)).toHaveLength(1);
    expect(await rule('src/features/vms/a.ts', spelled.replace("'k8s'", "'k8s', 'x'"))).toHaveLength(1);
    expect(await rule('src/components/a.ts', made)).toEqual([]);
    expect(await rule('src/k8s/query-keys.ts', spelled)).toEqual([]);
  });

  it('makes exhaustive-deps an error', async () => {
    const [result] = await eslint.lintText(
      "import { useEffect } from 'react';\nexport function useX(a: number) {\n  useEffect(() => console.warn(a), []);\n}\n",
      { filePath: 'src/components/use-x.ts' },
    );
    expect(result.messages.find((m) => m.ruleId === 'react-hooks/exhaustive-deps')?.severity).toBe(2);
  });
});
