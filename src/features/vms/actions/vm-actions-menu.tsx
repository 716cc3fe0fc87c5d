import { Dropdown, DropdownItem, DropdownList, MenuToggle, type MenuToggleElement } from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { Fragment, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useNavigate } from 'react-router';
import { accessDeniedReason, describedItemProps, useMenuPlacement } from '../../../components/disabled-reason';
import { useOpenAfterMount } from '../../../components/lazy-popups/use-open-after-mount';
import { useAccessReview } from '../../../k8s/access-review';
import { namespacedPath } from '../../../lib/routes';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import { type VMI } from '../../../kubevirt/vmi-selectors';
import { useVmAccess } from './use-vm-access';
import { vmActionsToggleId } from './vm-actions-toggle-id';
import { useVmActionRunner } from './use-vm-action-runner';
import { vmActions, type VmAction } from './vm-actions';
import { VmActionDialog, type VmDialogActionId } from './vm-action-dialog';
import { VmDeleteDialog } from './vm-delete-dialog';

export interface VmActionsMenuProps {
  vm: VM;
  vmi?: VMI;
  /** Called once a delete has been accepted (e.g. the details page goes back to the list). */
  onDeleted?: () => void;
  /** Mount open, with the focus on the toggle (the list loads this menu on the kebab's first click). */
  defaultOpen?: boolean;
}

export { vmActionsToggleId };

/** Mounted only while the menu is open, so a table of closed kebabs asks nothing of the server. */
function VmActionItems({ vm, vmi, onPick }: { vm: VM; vmi?: VMI; onPick: (a: VmAction) => void }) {
  const access = useVmAccess(namespaceOf(vm));
  const actions = useMemo(() => vmActions(vm, vmi, access), [vm, vmi, access]);
  // Expose (a Service for a port) is the Services feature's page, reached by its URL.
  const navigate = useNavigate();
  const canExpose = useAccessReview({ resource: 'services', verb: 'create', namespace: namespaceOf(vm) });
  const exposeReason = accessDeniedReason(canExpose, 'create services in this namespace');
  useMenuPlacement([...actions.map((a) => a.disabledReason), exposeReason].join('|'));
  const expose = (
    <DropdownItem
      value="expose"
      {...describedItemProps({
        id: `${vmActionsToggleId(vm)}-expose`,
        disabled: !canExpose.allowed,
        description: exposeReason,
      })}
      onClick={() =>
        canExpose.allowed && navigate(namespacedPath('virtualmachines', namespaceOf(vm), nameOf(vm), 'expose'))
      }
    >
      Expose
    </DropdownItem>
  );
  return (
    <DropdownList>
      {actions.map((a) => (
        <Fragment key={a.id}>
          {a.id === 'delete' && expose}
          <DropdownItem
            value={a.id}
            {...describedItemProps({
              id: `${vmActionsToggleId(vm)}-${a.id}`,
              description: a.disabledReason,
              disabled: Boolean(a.disabledReason),
              danger: a.id === 'delete',
            })}
            onClick={() => onPick(a)}
          >
            {a.label}
          </DropdownItem>
        </Fragment>
      ))}
    </DropdownList>
  );
}

const MARGIN_PX = 16;

/** The height a menu may take on the roomier side of its toggle (above or below), with a margin. */
export function roomBesideToggle(toggle: { top: number; bottom: number }, windowHeight: number): number {
  return Math.max(160, Math.floor(Math.max(toggle.top, windowHeight - toggle.bottom) - MARGIN_PX));
}

/** A kebab with every action of one VM; unavailable ones are disabled with their reason. */
export function VmActionsMenu({ vm, vmi, onDeleted, defaultOpen = false }: VmActionsMenuProps) {
  const [wanted, setOpen] = useState(defaultOpen);
  // Shown once the click that mounted it is over (see useOpenAfterMount), not mounted open.
  const open = useOpenAfterMount() && wanted;
  // The menu (a dozen actions, each with its reason when disabled) may be taller than the room on
  // either side of its toggle: it scrolls within the larger room, where PatternFly's Popper flips it.
  const toggleRef = useRef<MenuToggleElement | null>(null);
  const [maxHeight, setMaxHeight] = useState<number>();
  useLayoutEffect(() => {
    const rect = toggleRef.current?.getBoundingClientRect();
    if (open && rect) setMaxHeight(roomBesideToggle(rect, window.innerHeight));
  }, [open]);
  const [deleting, setDeleting] = useState(false);
  const [dialog, setDialog] = useState<VmDialogActionId>();
  const { run } = useVmActionRunner();
  const pick = (a: VmAction) => {
    if (a.disabledReason) return;
    setOpen(false);
    if (a.needsConfirmation) setDeleting(true);
    else if (a.opensDialog) setDialog(a.id as VmDialogActionId);
    // Failures are shown by VmActionAlerts; nothing else to do here.
    else run(a, vm).catch(() => undefined);
  };
  const toggle = (ref?: Ref<MenuToggleElement>) => (
    <MenuToggle
      ref={(el) => {
        toggleRef.current = el;
        if (typeof ref === 'function') ref(el);
        else if (ref) (ref as { current: MenuToggleElement | null }).current = el;
      }}
      id={vmActionsToggleId(vm)}
      variant="plain"
      aria-label={`Actions for ${nameOf(vm)}`}
      isExpanded={open}
      onClick={() => setOpen(!open)}
      icon={<EllipsisVIcon />}
      // Takes the focus from the placeholder toggle the user just pressed (see defaultOpen).
      autoFocus={defaultOpen}
    />
  );
  return (
    <>
      <Dropdown
        isOpen={open}
        onOpenChange={setOpen}
        // A long reason (why Migrate is disabled) wraps instead of widening the menu across the page,
        // and the menu stays inside the window whatever the toggle's place.
        popperProps={{ position: 'right', maxWidth: 'min(28rem, calc(100vw - 2rem))', preventOverflow: true }}
        isScrollable
        maxMenuHeight={maxHeight === undefined ? undefined : `${maxHeight}px`}
        toggle={(ref) => toggle(ref)}
      >
        {open && <VmActionItems vm={vm} vmi={vmi} onPick={pick} />}
      </Dropdown>
      {dialog && <VmActionDialog id={dialog} vm={vm} vmi={vmi} onClose={() => setDialog(undefined)} />}
      {deleting && <VmDeleteDialog vm={vm} vmi={vmi} onClose={() => setDeleting(false)} onDeleted={onDeleted} />}
    </>
  );
}
