import { describe, expect, it } from 'vitest';
import { matchTargets, prepareTargets, targetKey, type PaletteTarget } from './palette-match';

const vm = (name: string, namespace = 'default'): PaletteTarget => ({ kind: 'vm', name, namespace });
const TARGETS: PaletteTarget[] = [
  vm('fedora-web-1'),
  vm('fedora-web-2', 'demo'),
  vm('cirros'),
  vm('rhel9-db'),
  { kind: 'vmi', name: 'fedora-web-1', namespace: 'default' },
  { kind: 'service', name: 'fedora-web-1-ssh', namespace: 'default' },
  { kind: 'namespace', name: 'demo' },
  { kind: 'namespace', name: 'default' },
];
const prepared = prepareTargets(TARGETS);
const keys = (query: string, recent: string[] = [], limit?: number) =>
  matchTargets(query, prepared, { recent, limit }).map((m) => targetKey(m.target));

describe('matchTargets', () => {
  it('matches a subsequence of the name, best first, and drops what does not match', () => {
    const found = keys('fwb');
    expect(found).toContain('vm/default/fedora-web-1');
    expect(found).toContain('vm/demo/fedora-web-2');
    expect(found).not.toContain('vm/default/cirros');
    expect(found).not.toContain('namespace//demo');
    expect(keys('zzz')).toEqual([]);
    // Contiguous beats scattered.
    expect(keys('web')[0]).toMatch(/fedora-web/);
    expect(keys('db')[0]).toBe('vm/default/rhel9-db');
  });

  it('is case-insensitive and reports the matched characters of the name', () => {
    const [first] = matchTargets('CIRR', prepared);
    expect(targetKey(first.target)).toBe('vm/default/cirros');
    expect(first.indexes).toEqual([0, 1, 2, 3]);
  });

  it('finds namespace/name', () => {
    expect(keys('demo/fed')[0]).toBe('vm/demo/fedora-web-2');
  });

  it('puts an exact name first, then recent targets, then the score', () => {
    // "demo" is a namespace's exact name; the VM in demo only matches through its path.
    expect(keys('demo')[0]).toBe('namespace//demo');
    const recent = ['service/default/fedora-web-1-ssh', 'vm/demo/fedora-web-2'];
    expect(keys('fedora', recent).slice(0, 2)).toEqual(recent);
    expect(keys('fedora-web-1', recent)[0]).toBe('vm/default/fedora-web-1');
    // A recent target that does not match is not listed.
    expect(keys('cirros', recent)).toEqual(['vm/default/cirros']);
  });

  it('lists recent targets first without a query, then the rest by kind and name, up to the limit', () => {
    const recent = ['namespace//demo', 'vm/default/gone', 'vm/default/rhel9-db'];
    expect(keys('', recent)).toEqual([
      'namespace//demo',
      'vm/default/rhel9-db',
      'vm/default/cirros',
      'vm/default/fedora-web-1',
      'vm/demo/fedora-web-2',
      'vmi/default/fedora-web-1',
      'service/default/fedora-web-1-ssh',
      'namespace//default',
    ]);
    expect(keys('', recent, 3)).toEqual(['namespace//demo', 'vm/default/rhel9-db', 'vm/default/cirros']);
    expect(keys('fedora', [], 2)).toHaveLength(2);
  });

  it('finds a recent target even beyond the candidates fuzzysort ranks first', () => {
    const many = Array.from({ length: 2000 }, (_, i) => vm(`vm-${String(i).padStart(4, '0')}`));
    const p = prepareTargets(many);
    const found = matchTargets('vm', p, { recent: ['vm/default/vm-1999'], limit: 5 }).map((m) => m.target.name);
    expect(found[0]).toBe('vm-1999');
    expect(found).toHaveLength(5);
  });
});

describe('matchTargets ties', () => {
  it('lists a VM before its VMI and Service of the same name', () => {
    const p = prepareTargets<PaletteTarget>([
      { kind: 'namespace', name: 'web' },
      { kind: 'service', name: 'web', namespace: 'demo' },
      { kind: 'vmi', name: 'web', namespace: 'demo' },
      vm('web', 'demo'),
    ]);
    expect(matchTargets('we', p).map((m) => m.target.kind)).toEqual(['vm', 'vmi', 'service', 'namespace']);
  });
});

describe('matchTargets with a huge query', () => {
  it('searches only the first characters a name can have', () => {
    expect(matchTargets(`cirros${'x'.repeat(100_000)}`, prepared)).toEqual([]);
    expect(keys(`  cirros${' '.repeat(1000)}`)).toEqual(['vm/default/cirros']);
  });
});
