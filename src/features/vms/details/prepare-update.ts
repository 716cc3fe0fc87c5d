import { parseYamlObject, type YamlProblem } from '../../../components/yaml-editor/yaml-text';

export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
}

export type PreparedUpdate =
  | { ok: true; object: Record<string, unknown> & { metadata: Record<string, unknown> } }
  | { ok: false; problems: YamlProblem[] };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The object to PUT from the editor's text: it must parse, be the same object (kind, name,
 * namespace: a PUT cannot rename), and it carries `resourceVersion` — the version the edits were
 * made against (a concurrent change then gives 409), or the latest one to overwrite.
 */
export function prepareUpdate(text: string, identity: ObjectIdentity, resourceVersion: string): PreparedUpdate {
  const parsed = parseYamlObject(text);
  if (!parsed.ok) return parsed;
  const obj = parsed.object;
  const meta =
    typeof obj.metadata === 'object' && obj.metadata !== null ? (obj.metadata as Record<string, unknown>) : {};
  const problems: YamlProblem[] = [];
  if (str(obj.kind) !== identity.kind) problems.push({ message: `kind must stay ${identity.kind}` });
  if (str(obj.apiVersion)?.split('/')[0] !== identity.apiVersion.split('/')[0]) {
    problems.push({ message: `apiVersion must stay in ${identity.apiVersion.split('/')[0]}` });
  }
  if (str(meta.name) !== identity.name)
    problems.push({ message: `metadata.name must stay ${identity.name}: a VirtualMachine cannot be renamed` });
  if (meta.namespace !== undefined && meta.namespace !== identity.namespace) {
    problems.push({ message: `metadata.namespace must stay ${identity.namespace}` });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, object: { ...obj, metadata: { ...meta, namespace: identity.namespace, resourceVersion } } };
}
