import { describe, expect, it } from 'vitest';
import { initialAddVolumeForm, toVolumeSpec, validateAddVolume } from './add-volume-form';

const form = { ...initialAddVolumeForm('demo'), name: 'img' };
const qcow2 = { ok: true as const, format: 'qcow2' as const, virtualSize: 5 * 1024 ** 3, description: 'qcow2' };

describe('validateAddVolume', () => {
  it('an upload needs a file that is an image and a size it fits in', () => {
    expect(validateAddVolume(form)).toEqual({ file: 'Choose a disk image file' });
    expect(validateAddVolume(form, { file: { ok: false, reason: 'This file is text' } })).toEqual({
      file: 'This file is text',
    });
    expect(validateAddVolume({ ...form, size: '4' }, { file: qcow2 }).size).toMatch(/at least 5 GiB/);
    expect(validateAddVolume({ ...form, size: '6' }, { file: qcow2 })).toEqual({});
  });

  it('checks the name, the size, taken names, URLs and image references', () => {
    expect(validateAddVolume({ ...form, name: 'Bad_Name', size: '1.5' }, { file: qcow2 })).toMatchObject({
      name: expect.stringContaining('lower case'),
      size: expect.stringContaining('whole number'),
    });
    expect(validateAddVolume(form, { file: { ...qcow2, virtualSize: 1 }, existingNames: ['img'] }).name).toMatch(
      /already exists/,
    );
    expect(validateAddVolume({ ...form, source: 'url', location: 'ftp://x/y' }).location).toMatch(/http/);
    expect(validateAddVolume({ ...form, source: 'url', location: 'https://x/y.qcow2' })).toEqual({});
    expect(validateAddVolume({ ...form, source: 'registry', location: '' }).location).toBe(
      'Registry image is required',
    );
    expect(validateAddVolume({ ...form, source: 'registry', location: 'quay.io/containerdisks/fedora:41' })).toEqual(
      {},
    );
  });
});

describe('toVolumeSpec', () => {
  it('turns the typed size into Gi', () => {
    expect(toVolumeSpec({ ...form, name: ' img ', size: ' 12 ' })).toMatchObject({
      name: 'img',
      sizeGi: 12,
      namespace: 'demo',
    });
  });
});
