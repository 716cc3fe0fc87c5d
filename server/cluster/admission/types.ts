/** The admission contract between the API server's HTTP layer and the admission chain: the store's hook types. */
export type { AdmissionRequest, AdmissionResult } from '../store/hooks.js';
export type { V1Status } from './status.js';
