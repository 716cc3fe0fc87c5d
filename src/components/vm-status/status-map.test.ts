import { describe, expect, it } from 'vitest';
import { PRINTABLE_STATUSES, printableStatusFacts } from '../../kubevirt/printable-status';
import { statusInfo } from './status-map';

describe('printableStatus display', () => {
  it('gives each status its own icon, with the facts of src/kubevirt', () => {
    const icons = new Set(PRINTABLE_STATUSES.map((s) => statusInfo(s).icon));
    expect(icons.size).toBe(PRINTABLE_STATUSES.length);
    for (const s of PRINTABLE_STATUSES) expect(statusInfo(s)).toMatchObject(printableStatusFacts(s));
  });
});
