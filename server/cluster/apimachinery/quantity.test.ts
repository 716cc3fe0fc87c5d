/**
 * resource.ParseQuantity's rules, with cases from k8s.io/apimachinery's quantity_test.go
 * (TestQuantityParse, TestParseQuantityString): what parses, to which value and format, and what is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  QuantityError,
  decodeQuantity,
  formatQuantity,
  isQuantityText,
  parseQuantity,
  quantityInteger,
  quantityValue,
  tryDecodeQuantity,
  type QuantityFormat,
} from './quantity.js';

const Ki = 2 ** 10;
const MAX_BINARY = 2 ** 63 - 1;

/** [input, value, format] */
const VALID: Array<[string, number, QuantityFormat]> = [
  ['0', 0, 'DecimalSI'],
  ['0n', 0, 'DecimalSI'],
  ['0u', 0, 'DecimalSI'],
  ['0m', 0, 'DecimalSI'],
  ['0Ki', 0, 'BinarySI'],
  ['0k', 0, 'DecimalSI'],
  ['0Mi', 0, 'BinarySI'],
  ['0M', 0, 'DecimalSI'],
  ['0Gi', 0, 'BinarySI'],
  ['0T', 0, 'DecimalSI'],
  ['1', 1, 'DecimalSI'],
  // binary suffixes
  ['1Ki', Ki, 'BinarySI'],
  ['8Ki', 8 * Ki, 'BinarySI'],
  ['7Mi', 7 * 2 ** 20, 'BinarySI'],
  ['6Gi', 6 * 2 ** 30, 'BinarySI'],
  ['5Ti', 5 * 2 ** 40, 'BinarySI'],
  ['4Pi', 4 * 2 ** 50, 'BinarySI'],
  ['3Ei', 3 * 2 ** 60, 'BinarySI'],
  ['100Ti', 100 * 2 ** 40, 'BinarySI'],
  // decimal suffixes
  ['5n', 5e-9, 'DecimalSI'],
  ['4u', 4e-6, 'DecimalSI'],
  ['3m', 3e-3, 'DecimalSI'],
  ['9', 9, 'DecimalSI'],
  ['8k', 8e3, 'DecimalSI'],
  ['50k', 5e4, 'DecimalSI'],
  ['7M', 7e6, 'DecimalSI'],
  ['6G', 6e9, 'DecimalSI'],
  ['5T', 5e12, 'DecimalSI'],
  ['300T', 3e14, 'DecimalSI'],
  ['2P', 2e15, 'DecimalSI'],
  ['1E', 1e18, 'DecimalSI'],
  ['12E', 12e18, 'DecimalSI'],
  // decimal exponents
  ['1E-3', 1e-3, 'DecimalExponent'],
  ['1e3', 1e3, 'DecimalExponent'],
  ['1E6', 1e6, 'DecimalExponent'],
  ['1e9', 1e9, 'DecimalExponent'],
  ['1E18', 1e18, 'DecimalExponent'],
  ['1e14', 1e14, 'DecimalExponent'],
  ['1.2e3', 1.2e3, 'DecimalExponent'],
  ['1.3E+6', 1.3e6, 'DecimalExponent'],
  ['1.53E12', 1.53e12, 'DecimalExponent'],
  ['0.5e-2', 0.5e-2, 'DecimalExponent'],
  // things that look like floating point
  ['100.035k', 100035, 'DecimalSI'],
  ['0.001', 1e-3, 'DecimalSI'],
  ['0.0005k', 0.5, 'DecimalSI'],
  ['0.00500', 5e-3, 'DecimalSI'],
  ['10.035M', 10035e3, 'DecimalSI'],
  ['9.01', 9.01, 'DecimalSI'],
  ['6.987654321G', 6987654321, 'DecimalSI'],
  ['2.5P', 2.5e15, 'DecimalSI'],
  ['1.01E', 1.01e18, 'DecimalSI'],
  // values finer than a nano round away from zero to the next nano
  ['3.001n', 4e-9, 'DecimalSI'],
  ['1.1E-9', 2e-9, 'DecimalExponent'],
  ['0.0000000001', 1e-9, 'DecimalSI'],
  ['0.00000000050', 1e-9, 'DecimalSI'],
  ['0.5e-9', 1e-9, 'DecimalExponent'],
  ['0.9n', 1e-9, 'DecimalSI'],
  ['0.00000012345', 124e-9, 'DecimalSI'],
  // binarySI saturates at 2^63-1
  ['9Ei', MAX_BINARY, 'BinarySI'],
  ['9223372036854775807Ki', MAX_BINARY, 'BinarySI'],
  // fractional binary
  ['100.035Ki', 102435.84, 'BinarySI'],
  ['0.5Mi', 0.5 * 2 ** 20, 'BinarySI'],
  ['0.025Ti', 0.025 * 2 ** 40, 'BinarySI'],
  // written by trolls
  ['0.000000000001Ki', 2e-9, 'DecimalSI'],
  ['.001', 1e-3, 'DecimalSI'],
  ['.0001k', 0.1, 'DecimalSI'],
  ['1.', 1, 'DecimalSI'],
  ['1.G', 1e9, 'DecimalSI'],
];

