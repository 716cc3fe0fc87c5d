const SUFFIXES: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** Bytes in a Kubernetes memory quantity ("1024M", "2Gi", 134217728); undefined if unreadable. */
export function quantityToBytes(quantity: string | number | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  if (typeof quantity === 'number') return quantity;
  const match = /^(\d+(?:\.\d+)?)([kMGT]i?|Ki)?$/.exec(quantity.trim());
  if (!match) return undefined;
  const factor = SUFFIXES[match[2] ?? ''];
  return factor === undefined ? undefined : Math.round(Number(match[1]) * factor);
}
