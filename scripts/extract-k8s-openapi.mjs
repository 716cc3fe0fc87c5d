// Regenerates server/cluster/openapi-data/kubernetes-swagger.json from Kubernetes' own OpenAPI
// document (k8s.io/kubernetes api/openapi-spec/swagger.json, the version pinned in stack/go.mod):
// the definitions of the built-in kinds the embedded cluster serves and every definition they
// reach, each copied unchanged (the source is JSON indented by two spaces, so each definition's
// text is the source's, byte for byte).
//   node scripts/extract-k8s-openapi.mjs ~/go/pkg/mod/k8s.io/kubernetes@v1.37.2/api/openapi-spec/swagger.json
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** group/version/kind of every built-in kind the embedded cluster serves (store/resources*.ts). */
export const BUILTIN_KINDS = [
  ...['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'Event', 'PersistentVolumeClaim', 'ConfigMap', 'Secret'],
  'ServiceAccount',
]
  .map((k) => `/v1/${k}`)
  .concat([
    'apps/v1/Deployment',
    'apps/v1/ControllerRevision',
    'networking.k8s.io/v1/Ingress',
    'discovery.k8s.io/v1/EndpointSlice',
    'storage.k8s.io/v1/StorageClass',
    'scheduling.k8s.io/v1/PriorityClass',
    'authorization.k8s.io/v1/SelfSubjectAccessReview',
    'authorization.k8s.io/v1/SelfSubjectRulesReview',
    'authentication.k8s.io/v1/SelfSubjectReview',
    'apiextensions.k8s.io/v1/CustomResourceDefinition',
    'rbac.authorization.k8s.io/v1/ClusterRole',
    'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
    'rbac.authorization.k8s.io/v1/Role',
    'rbac.authorization.k8s.io/v1/RoleBinding',
    'events.k8s.io/v1/Event',
    'policy/v1/PodDisruptionBudget',
    'policy/v1/Eviction',
    'coordination.k8s.io/v1/Lease',
    'apiregistration.k8s.io/v1/APIService',
  ]);

function extract(source) {
  const text = readFileSync(source, 'utf8');
  const doc = JSON.parse(text);
  if (JSON.stringify(doc, null, 2) + '\n' !== text) throw new Error(`${source} is not JSON indented by two spaces`);
  const roots = Object.entries(doc.definitions)
    .filter(([, d]) =>
      (d['x-kubernetes-group-version-kind'] ?? []).some((g) =>
        BUILTIN_KINDS.includes(`${g.group}/${g.version}/${g.kind}`),
      ),
    )
    .map(([name]) => name);
  const seen = new Set();
  const todo = [...roots];
  while (todo.length) {
    const name = todo.pop();
    if (seen.has(name)) continue;
    if (!doc.definitions[name]) throw new Error(`${name} is referenced but not defined`);
    seen.add(name);
    for (const m of JSON.stringify(doc.definitions[name]).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g))
      todo.push(m[1]);
  }
  const definitions = Object.fromEntries([...seen].sort().map((n) => [n, doc.definitions[n]]));
  return { definitions, info: doc.info, swagger: doc.swagger };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = process.argv[2];
  if (!source)
    throw new Error('usage: node scripts/extract-k8s-openapi.mjs <kubernetes>/api/openapi-spec/swagger.json');
  const out = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../server/cluster/openapi-data/kubernetes-swagger.json',
  );
  const doc = extract(source);
  writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
  console.log(`${out}: ${Object.keys(doc.definitions).length} definitions`);
}
