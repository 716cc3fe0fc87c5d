import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets as if they lived at the given paths, with the repository's eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('test support stays in tests', { timeout: 30_000 }, () => {
  it('forbids the server and the app to import test/support, test/fixtures or testing builders', async () => {
    const cases: Array<[string, string]> = [
      ['server/cluster/api/server.ts', "import { x } from '../../../test/support/cluster/test-server.js';"],
      ['server/proxy/app.ts', "import { x } from '../../test/support/proxy/test-servers.js';"],
      ['server/main.ts', "import { x } from '../test/fixtures/kubevirt-examples/vm-cirros.yaml';"],
      ['src/features/vms/list/vm-list.tsx', "import { makeVm } from '../testing/fixtures';"],
      ['src/features/vmis/a.ts', "import { makeVmi } from '../../kubevirt/testing';"],
      ['src/features/services/model/a.ts', "import { service } from './test-fixtures';"],
      ['src/app/a.ts', "import { fixture } from '../../test/support/fixtures';"],
    ];
    for (const [file, src] of cases) expect(await restricted(file, src), `${file}: ${src}`).toHaveLength(1);
  });

  it('lets tests and test builders import them', async () => {
    const cases: Array<[string, string]> = [
      ['server/cluster/api/http.test.ts', "import { x } from '../../../test/support/cluster/test-server.js';"],
      ['src/features/vms/selectors.test.ts', "import { makeVm } from './testing/fixtures';"],
      ['src/features/vms/testing/fixtures.ts', "import { makeVmi } from '../../../kubevirt/testing';"],
      ['src/features/services/model/test-fixtures.ts', "import { fixture } from '../../../../test/support/fixtures';"],
    ];
    for (const [file, src] of cases) expect(await restricted(file, src), `${file}: ${src}`).toEqual([]);
  });

  it('does not mistake a production module for test support', async () => {
    expect(await restricted('server/cluster/api/a.ts', "import { x } from './testing-time.js';")).toEqual([]);
    expect(await restricted('src/features/vms/a.ts', "import { x } from './contest/fixtures';")).toEqual([]);
  });
});
