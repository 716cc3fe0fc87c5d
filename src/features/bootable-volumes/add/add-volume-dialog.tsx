import { Alert, Button, Form, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { ReasonButton } from '../../../components/disabled-reason';
import { describeError } from '../../../components/error-details';
import { k8sCreate } from '../../../k8s/client';
import { DataSourceModel, DataVolumeModel } from '../../../k8s/models';
import { toVolumeSpec } from '../model/add-volume-form';
import { buildDataSource, buildDataVolume } from '../model/volume-manifests';
import { UploadProgress } from '../upload/upload-progress';
import { useUploadSession } from '../upload/use-upload-session';
import { useAddVolume } from './use-add-volume';
import { VolumeFields } from './volume-fields';

const RUNNING = new Set(['creating', 'waiting', 'uploading', 'processing']);

/**
 * Adds a bootable volume: a DataVolume (uploaded from this computer, or imported from a URL or a
 * registry) and a DataSource naming its PVC. An upload stays in the dialog with its progress.
 */
export function AddVolumeDialog({ namespace, onClose }: { namespace: string; onClose: () => void }) {
  const state = useAddVolume(namespace);
  const upload = useUploadSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { stage, session } = upload;
  const running = RUNNING.has(stage.kind);
  const uploading = stage.kind !== 'idle';
  const blocked = Object.keys(state.errors).length > 0 || state.reading;

  const submit = async () => {
    state.touch();
    if (blocked || state.deniedReason || busy) return;
    const spec = toVolumeSpec(state.form);
    if (spec.source === 'upload') {
      if (state.file) upload.begin(spec, state.file, true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await k8sCreate(DataVolumeModel, buildDataVolume(spec));
      await k8sCreate(DataSourceModel, buildDataSource(spec));
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const close = () => (running ? session?.cancel() : onClose());
  const fileName = state.file?.name ?? '';
  return (
    <Modal variant="medium" isOpen onClose={close} aria-labelledby="add-volume-title" id="add-volume-dialog">
      <ModalHeader title={uploading ? `Uploading ${fileName}` : 'Add bootable volume'} labelId="add-volume-title" />
      <ModalBody>
        {uploading ? (
          <UploadProgress stage={stage} fileName={fileName} />
        ) : (
          <Form
            id="add-volume-form"
            aria-label="Add bootable volume"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <VolumeFields state={state} />
            {error !== undefined && (
              <Alert variant="danger" isInline title="Cannot add the volume" role="alert" id="add-volume-error">
                {describeError(error).message}
              </Alert>
            )}
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        <Footer
          stage={stage.kind}
          canRetry={stage.kind === 'failed' && stage.canRetry}
          created={Boolean(session?.created)}
          source={state.form.source}
          busy={busy}
          deniedReason={state.deniedReason}
          onSubmit={() => void submit()}
          onCancelUpload={() => session?.cancel()}
          onRetry={() => session?.retry()}
          onDelete={() => void session?.deleteVolume().catch((e: unknown) => setError(e))}
          onClose={onClose}
        />
      </ModalFooter>
    </Modal>
  );
}

interface FooterProps {
  stage: string;
  canRetry: boolean;
  created: boolean;
  source: string;
  busy: boolean;
  deniedReason?: string;
  onSubmit: () => void;
  onCancelUpload: () => void;
  onRetry: () => void;
  onDelete: () => void;
  onClose: () => void;
}

/** The buttons for each step: submit; cancel while running; retry, delete or keep after. */
function Footer(p: FooterProps) {
  if (p.stage === 'idle') {
    return (
      <>
        <ReasonButton
          id="add-volume-submit"
          variant="primary"
          onClick={p.onSubmit}
          isLoading={p.busy}
          disabledReason={p.deniedReason}
        >
          {p.source === 'upload' ? 'Upload' : 'Import'}
        </ReasonButton>
        <Button variant="link" onClick={p.onClose}>
          Cancel
        </Button>
      </>
    );
  }
  if (RUNNING.has(p.stage)) {
    return (
      <Button variant="secondary" onClick={p.onCancelUpload} id="upload-cancel">
        Cancel upload
      </Button>
    );
  }
  return (
    <>
      {p.canRetry && (
        <Button variant="primary" onClick={p.onRetry} id="upload-retry">
          Retry
        </Button>
      )}
      {p.created && (p.stage === 'failed' || p.stage === 'canceled') && (
        <Button variant="danger" onClick={p.onDelete} id="upload-delete">
          Delete the DataVolume
        </Button>
      )}
      <Button variant={p.stage === 'succeeded' ? 'primary' : 'link'} onClick={p.onClose} id="upload-close">
        {p.created && (p.stage === 'failed' || p.stage === 'canceled') ? 'Keep it and close' : 'Done'}
      </Button>
    </>
  );
}
