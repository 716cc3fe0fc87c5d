import { describe, expect, it } from 'vitest';
import { tabFromRest, type DetailsTab } from './details-tabs';

const TABS: [DetailsTab<'overview' | 'yaml'>, DetailsTab<'overview' | 'yaml'>] = [
  { id: 'overview', title: 'Overview' },
  { id: 'yaml', title: 'YAML' },
];

describe('tabFromRest', () => {
  it('reads the first segment after the name, the first tab when there is none, null when unknown', () => {
    expect(tabFromRest(TABS, undefined)).toBe('overview');
    expect(tabFromRest(TABS, '')).toBe('overview');
    expect(tabFromRest(TABS, '/')).toBe('overview');
    expect(tabFromRest(TABS, 'yaml/extra')).toBe('yaml');
    expect(tabFromRest(TABS, 'YAML')).toBeNull();
    expect(tabFromRest(TABS, 'nope')).toBeNull();
  });
});
