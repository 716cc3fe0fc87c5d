/** Object names as the API server checks them (apimachinery's validation), in its wording. Pure. */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS-1123 label (VM names: they become hostnames), or the reason it is not one. */
export function validateDnsLabel(name: string): string | undefined {
  if (!name) return 'Name is required';
  if (name.length > 63) return 'Name must be no more than 63 characters';
  if (!DNS_LABEL.test(name)) {
    return "Name must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** A DNS-1123 subdomain (most custom resources' names), or the reason it is not one. */
export function validateDnsSubdomain(name: string): string | undefined {
  if (!name) return 'Name is required';
  if (name.length > 253) return 'Name must be no more than 253 characters';
  if (!DNS_SUBDOMAIN.test(name)) {
    return "Name must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

const GENERATE_NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

/** Five random characters from the alphabet the API server uses for generateName. */
export function randomNameSuffix(random: () => number = Math.random): string {
  let out = '';
  for (let i = 0; i < 5; i++) out += GENERATE_NAME_CHARS[Math.floor(random() * GENERATE_NAME_CHARS.length)];
  return out;
}
