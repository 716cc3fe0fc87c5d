import { describe, expect, it } from 'vitest';
import type { VMIM } from '../../kubevirt/migrations';
import type { VMI } from '../../kubevirt/vmi-selectors';
import { migrationDataByVmi, migrationRows } from './migration-rows';

const vmim = (name: string, vmiName: string, phase: string, created: string): VMIM => ({
  metadata: { name, namespace: 'demo', uid: `uid-${name}`, creationTimestamp: created },
  spec: { vmiName },
  status: { phase },
});

const vmi = (name: string, migrationUid: string): VMI =>
  ({
    metadata: { name, namespace: 'demo' },
    status: {
      migrationState: {
        migrationUid,
        sourceNode: 'node01',
        targetNode: 'node02',
        migrationPolicyName: 'fast',
        migrationConfiguration: { allowAutoConverge: true, completionTimeoutPerGiB: 150 },
      },
    },
  }) as VMI;

describe('migration rows', () => {
  it('joins each migration to its VMI state and its data figures, newest first', () => {
    const data = migrationDataByVmi(
      [
        { metric: { namespace: 'demo', name: 'fedora' }, time: 1, value: 300 },
        { metric: { name: 'no-namespace' }, time: 1, value: 1 },
      ],
      [{ metric: { namespace: 'demo', name: 'fedora' }, time: 1, value: 100 }],
    );
    const rows = migrationRows(
      [
        vmim('old', 'cirros', 'Succeeded', '2026-12-03T09:00:00Z'),
        vmim('new', 'fedora', 'Running', '2026-12-03T10:00:00Z'),
      ],
      [vmi('fedora', 'uid-new'), vmi('cirros', 'uid-other')],
      data,
    );
    expect(rows.map((r) => r.name)).toEqual(['new', 'old']);
    const [running, done] = rows;
    expect(running).toMatchObject({
      vmiName: 'fedora',
      phase: 'Running',
      sourceNode: 'node01',
      targetNode: 'node02',
      policyName: 'fast',
      policySettings: ['auto-converge', 'completion timeout 150 s/GiB'],
    });
    expect(running.progress?.percent).toBe(75);
    // The VMI's state belongs to another migration: this one's nodes are unknown.
    expect(done.sourceNode).toBeUndefined();
    expect(done.progress?.percent).toBe(100);
  });

  it('ignores a processed figure without its remaining one', () => {
    const data = migrationDataByVmi([{ metric: { namespace: 'demo', name: 'fedora' }, time: 1, value: 300 }], []);
    const [row] = migrationRows([vmim('m', 'fedora', 'Running', '2026-12-03T10:00:00Z')], [], data);
    expect(row.progress).toBeUndefined();
  });
});
