/**
 * resource.Quantity (k8s.io/apimachinery/pkg/api/resource): the one parser of quantities on the
 * server ("128Mi", "1.5", "100m", "1e3", "2E"), the pattern CRDs put on Quantity fields, and Go's
 * canonical String() form for messages. Values are JavaScript numbers (Go keeps them exact).
 */

/** The pattern controller-gen puts on every Quantity field of the KubeVirt and CDI CRDs. */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';
const quantityRe = new RegExp(QUANTITY_PATTERN);

/** The message of resource.ErrFormatWrong, used when a built-in type fails to decode. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** resource.ErrNumeric and resource.ErrSuffix. */
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  /** The number it stands for (bytes, cores, ...). */
  value: number;
  format: QuantityFormat;
  /** The text it was parsed from. */
  text: string;
}

/** A string that is not a quantity; `message` is one of Go's three parse errors. */
export class QuantityError extends Error {}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const SUFFIX_CHARS = 'eEinumkKMGTP';
/** Parsing caps a binarySI quantity's magnitude at 2^63-1. */
const MAX_BINARY = 2 ** 63 - 1;

/** True when the text matches the CRD pattern (OpenAPI validation of custom resources). */
export function isQuantityText(value: string): boolean {
  return quantityRe.test(value);
}

interface Parts {
  negative: boolean;
  num: string;
  denom: string;
  suffix: string;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** parseQuantityString: sign, integer digits, fraction digits, suffix; "+", "-" and "." read as zero. */
function scan(str: string): Parts {
  let pos = 0;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  const numStart = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    const denomStart = ++pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  return { negative, num, denom, suffix: str.slice(suffixStart) };
}

/** The suffix as base and exponent (quantitySuffixer.interpret). */
function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (suffix in DECIMAL) return { base: 10, exponent: DECIMAL[suffix], format: 'DecimalSI' };
  if (suffix in BINARY) return { base: 2, exponent: BINARY[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    if (Number.isSafeInteger(exponent)) return { base: 10, exponent, format: 'DecimalExponent' };
  }
  throw new QuantityError(QUANTITY_SUFFIX_ERROR);
}

/**
 * resource.ParseQuantity: the exact text, no surrounding space. Throws a {@link QuantityError}.
 * A non-zero value finer than 1n rounds away from zero to the next nano, as in Go.
 */
export function parseQuantity(text: string): Quantity {
  if (text === '') throw new QuantityError(QUANTITY_FORMAT_ERROR);
  const { negative, num, denom, suffix } = scan(text);
  const { base, exponent, format: parsedFormat } = interpret(suffix);
  const decimalExponent = base === 10 ? exponent : 0;
  const factor = base === 2 ? 2 ** exponent : 1;
  let magnitude = Number(`${num}.${denom}e${decimalExponent}`) * factor;
  const finerThanNano = base === 10 ? decimalExponent - denom.length < -9 : denom.length > 9;
  if (finerThanNano && /[1-9]/.test(num + denom) && Number.isFinite(magnitude)) {
    const nanos = Number(`${num}.${denom}e${decimalExponent + 9}`) * factor;
    magnitude = Math.max(1, Math.ceil(nanos)) / 1e9;
  }
  let format = parsedFormat;
  if (format === 'BinarySI' && magnitude > MAX_BINARY) magnitude = MAX_BINARY;
  if (format === 'BinarySI' && magnitude > 0 && magnitude < 1) format = 'DecimalSI';
  if (text === '0') format = 'DecimalSI';
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return { value, format, text };
}

/**
 * A quantity as JSON gives it (Quantity.UnmarshalJSON): a string, trimmed, or a number.
 * Throws a {@link QuantityError}; anything else is a format error, as in Go.
 */
export function decodeQuantity(input: unknown): Quantity {
  if (typeof input === 'number') return parseQuantity(String(input));
  if (typeof input !== 'string') throw new QuantityError(QUANTITY_FORMAT_ERROR);
  return parseQuantity(input.trim());
}

/** {@link decodeQuantity}, or null when the input is not a quantity. */
export function tryDecodeQuantity(input: unknown): Quantity | null {
  try {
    return decodeQuantity(input);
  } catch (e) {
    if (e instanceof QuantityError) return null;
    throw e;
  }
}

/**
 * The number a quantity stands for, `fallback` when it is absent (undefined, null or "").
 * Throws a {@link QuantityError} when it is not a quantity.
 */
export function quantityValue(input: unknown, fallback = 0): number {
  if (input === undefined || input === null || input === '') return fallback;
  return decodeQuantity(input).value;
}

/** Quantity.Value(): the value rounded up, away from zero, to an integer (bytes); undefined if not a quantity. */
export function quantityInteger(input: unknown): number | undefined {
  const q = tryDecodeQuantity(input);
  if (!q) return undefined;
  return q.value < 0 ? -Math.ceil(-q.value) : Math.ceil(q.value);
}

const nearlyInteger = (n: number) => Math.abs(n - Math.round(n)) < 1e-9 * Math.max(1, Math.abs(n));

/** Go's Quantity.String(): the largest suffix that keeps the value an integer. */
export function formatQuantity(q: Quantity): string {
  const v = q.value;
  if (v === 0) return '0';
  if (q.format === 'BinarySI' && nearlyInteger(v)) {
    const sign = v < 0 ? '-' : '';
    let abs = Math.round(Math.abs(v));
    const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    let i = 0;
    while (i < suffixes.length - 1 && abs >= 1024 && abs % 1024 === 0) {
      abs /= 1024;
      i++;
    }
    // Go falls back to decimal when the binary form is not exact at any step beyond bytes.
    if (i > 0 || abs < 1024) return `${sign}${abs}${suffixes[i]}`;
  }
  const steps: Array<[string, number]> = [
    ['E', 1e18],
    ['P', 1e15],
    ['T', 1e12],
    ['G', 1e9],
    ['M', 1e6],
    ['k', 1e3],
    ['', 1],
    ['m', 1e-3],
    ['u', 1e-6],
    ['n', 1e-9],
  ];
  for (const [suffix, factor] of steps) {
    const scaled = v / factor;
    if (nearlyInteger(scaled) && Math.abs(scaled) >= 1) return `${Math.round(scaled)}${suffix}`;
  }
  return q.text;
}
