import { Button, Form, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import type { ReactNode } from 'react';

export interface OperationModalProps {
  /** Prefix of the dialog's ids: `<id>-title`, `<id>-form`. */
  id: string;
  title: string;
  /** The VM it acts on (the header's description). */
  of: string;
  submitLabel: string;
  busy: boolean;
  invalid: boolean;
  /** Once the object is created: its live progress, in place of the form (the footer then only closes). */
  progress?: ReactNode;
  onSubmit: () => void;
  onClose: () => void;
  /** The form's fields. */
  children: ReactNode;
}

/** A dialog that creates one object from a form, then follows it (Take snapshot, Clone). */
export function OperationModal(p: OperationModalProps) {
  return (
    <Modal isOpen onClose={p.onClose} variant="medium" aria-labelledby={`${p.id}-title`}>
      <ModalHeader title={p.title} labelId={`${p.id}-title`} description={`Of ${p.of}`} />
      <ModalBody>
        {p.progress ?? (
          <Form
            id={`${p.id}-form`}
            onSubmit={(e) => {
              e.preventDefault();
              if (!p.invalid && !p.busy) p.onSubmit();
            }}
          >
            {p.children}
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        {p.progress ? (
          <Button variant="primary" onClick={p.onClose}>
            Close
          </Button>
        ) : (
          <>
            <Button
              variant="primary"
              type="submit"
              form={`${p.id}-form`}
              isLoading={p.busy}
              isDisabled={p.busy || p.invalid}
            >
              {p.submitLabel}
            </Button>
            <Button variant="link" onClick={p.onClose}>
              Cancel
            </Button>
          </>
        )}
      </ModalFooter>
    </Modal>
  );
}
