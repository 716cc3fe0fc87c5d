/**
 * A boolean query parameter as kube-apiserver's parameter codec reads it
 * (k8s.io/apimachinery/pkg/runtime/conversion.go, Convert_Slice_string_To_bool): absent, "0" or
 * "false" (any case) is false; any other value, the empty string and Python's "True" included, is true.
 */
export function queryBool(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  if (v === null) return false;
  return v !== '0' && v.toLowerCase() !== 'false';
}

/** The same for an optional (*bool) parameter: undefined when absent. */
export function queryOptionalBool(q: URLSearchParams, name: string): boolean | undefined {
  return q.get(name) === null ? undefined : queryBool(q, name);
}
