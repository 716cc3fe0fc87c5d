/** The admission contract between the API server's HTTP layer and the admission chain. */
import type { V1Status } from './status.js';

export type { V1Status };

export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  kind: string;
  namespace?: string;
  name?: string;
  object?: Record<string, unknown>;
  oldObject?: Record<string, unknown>;
  dryRun: boolean;
  userName: string;
}

export type AdmissionResult =
  | { allowed: true; warnings?: string[]; object?: Record<string, unknown> /* mutated */ }
  | { allowed: false; status: V1Status /* the complete Status to return */ };
