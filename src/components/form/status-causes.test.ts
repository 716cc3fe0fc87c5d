import { describe, expect, it } from 'vitest';
import { isAlreadyExists, placeStatusCauses } from './status-causes';

type Field = 'name' | 'port';
const byPath = (path: string): Field | undefined =>
  path === 'metadata.name' ? 'name' : path.startsWith('spec.ports') ? 'port' : undefined;

describe('placeStatusCauses', () => {
  it('puts each cause on the field its path names and keeps the others with their path', () => {
    const placed = placeStatusCauses<Field>(
      {
        code: 422,
        reason: 'Invalid',
        message: 'Service "Web" is invalid: ...',
        details: {
          causes: [
            { reason: 'FieldValueInvalid', field: 'metadata.name', message: 'Invalid value: "Web": a DNS-1035 label' },
            { reason: 'FieldValueInvalid', field: 'spec.ports[0].port', message: 'must be between 1 and 65535' },
            { reason: 'FieldValueInvalid', field: 'metadata.ownerReferences', message: 'uid must not be empty' },
          ],
        },
      },
      byPath,
    );
    expect(placed).toEqual({
      fields: { name: 'Invalid value: "Web": a DNS-1035 label', port: 'must be between 1 and 65535' },
      leftover: ['metadata.ownerReferences: uid must not be empty'],
    });
  });

  it('joins several causes on one field, in order', () => {
    const placed = placeStatusCauses<Field>(
      {
        details: {
          causes: [
            { field: 'metadata.name', message: 'a' },
            { field: 'metadata.name', message: 'b' },
          ],
        },
      },
      byPath,
    );
    expect(placed.fields).toEqual({ name: 'a; b' });
  });

  it('says what is invalid when a cause has no message, and keeps causes without a path', () => {
    const placed = placeStatusCauses<Field>(
      { details: { causes: [{ field: 'spec.ports[1].port' }, { message: 'no path' }, {}] } },
      byPath,
    );
    expect(placed).toEqual({
      fields: { port: 'spec.ports[1].port is invalid' },
      leftover: ['no path', 'value is invalid'],
    });
  });

  it('places nothing for a Status without causes', () => {
    expect(placeStatusCauses<Field>({ code: 403, reason: 'Forbidden', message: 'forbidden' }, byPath)).toEqual({
      fields: {},
      leftover: [],
    });
  });
});

describe('isAlreadyExists', () => {
  it('is a 409 with reason AlreadyExists only', () => {
    expect(isAlreadyExists({ code: 409, reason: 'AlreadyExists' })).toBe(true);
    expect(isAlreadyExists({ code: 409, reason: 'Conflict' })).toBe(false);
    expect(isAlreadyExists({ code: 422, reason: 'AlreadyExists' })).toBe(false);
  });
});
