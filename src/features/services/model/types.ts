/** The kinds the Services feature reads and writes, typed from the KubeVirt API package where one fits. */
import type {
  IoK8sApiCoreV1Endpoints,
  IoK8sApiCoreV1Node,
  IoK8sApiCoreV1Service,
  IoK8sApiCoreV1ServicePort,
  IoK8sApiCoreV1ServiceSpec,
  IoK8sApiDiscoveryV1EndpointSlice,
} from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { K8sResource } from '../../../k8s/types';

/** A Service port; the generated type has `targetPort` as a string, but it is an int-or-string. */
export type ServicePort = Omit<IoK8sApiCoreV1ServicePort, 'targetPort'> & { targetPort?: number | string };
export type Service = Omit<IoK8sApiCoreV1Service, 'spec'> & {
  spec?: Omit<IoK8sApiCoreV1ServiceSpec, 'ports'> & { ports?: ServicePort[] };
};
export type EndpointSlice = IoK8sApiDiscoveryV1EndpointSlice;
export type Endpoints = IoK8sApiCoreV1Endpoints;
export type Node = IoK8sApiCoreV1Node;
export type VM = V1VirtualMachine;
export type VMI = V1VirtualMachineInstance;

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';
export type Protocol = 'TCP' | 'UDP';

/** An OpenShift Route (route.openshift.io/v1); no type package covers it. */
export interface Route extends K8sResource {
  spec?: {
    host?: string;
    path?: string;
    to: { kind: 'Service'; name: string; weight?: number };
    port?: { targetPort: string | number };
    tls?: {
      termination: 'edge' | 'passthrough' | 'reencrypt';
      insecureEdgeTerminationPolicy?: 'Redirect' | 'Allow' | 'None';
    };
    wildcardPolicy?: 'None' | 'Subdomain';
  };
  status?: {
    ingress?: Array<{
      host?: string;
      routerName?: string;
      conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
    }>;
  };
}
