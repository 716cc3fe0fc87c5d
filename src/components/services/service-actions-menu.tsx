import { Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { useState } from 'react';
import { useAccessReview } from '../../k8s/access-review';
import type { K8sResource } from '../../k8s/types';
import { accessDeniedReason, describedItemProps, useMenuPlacement } from '../disabled-reason';
import { DeleteServiceModal } from './delete-service-modal';
import { nameOf, namespaceOf } from '../../k8s/meta';

/** Stable ids: `service-<ns>-<name>`, its kebab `...-actions-toggle`, its items `...-delete`. */
export const serviceId = (service: K8sResource): string => `service-${namespaceOf(service)}-${nameOf(service)}`;

type RouteLike = K8sResource & { spec?: { to?: { kind?: string; name?: string } } };

/** The Routes (route.openshift.io) that send traffic to a Service. */
export const routesTo = (routes: readonly RouteLike[], service: K8sResource): RouteLike[] =>
  routes.filter(
    (r) =>
      r.metadata?.namespace === service.metadata?.namespace &&
      r.spec?.to?.kind === 'Service' &&
      r.spec.to.name === service.metadata?.name,
  );

/** The permission Delete needs: checked only while the menu is open. */
function DeleteItem({ service, onDelete }: { service: K8sResource; onDelete: () => void }) {
  const namespace = namespaceOf(service);
  const access = useAccessReview({ resource: 'services', verb: 'delete', namespace, name: service.metadata?.name });
  const reason = accessDeniedReason(access, `delete services in namespace ${namespace}`);
  useMenuPlacement(reason ?? '');
  return (
    <DropdownItem
      {...describedItemProps({
        id: `${serviceId(service)}-delete`,
        description: reason,
        disabled: Boolean(reason),
        danger: true,
      })}
      onClick={() => !reason && onDelete()}
    >
      Delete service
    </DropdownItem>
  );
}

/**
 * A Service's kebab (the Services page and a VM's Services tab): Delete service, disabled with the
 * reason when the user may not, confirmed in a dialog that offers to delete the Routes to it.
 */
export function ServiceActionsMenu({
  service,
  routes = [],
}: {
  service: K8sResource;
  routes?: readonly K8sResource[];
}) {
  const [open, setOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const id = serviceId(service);
  return (
    <>
      <Dropdown
        isOpen={open}
        onOpenChange={setOpen}
        popperProps={{ position: 'right', maxWidth: 'min(28rem, calc(100vw - 2rem))', preventOverflow: true }}
        toggle={(ref) => (
          <MenuToggle
            ref={ref}
            id={`${id}-actions-toggle`}
            variant="plain"
            aria-label={`Actions for service ${nameOf(service)}`}
            isExpanded={open}
            onClick={() => setOpen((o) => !o)}
            icon={<EllipsisVIcon />}
          />
        )}
      >
        <DropdownList>
          {open && (
            <DeleteItem
              service={service}
              onDelete={() => {
                setOpen(false);
                setDeleting(true);
              }}
            />
          )}
        </DropdownList>
      </Dropdown>
      {deleting && <DeleteServiceModal service={service} routes={routes} onClose={() => setDeleting(false)} />}
    </>
  );
}
