/** Labels typed as "key=value" pairs, separated by commas or new lines. */

export interface ParsedLabels {
  labels: Record<string, string>;
  /** One message per bad pair, e.g. `"app": use key=value`. */
  errors: string[];
}

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Kubernetes' IsQualifiedName: an optional DNS-subdomain prefix and a name of at most 63 characters. */
export function labelKeyError(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0 && (!prefix || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return `label key "${key}": the prefix must be a DNS subdomain (lower case, e.g. example.com)`;
  }
  if (!name || name.length > 63 || !NAME.test(name)) {
    return `label key "${key}": at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  }
  return undefined;
}

export function labelValueError(key: string, value: string): string | undefined {
  if (value.length > 63 || !VALUE.test(value)) {
    return `label "${key}": the value must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  }
  return undefined;
}

export function parseLabels(text: string): ParsedLabels {
  const labels: Record<string, string> = {};
  const errors: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const pair = raw.trim();
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq < 0) {
      errors.push(`"${pair}": use key=value`);
      continue;
    }
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const err = labelKeyError(key) ?? labelValueError(key, value);
    if (err) errors.push(err);
    else if (key in labels && labels[key] !== value) errors.push(`label "${key}" is given twice`);
    else labels[key] = value;
  }
  return { labels, errors };
}
