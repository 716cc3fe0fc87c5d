import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useUnsavedChangesBlocker } from '../../../components/use-unsaved-changes-blocker';

/**
 * While `dirty`, leaving the page (another tab, a link, closing the window) asks first, so
 * unsaved YAML edits are not lost by a stray click.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const blocker = useUnsavedChangesBlocker(dirty);
  if (blocker.state !== 'blocked') return null;
  return (
    <Modal variant="small" isOpen onClose={() => blocker.reset()} aria-labelledby="unsaved-changes-title">
      <ModalHeader title="Discard unsaved changes?" labelId="unsaved-changes-title" titleIconVariant="warning" />
      <ModalBody>Your YAML edits have not been saved. Leaving this tab discards them.</ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={() => blocker.proceed()}>
          Discard changes
        </Button>
        <Button variant="link" onClick={() => blocker.reset()}>
          Keep editing
        </Button>
      </ModalFooter>
    </Modal>
  );
}
