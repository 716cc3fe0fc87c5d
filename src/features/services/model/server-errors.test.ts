import { describe, expect, it } from 'vitest';
import { mapServerError } from './server-errors';

describe('mapServerError', () => {
  it('puts AlreadyExists on the name, or on the Route choice for a Route', () => {
    const conflict = { code: 409, reason: 'AlreadyExists', message: 'services "web" already exists' };
    expect(mapServerError('Service', conflict, 'web', 'demo')).toEqual({
      fields: { name: 'A service named "web" already exists in namespace demo' },
    });
    expect(mapServerError('Route', conflict, 'web', 'demo')).toEqual({
      fields: { route: 'A route named "web" already exists in namespace demo' },
    });
  });

  it('maps 422 causes to the fields their paths name, and keeps the rest', () => {
    const invalid = {
      code: 422,
      reason: 'Invalid',
      message: 'Service "web" is invalid: ...',
      details: {
        causes: [
          { field: 'spec.ports[0].port', message: 'Invalid value: 70000: must be between 1 and 65535, inclusive' },
          { field: 'spec.ports[0].nodePort', message: 'Invalid value: 30080: provided port is already allocated' },
          { field: 'metadata.name', message: 'Invalid value: "Web": a DNS-1035 label must consist of ...' },
          { field: 'metadata.ownerReferences', message: 'Invalid value: "": uid must not be empty' },
        ],
      },
    };
    expect(mapServerError('Service', invalid, 'web', 'demo')).toEqual({
      fields: {
        port: 'Invalid value: 70000: must be between 1 and 65535, inclusive',
        type: 'Invalid value: 30080: provided port is already allocated',
        name: 'Invalid value: "Web": a DNS-1035 label must consist of ...',
      },
      general: 'Service: metadata.ownerReferences: Invalid value: "": uid must not be empty',
    });
  });

  it('gives the whole message when nothing fits a field', () => {
    expect(
      mapServerError('Service', { code: 403, reason: 'Forbidden', message: 'services is forbidden' }, 'x', 'demo'),
    ).toEqual({
      fields: {},
      general: 'Service: services is forbidden',
    });
    expect(
      mapServerError(
        'Route',
        { code: 422, details: { causes: [{ field: 'spec.host', message: 'bad host' }] } },
        'x',
        'd',
      ),
    ).toEqual({
      fields: { route: 'bad host' },
      general: undefined,
    });
  });
});
