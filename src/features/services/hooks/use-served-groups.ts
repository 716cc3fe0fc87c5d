/** Discovery of the served API groups lives in the data layer (the VM details' Services tab uses it too). */
export { DISCOVERY_GROUP, ROUTE_GROUP, useServedGroups, type ServedGroups } from '../../../k8s/use-served-groups';
