import { Alert, Button, Checkbox, Content, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { k8sDelete } from '../../k8s/client';
import { RouteModel, ServiceModel } from '../../k8s/models';
import { nameOf, namespaceOf } from '../../k8s/meta';
import type { K8sResource } from '../../k8s/types';

export interface DeleteServiceModalProps {
  service: K8sResource;
  /** The Routes that send traffic to the Service. */
  routes: readonly K8sResource[];
  onClose: () => void;
}

const ownedBy = (route: K8sResource, svc: K8sResource): boolean =>
  (route.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Service' && o.uid === svc.metadata?.uid);

/** Confirms and deletes a Service; Routes it does not own can go with it (owned ones are garbage-collected). */
export function DeleteServiceModal({ service, routes, onClose }: DeleteServiceModalProps) {
  const name = nameOf(service);
  const namespace = namespaceOf(service);
  const loose = routes.filter((r) => !ownedBy(r, service));
  const [withRoutes, setWithRoutes] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await k8sDelete(ServiceModel, name, { namespace });
      if (withRoutes) for (const r of loose) await k8sDelete(RouteModel, nameOf(r), { namespace });
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="delete-service-title" id="delete-service-modal">
      <ModalHeader title={`Delete service ${name}?`} titleIconVariant="warning" labelId="delete-service-title" />
      <ModalBody>
        <Content component="p">
          The service <strong>{name}</strong> in namespace <strong>{namespace}</strong> stops forwarding traffic. Its
          virtual machines are not affected
          {routes.length > loose.length ? '; the routes it owns are deleted with it' : ''}.
        </Content>
        {loose.length > 0 && (
          <Checkbox
            id="delete-service-routes"
            label={`Also delete ${loose.length === 1 ? 'route' : 'routes'} ${loose.map(nameOf).join(', ')}`}
            isChecked={withRoutes}
            onChange={(_e, v) => setWithRoutes(v)}
          />
        )}
        {error !== undefined && (
          <Alert variant="danger" isInline title="Could not delete the service" role="alert">
            {error instanceof Error ? error.message : String(error)}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={remove} isLoading={busy} isDisabled={busy}>
          Delete
        </Button>
        <Button variant="link" onClick={onClose} isDisabled={busy}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
}
