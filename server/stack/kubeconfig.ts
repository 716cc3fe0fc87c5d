/** Files of a real-stack run: its admin kubeconfig and kube-apiserver's --token-auth-file lines. */

/** A kubeconfig for one user with a bearer token. */
export function kubeconfigYaml(url: string, caFile: string, user: string, token: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: stack`,
    '  cluster:',
    `    server: ${url}`,
    `    certificate-authority: ${caFile}`,
    'users:',
    `- name: ${user}`,
    '  user:',
    `    token: ${token}`,
    'contexts:',
    `- name: stack`,
    '  context:',
    '    cluster: stack',
    `    user: ${user}`,
    'current-context: stack',
    '',
  ].join('\n');
}

export function csvField(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
