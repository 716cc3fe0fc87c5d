import { describe, expect, it } from 'vitest';
import { initialForm, type CreateVmForm } from './form-state';
import { fieldForPath, mapServerError } from './server-errors';

const form = (over: Partial<CreateVmForm> = {}): CreateVmForm => ({ ...initialForm('ns1'), name: 'vm1', ...over });

describe('fieldForPath', () => {
  it.each([
    ['metadata.name', 'name'],
    ['metadata.labels', 'labels'],
    ['spec.template.metadata.labels', 'labels'],
    ['spec.running', 'runStrategy'],
    ['spec.runStrategy', 'runStrategy'],
    ['spec.template.spec.domain.memory.guest', 'memory'],
    ['spec.template.spec.domain.resources.requests.memory', 'memory'],
    ['spec.domain.memory.guest', 'memory'],
    ['spec.template.spec.domain.cpu.cores', 'cores'],
    ['spec.template.spec.domain.devices.disks[0].disk.bus', 'diskBus'],
    ['spec.template.spec.volumes[0].containerDisk.image', 'containerImage'],
    ['spec.template.spec.networks[1].name', 'secondaryNetwork'],
    ['spec.instancetype.name', 'instancetype'],
    ['spec.preference', 'preference'],
    ['spec.dataVolumeTemplates[0].spec.storage.resources.requests.storage', 'diskSize'],
    ['spec.dataVolumeTemplates[0].spec.storage.storageClassName', 'storageClass'],
  ])('%s → %s', (path, field) => {
    expect(fieldForPath(path, form())).toBe(field);
  });

  it('follows the boot source and cloud-init mode', () => {
    expect(fieldForPath('spec.dataVolumeTemplate[0]', form({ bootSource: 'url' }))).toBe('url');
    expect(fieldForPath('spec.dataVolumeTemplates[0].spec.source.registry.url', form({ bootSource: 'registry' }))).toBe(
      'registryImage',
    );
    expect(fieldForPath('spec.template.spec.volumes[1].cloudInitNoCloud', form({ cloudInit: 'custom' }))).toBe(
      'userData',
    );
    expect(fieldForPath('spec.template.spec.volumes[1].cloudInitNoCloud', form())).toBe('cloudUser');
  });

  it('returns undefined for paths the form does not own', () => {
    expect(fieldForPath('spec.template.spec.hostname', form())).toBeUndefined();
    expect(fieldForPath(undefined, form())).toBeUndefined();
  });
});

describe('mapServerError', () => {
  it('puts 422 causes on fields and keeps the rest as a general message', () => {
    const mapped = mapServerError(
      {
        code: 422,
        reason: 'Invalid',
        message: 'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: ...',
        details: {
          causes: [
            {
              reason: 'FieldValueNotSupported',
              message: 'creation of the following reserved kubevirt.io/ labels on a VMI object is prohibited',
              field: 'spec.template.metadata.labels',
            },
            { reason: 'FieldValueInvalid', message: 'bad hostname', field: 'spec.template.spec.hostname' },
          ],
        },
      },
      form(),
    );
    expect(mapped.fields).toEqual({
      labels: 'creation of the following reserved kubevirt.io/ labels on a VMI object is prohibited',
    });
    expect(mapped.general).toBe('spec.template.spec.hostname: bad hostname');
  });

  it('joins several causes on one field', () => {
    const mapped = mapServerError(
      {
        code: 422,
        details: {
          causes: [
            { field: 'metadata.name', message: 'a' },
            { field: 'metadata.name', message: 'b' },
          ],
        },
      },
      form(),
    );
    expect(mapped.fields.name).toBe('a; b');
  });

  it('says a 409 AlreadyExists is a taken name', () => {
    const mapped = mapServerError(
      { code: 409, reason: 'AlreadyExists', message: 'virtualmachines.kubevirt.io "vm1" already exists' },
      form(),
    );
    expect(mapped.fields.name).toBe(
      'A VirtualMachine named "vm1" already exists in namespace ns1: choose another name',
    );
  });

  it('keeps the whole message when no cause can be placed', () => {
    expect(mapServerError({ code: 403, message: 'forbidden' }, form())).toEqual({ fields: {}, general: 'forbidden' });
  });
});
