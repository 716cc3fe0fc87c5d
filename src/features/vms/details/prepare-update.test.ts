import { describe, expect, it } from 'vitest';
import { prepareUpdate } from './prepare-update';

const identity = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'vm1', namespace: 'ns' };
const doc = (name = 'vm1', extra = '') =>
  `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: ${name}\n  resourceVersion: "old"\n${extra}spec:\n  runStrategy: Halted\n`;

describe('prepareUpdate', () => {
  it('sets the resourceVersion to send and the namespace', () => {
    const r = prepareUpdate(doc(), identity, '42');
    expect(r.ok && r.object.metadata).toEqual({ name: 'vm1', namespace: 'ns', resourceVersion: '42' });
  });

  it('refuses a rename, another namespace or kind, and bad YAML', () => {
    expect(prepareUpdate(doc('vm2'), identity, '1').ok).toBe(false);
    expect(prepareUpdate(doc('vm1', '  namespace: other\n'), identity, '1').ok).toBe(false);
    expect(prepareUpdate(doc().replace('kind: VirtualMachine', 'kind: Pod'), identity, '1').ok).toBe(false);
    expect(prepareUpdate('metadata: [', identity, '1').ok).toBe(false);
  });
});
