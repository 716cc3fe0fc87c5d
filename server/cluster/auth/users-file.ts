/**
 * The users file (--users): bearer tokens mapped to a user, groups and role grants.
 * YAML or JSON; the format is documented in docs/users-file.md. Errors name the file and entry.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type RoleName = 'admin' | 'edit' | 'view';

/** A role granted cluster-wide (no namespaces: a ClusterRoleBinding) or in the listed namespaces. */
export interface RoleGrant {
  role: RoleName;
  namespaces?: string[];
}

export interface UserEntry {
  name: string;
  token: string;
  groups: string[];
  roles: RoleGrant[];
}

const ROLES: RoleName[] = ['admin', 'edit', 'view'];

export class UsersFileError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, where: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s === '')) {
    throw new UsersFileError(`${where} must be a list of non-empty strings`);
  }
  return v as string[];
}

function parseRole(v: unknown, where: string): RoleGrant {
  if (typeof v === 'string') v = { role: v };
  if (!isRecord(v)) throw new UsersFileError(`${where} must be an object like {role: edit, namespaces: [ns]}`);
  const role = v.role;
  if (typeof role !== 'string' || !ROLES.includes(role as RoleName)) {
    throw new UsersFileError(`${where}.role must be one of ${ROLES.join(', ')}`);
  }
  const namespaces = stringList(v.namespaces, `${where}.namespaces`);
  if (v.namespaces !== undefined && namespaces.length === 0) {
    throw new UsersFileError(
      `${where}: role ${role} has an empty list of namespaces (leave it out to grant the role cluster-wide)`,
    );
  }
  return namespaces.length ? { role: role as RoleName, namespaces } : { role: role as RoleName };
}

/** Validates parsed users-file content. */
export function parseUsers(content: unknown, source = 'users file'): UserEntry[] {
  const list = isRecord(content) ? content.users : content;
  if (!Array.isArray(list)) throw new UsersFileError(`${source}: expected a top-level "users" list`);
  const tokens = new Set<string>();
  return list.map((u, i) => {
    const where = `${source}: users[${i}]`;
    if (!isRecord(u)) throw new UsersFileError(`${where} must be an object`);
    const { name, token } = u;
    if (typeof name !== 'string' || name === '') throw new UsersFileError(`${where}.name must be a non-empty string`);
    if (typeof token !== 'string' || token.length < 8)
      throw new UsersFileError(`${where}.token must be a string of at least 8 characters`);
    if (/\s/.test(token)) throw new UsersFileError(`${where}.token must not contain whitespace`);
    if (tokens.has(token)) throw new UsersFileError(`${where}.token is already used by another user`);
    tokens.add(token);
    const rolesRaw = u.roles ?? [];
    if (!Array.isArray(rolesRaw)) throw new UsersFileError(`${where}.roles must be a list`);
    return {
      name,
      token,
      groups: stringList(u.groups, `${where}.groups`),
      roles: rolesRaw.map((r, j) => parseRole(r, `${where}.roles[${j}]`)),
    };
  });
}

/** Reads and validates a users file (YAML is a superset of JSON, so one parser reads both). */
export function readUsersFile(path: string): UserEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsersFileError(`cannot read users file ${path}: ${(e as Error).message}`);
  }
  let content: unknown;
  try {
    content = parse(text);
  } catch (e) {
    throw new UsersFileError(`users file ${path} is not valid YAML or JSON: ${(e as Error).message}`);
  }
  return parseUsers(content, path);
}
