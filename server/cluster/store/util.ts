import { randomInt } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { KObject } from './types.js';

/** Freezes an object graph so accidental mutation of stored objects throws (ESM code is strict). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** A mutable deep copy (plain JSON data only). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

export const deepEqual = isDeepStrictEqual;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** RFC 3339 with second precision, as Kubernetes metav1.Time serializes. */
export function nowRfc3339(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The 5-character suffix kube-apiserver appends to generateName. */
export function randomSuffix(n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  return s;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** "name" or "ns/name" for messages. */
export function describe(obj: KObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name ?? '');
}