const INVALID: Array<[string, string]> = [
  ['', QUANTITY_FORMAT_ERROR],
  ['1.1.M', QUANTITY_FORMAT_ERROR],
  ['1+1.0M', QUANTITY_FORMAT_ERROR],
  ['0.1mi', QUANTITY_SUFFIX_ERROR],
  ['0.1am', QUANTITY_FORMAT_ERROR],
  ['aoeu', QUANTITY_FORMAT_ERROR],
  ['.5i', QUANTITY_SUFFIX_ERROR],
  ['1i', QUANTITY_SUFFIX_ERROR],
  ['-3.01i', QUANTITY_SUFFIX_ERROR],
  ['-3.01e-', QUANTITY_SUFFIX_ERROR],
  ['1e', QUANTITY_SUFFIX_ERROR],
  ['1ki', QUANTITY_SUFFIX_ERROR],
  ['1e2.5', QUANTITY_FORMAT_ERROR],
  [' 1', QUANTITY_FORMAT_ERROR],
  ['1 ', QUANTITY_FORMAT_ERROR],
];

describe('parseQuantity (resource.ParseQuantity)', () => {
  it.each(VALID)('parses %s', (input, value, format) => {
    const q = parseQuantity(input);
    expect(q.value).toBeCloseTo(value, 12);
    expect(q.value / (value || 1)).toBeCloseTo(value ? 1 : 0, 12);
    expect(q.format).toBe(format);
    expect(q.text).toBe(input);
  });

  it.each(VALID)('parses -%s and +%s with the same format', (input, value, format) => {
    const negative = parseQuantity(`-${input}`);
    expect(negative.value).toBeCloseTo(-value, 12);
    expect(negative.format).toBe(format);
    expect(parseQuantity(`+${input}`).value).toBeCloseTo(value, 12);
  });

  it('reads a lone sign or point as zero, as parseQuantityString does', () => {
    for (const input of ['.', '-.', '+', '-']) expect(parseQuantity(input).value).toBe(0);
  });

  it.each(INVALID)('refuses %j with Go’s error', (input, message) => {
    expect(() => parseQuantity(input)).toThrow(QuantityError);
    expect(() => parseQuantity(input)).toThrow(message);
  });

  it('keeps the exact values of binary suffixes and decimal suffixes up to E', () => {
    expect(parseQuantity('128Mi').value).toBe(128 * 2 ** 20);
    expect(parseQuantity('1024M').value).toBe(1.024e9);
    expect(parseQuantity('100m').value).toBe(0.1);
    expect(parseQuantity('2').value).toBe(2);
    expect(parseQuantity('1P').value).toBe(1e15);
    expect(parseQuantity('1E').value).toBe(1e18);
  });

  it('survives hostile input: a long run of digits, a huge exponent', () => {
    expect(parseQuantity('1'.repeat(100_000)).value).toBe(Infinity);
    expect(parseQuantity('1e999999999').value).toBe(Infinity);
    expect(parseQuantity('1e-999999999').value).toBe(1e-9);
    expect(() => parseQuantity('1e99999999999999999999')).toThrow(QUANTITY_SUFFIX_ERROR);
  });
});

describe('decoding quantities from JSON (Quantity.UnmarshalJSON)', () => {
  it('trims strings and reads numbers', () => {
    expect(decodeQuantity(' 2Gi ').value).toBe(2 * 2 ** 30);
    expect(decodeQuantity(1.5).value).toBe(1.5);
    expect(decodeQuantity(1e21).value).toBe(1e21);
  });

  it('refuses other JSON values and non-finite numbers', () => {
    for (const input of [true, {}, [], null, undefined, NaN, Infinity]) {
      expect(() => decodeQuantity(input)).toThrow(QUANTITY_FORMAT_ERROR);
      expect(tryDecodeQuantity(input)).toBeNull();
    }
  });

  it('quantityValue: absent is the fallback, anything else must be a quantity', () => {
    expect(quantityValue(undefined)).toBe(0);
    expect(quantityValue('', 7)).toBe(7);
    expect(quantityValue('250m')).toBe(0.25);
    expect(() => quantityValue('lots')).toThrow(QuantityError);
  });

  it('quantityInteger rounds up away from zero, as Quantity.Value() does', () => {
    expect(quantityInteger('1.5')).toBe(2);
    expect(quantityInteger('100m')).toBe(1);
    expect(quantityInteger('-1.5')).toBe(-2);
    expect(quantityInteger('2Gi')).toBe(2 * 2 ** 30);
    expect(quantityInteger('1P')).toBe(1e15);
    expect(quantityInteger('nope')).toBeUndefined();
    expect(quantityInteger(undefined)).toBeUndefined();
  });
});

describe('the CRD pattern and the canonical form', () => {
  it('matches what controller-gen’s pattern matches', () => {
    for (const ok of ['1', '1.5Gi', '100m', '-1e3', '.5', '1.']) expect(isQuantityText(ok)).toBe(true);
    for (const bad of ['', '.', '1 ', '1ki', 'Gi', '1.1.1']) expect(isQuantityText(bad)).toBe(false);
  });

  it('prints Go’s canonical form', () => {
    expect(formatQuantity(parseQuantity('1.5'))).toBe('1500m');
    expect(formatQuantity(parseQuantity('1.5Gi'))).toBe('1536Mi');
    expect(formatQuantity(parseQuantity('1024Mi'))).toBe('1Gi');
    expect(formatQuantity(parseQuantity('2000m'))).toBe('2');
    expect(formatQuantity(parseQuantity('0Gi'))).toBe('0');
  });
});
