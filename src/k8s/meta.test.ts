import { describe, expect, it } from 'vitest';
import { annotationsOf, isBeingDeleted, labelsOf, nameOf, namespaceOf, selectorMatches, uidOf } from './meta';

describe('metadata reads', () => {
  it('reads name, namespace, uid, labels and annotations with empty defaults', () => {
    const o = { metadata: { name: 'a', namespace: 'ns', uid: 'u', labels: { x: '1' }, annotations: { y: '2' } } };
    expect([nameOf(o), namespaceOf(o), uidOf(o), labelsOf(o), annotationsOf(o)]).toEqual([
      'a',
      'ns',
      'u',
      { x: '1' },
      { y: '2' },
    ]);
    expect([nameOf(undefined), namespaceOf({}), uidOf({}), labelsOf({}), annotationsOf(undefined)]).toEqual([
      '',
      '',
      undefined,
      {},
      {},
    ]);
    expect(isBeingDeleted({ metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' } })).toBe(true);
    expect(isBeingDeleted({ metadata: {} })).toBe(false);
  });
});

describe('selectorMatches', () => {
  it('needs every selector pair, and never matches an empty selector', () => {
    expect(selectorMatches({ a: '1' }, { a: '1', b: '2' })).toBe(true);
    expect(selectorMatches({ a: '1', b: '3' }, { a: '1', b: '2' })).toBe(false);
    expect(selectorMatches({ a: '1', c: '3' }, { a: '1', b: '2' })).toBe(false);
    expect(selectorMatches({ a: '2' }, { a: '1' })).toBe(false);
    expect(selectorMatches({}, { a: '1' })).toBe(false);
    expect(selectorMatches(undefined, { a: '1' })).toBe(false);
  });
});
