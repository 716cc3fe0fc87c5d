import {
  Alert,
  Button,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
} from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { describeChar, planPaste, type KeyEvent } from './keysyms';

/** Pasting more than this at once is most likely a mistake (it is typed key by key). */
export const MAX_PASTE = 10_000;

export interface PasteModalProps {
  onType: (events: KeyEvent[]) => void;
  onClose: () => void;
}

/** "Paste": text typed into the guest key by key, with a warning for characters that cannot be typed. */
export function PasteModal({ onType, onClose }: PasteModalProps) {
  const [text, setText] = useState('');
  const plan = useMemo(() => planPaste(text.slice(0, MAX_PASTE)), [text]);
  const tooLong = text.length > MAX_PASTE;
  return (
    <Modal
      isOpen
      onClose={onClose}
      variant="small"
      aria-labelledby="paste-modal-title"
      aria-describedby="paste-modal-body"
    >
      <ModalHeader title="Paste into the console" labelId="paste-modal-title" />
      <ModalBody id="paste-modal-body">
        <Form
          id="paste-form"
          onSubmit={(e) => {
            e.preventDefault();
            onType(plan.events);
          }}
        >
          <FormGroup label="Text to type" fieldId="paste-text">
            <TextArea
              id="paste-text"
              value={text}
              onChange={(_e, v) => setText(v)}
              autoFocus
              resizeOrientation="vertical"
              rows={6}
              placeholder="Paste text here (Ctrl+V); it is typed into the guest key by key, US keyboard layout."
            />
          </FormGroup>
          {plan.skipped.length > 0 && (
            <Alert
              variant="warning"
              isInline
              title="Some characters cannot be typed and will be skipped"
              id="paste-skipped"
            >
              {plan.skipped.map(describeChar).join(', ')}
            </Alert>
          )}
          {tooLong && (
            <Alert
              variant="warning"
              isInline
              title={`Only the first ${MAX_PASTE.toLocaleString()} characters will be typed`}
            />
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="paste-form" variant="primary" isDisabled={plan.events.length === 0}>
          Type
        </Button>
        <Button variant="link" onClick={onClose}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
}
