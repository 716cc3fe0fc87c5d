/**
 * resource.Quantity as far as admission needs it: the CRD schema pattern, parsing to a number,
 * and Go's canonical String() form for messages ("1024Mi" prints as "1Gi").
 */

/** The pattern controller-gen puts on every Quantity field of the KubeVirt and CDI CRDs. */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';
const quantityRe = new RegExp(QUANTITY_PATTERN);

/** The message of resource.ErrFormatWrong, used when a built-in type fails to decode. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

export interface Quantity {
  value: number;
  format: 'BinarySI' | 'DecimalSI' | 'DecimalExponent';
  text: string;
}

export function isQuantityText(value: string): boolean {
  return quantityRe.test(value);
}

/** Parses a quantity (string or JSON number); null when it does not match the pattern. */
export function parseQuantity(input: unknown): Quantity | null {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { value: input, format: 'DecimalSI', text: String(input) } : null;
  }
  if (typeof input !== 'string' || !quantityRe.test(input)) return null;
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(.*)$/.exec(input);
  if (!m) return null;
  const num = Number(m[1]);
  const suffix = m[2];
  if (suffix in BINARY) return { value: num * BINARY[suffix], format: 'BinarySI', text: input };
  if (suffix in DECIMAL) return { value: num * DECIMAL[suffix], format: 'DecimalSI', text: input };
  const exp = Number(suffix.slice(1));
  return { value: num * 10 ** exp, format: 'DecimalExponent', text: input };
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
