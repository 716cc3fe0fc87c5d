/** The API groups kube-apiserver compiles in (typed decoding): every other group is a custom resource. */
export const BUILTIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'discovery.k8s.io',
  'authorization.k8s.io',
  'authentication.k8s.io',
  'rbac.authorization.k8s.io',
  'policy',
  'networking.k8s.io',
  'coordination.k8s.io',
  'events.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'admissionregistration.k8s.io',
]);
