import { EmptyState, EmptyStateBody } from '@patternfly/react-core';
import { isPrometheusError } from '../../k8s/prometheus';

/**
 * Why there are no metrics: without a Prometheus (503) where they would come from and how to
 * configure it; otherwise the query's error.
 */
export function PrometheusUnavailable({ error, what }: { error: Error; what: string }) {
  if (isPrometheusError(error) && error.notConfigured)
    return (
      <EmptyState titleText={`No ${what}: Prometheus is not configured`} headingLevel="h3" variant="sm">
        <EmptyStateBody>
          {`The console reads ${what} from a Prometheus-compatible query API through its server at /api/prometheus, `}
          {"using KubeVirt's metrics (kubevirt_vmi_*). Start the console server with "}
          <code>--prometheus-url &lt;url&gt;</code>
          {' naming one (on OpenShift, the thanos-querier route).'}
          {error.message ? ` The server said: ${error.message}` : ''}
        </EmptyStateBody>
      </EmptyState>
    );
  return (
    <EmptyState titleText={`Cannot load ${what}`} headingLevel="h3" variant="sm" status="danger">
      <EmptyStateBody>{error.message}</EmptyStateBody>
    </EmptyState>
  );
}
