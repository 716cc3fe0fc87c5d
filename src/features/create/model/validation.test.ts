import { describe, expect, it } from 'vitest';
import { initialForm, type CreateVmForm } from './form-state';
import { parseLabels } from './labels';
import { applyPreset } from './presets';
import {
  blockingErrors,
  validateCores,
  validateForm,
  validateHttpUrl,
  validateImage,
  validateName,
  validatePositiveNumber,
} from './validation';

const form = (over: Partial<CreateVmForm> = {}): CreateVmForm => ({ ...initialForm('ns1'), name: 'vm1', ...over });

describe('validateName', () => {
  it('accepts DNS-1123 labels', () => {
    for (const ok of ['a', 'vm-1', '1vm', 'a'.repeat(63)]) expect(validateName(ok)).toBeUndefined();
  });
  it('rejects upper case, dots, edges and length', () => {
    expect(validateName('')).toBe('Name is required');
    expect(validateName('MyVM')).toMatch(/lower case alphanumeric/);
    for (const bad of ['-vm', 'vm-', 'vm.a', 'vm_a', 'v m'])
      expect(validateName(bad)).toMatch(/lower case alphanumeric/);
    expect(validateName('a'.repeat(64))).toMatch(/no more than 63/);
  });
});

describe('quantities and other fields', () => {
  it('takes positive numbers only', () => {
    expect(validatePositiveNumber('Memory', '2')).toBeUndefined();
    expect(validatePositiveNumber('Memory', '1.5')).toBeUndefined();
    expect(validatePositiveNumber('Memory', 'abc')).toBe('Memory must be a positive number, e.g. 2 or 1.5');
    expect(validatePositiveNumber('Memory', '0')).toMatch(/positive/);
    expect(validatePositiveNumber('Memory', '-1')).toMatch(/positive/);
    expect(validatePositiveNumber('Memory', '2Gi')).toMatch(/positive/);
    expect(validatePositiveNumber('Memory', ' ')).toBe('Memory is required');
  });
  it('takes whole CPU counts', () => {
    expect(validateCores('2')).toBeUndefined();
    expect(validateCores('0')).toMatch(/at least 1/);
    expect(validateCores('1.5')).toMatch(/whole number/);
    expect(validateCores('1000')).toMatch(/at most/);
  });
  it('checks URLs and images', () => {
    expect(validateHttpUrl('https://x.example/a.img')).toBeUndefined();
    expect(validateHttpUrl('ftp://x/a')).toMatch(/http/);
    expect(validateHttpUrl('not a url')).toMatch(/full URL/);
    expect(validateImage('Image', 'quay.io/a/b:1')).toBeUndefined();
    expect(validateImage('Image', 'quay.io/A/b')).toMatch(/lower case/);
    expect(validateImage('Image', 'a b')).toMatch(/spaces/);
  });
  it('parses labels and reports bad pairs', () => {
    expect(parseLabels('a=1, b=2\nexample.com/c=x')).toEqual({
      labels: { a: '1', b: '2', 'example.com/c': 'x' },
      errors: [],
    });
    expect(parseLabels('novalue').errors).toEqual(['"novalue": use key=value']);
    expect(parseLabels('Bad Key=1').errors[0]).toMatch(/label key "Bad Key"/);
    expect(parseLabels('a=has space').errors[0]).toMatch(/value/);
    expect(parseLabels('UP.com/a=1').errors[0]).toMatch(/prefix/);
  });
});

describe('validateForm', () => {
  it('passes the default form with a name', () => {
    expect(validateForm(form())).toEqual({});
  });
  it('puts each problem on its field', () => {
    const errors = validateForm(form({ name: 'Bad', memory: 'abc', cores: '', labels: 'x' }));
    expect(Object.keys(errors).sort()).toEqual(['cores', 'labels', 'memory', 'name']);
    expect(errors.memory).toBe('Memory must be a positive number, e.g. 2 or 1.5');
  });
  it('checks the fields of the chosen boot source only', () => {
    expect(validateForm(form({ bootSource: 'url', url: '' })).url).toBe('Image URL is required');
    expect(validateForm(form({ bootSource: 'url', url: 'https://a/b', diskSize: 'x' })).diskSize).toMatch(/Disk size/);
    expect(validateForm(form({ bootSource: 'pvc', pvcName: '' })).pvcName).toBe('Choose the PVC to clone');
    expect(validateForm(form({ bootSource: 'pvc', pvcName: 'p', diskSize: '' }))).toEqual({});
    expect(validateForm(form({ bootSource: 'dataSource', dataSource: '' })).dataSource).toBe(
      'Choose a bootable volume',
    );
    expect(validateForm(form({ bootSource: 'dataSource', dataSource: 'os/fedora', diskSize: '' }))).toEqual({});
    expect(validateForm(form({ bootSource: 'registry', registryImage: '' })).registryImage).toMatch(/required/);
    expect(validateForm(form({ bootSource: 'url', containerImage: '', url: 'https://a/b' }))).toEqual({});
  });
  it('needs an instance type instead of CPU and memory when sizing by instance type', () => {
    expect(validateForm(form({ sizing: 'instancetype', memory: 'abc' }))).toEqual({
      instancetype: 'Choose an instance type',
    });
  });
  it('needs something for cloud-init when it is on', () => {
    expect(validateForm(form({ cloudUser: '' })).cloudUser).toMatch(/user, a password or an SSH key/);
    expect(validateForm(form({ cloudInit: 'custom', userData: '' })).userData).toMatch(/user data/);
  });
  it('reports a name taken in the live list, without blocking the server check', () => {
    const f = form({ name: 'taken' });
    const errors = validateForm(f, { existingNames: ['taken'] });
    expect(errors.name).toBe('A VirtualMachine named "taken" already exists in namespace ns1');
    expect(blockingErrors(errors, f)).toEqual({});
    expect(blockingErrors(validateForm(form({ name: 'X' })), form({ name: 'X' })).name).toBeDefined();
  });
});

describe('applyPreset', () => {
  it('fills image, memory, disk bus and a preference the cluster has, and says what it set', () => {
    const { form: f, applied } = applyPreset(form(), 'windows', ['windows.11']);
    expect(f).toMatchObject({
      os: 'windows',
      memory: '4',
      memoryUnit: 'Gi',
      cores: '2',
      diskBus: 'sata',
      preference: 'windows.11',
      bootSource: 'url',
      cloudInit: 'none',
    });
    expect(applied).toContainEqual({ label: 'Disk bus', value: 'sata' });
    expect(applied).toContainEqual({ label: 'Preference', value: 'windows.11' });
  });
  it('sets no preference the cluster lacks', () => {
    const { form: f, applied } = applyPreset(form(), 'cirros', []);
    expect(f).toMatchObject({
      containerImage: 'quay.io/kubevirt/cirros-container-disk-demo:v1.6.2',
      memory: '128',
      memoryUnit: 'Mi',
      preference: '',
    });
    expect(applied).toContainEqual({ label: 'Preference', value: 'none (cirros is not in this cluster)' });
  });
  it('keeps what the user typed elsewhere', () => {
    const { form: f } = applyPreset(form({ name: 'keep', labels: 'a=b', cloudPassword: 'pw' }), 'ubuntu', []);
    expect(f).toMatchObject({ name: 'keep', labels: 'a=b', cloudPassword: 'pw', cloudUser: 'ubuntu' });
  });
});

describe('initialForm', () => {
  it('holds the Fedora preset values', () => {
    const base = initialForm('ns1');
    expect(applyPreset(base, 'fedora', []).form).toEqual(base);
  });
});
