/** Smoke test with the real kubectl on PATH against an in-process cluster. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/cluster/test-server.js';
import { fixturePath } from '../../../test/support/fixtures.js';

const run = promisify(execFile);
let kubectlFound = true;
try {
  await run('kubectl', ['version', '--client']);
} catch {
  kubectlFound = false;
}

describe.skipIf(!kubectlFound)('kubectl smoke', () => {
  let t: TestServer;
  let dir: string;
  const k = async (...args: string[]) => {
    const r = await run('kubectl', args, { env: { ...process.env, KUBECONFIG: join(dir, 'config'), HOME: dir } });
    return r.stdout;
  };
  beforeAll(async () => {
    t = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'kubectl-smoke-'));
    writeFileSync(
      join(dir, 'config'),
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: e',
        'clusters: [{name: e, cluster: {server: "' + t.url + '"}}]',
        'contexts: [{name: e, context: {cluster: e, user: u, namespace: default}}]',
        'users: [{name: u, user: {}}]',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the API resources', async () => {
    const out = await k('api-resources');
    expect(out).toMatch(/^virtualmachines\s+vm,vms\s+kubevirt.io\/v1\s+true\s+VirtualMachine$/m);
    expect(out).toMatch(/^datavolumes\s+dv,dvs\s+cdi.kubevirt.io\/v1beta1\s+true\s+DataVolume$/m);
  });

  it('applies a fixture, reads it back as YAML and as a table, applies again server-side', async () => {
    expect(await k('apply', '-f', fixturePath('kubevirt-examples/vm-cirros.yaml'))).toBe(
      'virtualmachine.kubevirt.io/vm-cirros created\n',
    );
    expect(await k('apply', '-f', fixturePath('kubevirt-examples/vm-cirros.yaml'))).toBe(
      'virtualmachine.kubevirt.io/vm-cirros unchanged\n',
    );
    const yaml = await k('get', 'vm', 'vm-cirros', '-o', 'yaml');
    expect(yaml).toContain('kind: VirtualMachine');
    expect(yaml).toContain('runStrategy: Halted');
    const table = await k('get', 'vms');
    expect(table.split('\n')[0]).toMatch(/^NAME\s+AGE\s+STATUS\s+READY$/);
    expect(table.split('\n')[1]).toMatch(/^vm-cirros\s+\d+s/);
    expect(await k('apply', '--server-side', '-f', fixturePath('kubevirt-examples/vm-cirros.yaml'))).toBe(
      'virtualmachine.kubevirt.io/vm-cirros serverside-applied\n',
    );
    expect(await k('get', 'vm', 'vm-cirros', '-o', 'jsonpath={.spec.runStrategy}')).toBe('Halted');
    expect(await k('delete', 'vm', 'vm-cirros')).toBe('virtualmachine.kubevirt.io "vm-cirros" deleted\n');
  });
});
