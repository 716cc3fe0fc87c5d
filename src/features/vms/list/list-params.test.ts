import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, parseListParams, writeListParams } from './list-params';

describe('list view in the URL', () => {
  it('round-trips a view and leaves defaults out', () => {
    const view = {
      text: 'web app=front',
      statuses: ['Running' as const, 'Paused' as const],
      sort: 'created' as const,
      direction: 'desc' as const,
      page: 3,
      perPage: 100,
    };
    const search = writeListParams(view);
    expect(search.toString()).toBe(
      'q=web+app%3Dfront&status=Running%2CPaused&sort=created&dir=desc&page=3&perPage=100',
    );
    expect(parseListParams(search)).toEqual(view);
    expect(writeListParams(DEFAULT_PARAMS).toString()).toBe('');
  });

  it('keeps unrelated parameters and drops ones set back to the default', () => {
    const base = new URLSearchParams('other=1&page=4&q=x');
    expect(writeListParams({ ...DEFAULT_PARAMS, text: 'x' }, base).toString()).toBe('other=1&q=x');
  });

  it('ignores what it cannot read', () => {
    const p = parseListParams(new URLSearchParams('status=Running,bogus,Running&sort=evil&dir=up&page=-2&perPage=7'));
    expect(p).toEqual({ ...DEFAULT_PARAMS, statuses: ['Running'] });
  });
});
