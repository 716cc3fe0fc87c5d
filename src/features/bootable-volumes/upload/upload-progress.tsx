import { Alert, Content, Progress, ProgressMeasureLocation, Spinner } from '@patternfly/react-core';
import { formatBytes } from '../model/image-format';
import { formatDuration } from '../model/transfer-rate';
import type { UploadStage } from './upload-session';

/** Where the upload is, in words; the numbers of the transfer; CDI's answer. */
export function UploadProgress({ stage, fileName }: { stage: UploadStage; fileName: string }) {
  const { kind } = stage;
  return (
    <div id="upload-progress">
      {kind === 'creating' && (
        <Content component="p" role="status">
          <Spinner size="md" aria-hidden /> Creating the DataVolume…
        </Content>
      )}
      {kind === 'waiting' && (
        <Content component="p" role="status" id="upload-phase">
          <Spinner size="md" aria-hidden /> Waiting for CDI to get ready for the upload (DataVolume phase:{' '}
          {stage.phase || 'Pending'})…
        </Content>
      )}
      {kind === 'uploading' && <Transfer stage={stage} fileName={fileName} />}
      {kind === 'processing' && (
        <>
          <Progress
            value={100}
            title={`${fileName} to CDI`}
            id="upload-bar"
            measureLocation={ProgressMeasureLocation.outside}
          />
          <Content component="p" role="status" id="upload-phase">
            <Spinner size="md" aria-hidden /> All bytes sent. CDI is writing the image (DataVolume phase:{' '}
            {stage.phase || 'UploadReady'})…
          </Content>
        </>
      )}
      {kind === 'succeeded' && (
        <Alert variant="success" isInline title="Upload complete" id="upload-result">
          CDI wrote the image: the DataVolume Succeeded.
        </Alert>
      )}
      {kind === 'failed' && (
        <Alert variant="danger" isInline title="Upload failed" id="upload-result" role="alert">
          {stage.message}
        </Alert>
      )}
      {kind === 'canceled' && (
        <Alert variant="warning" isInline title="Upload cancelled" id="upload-result">
          Nothing more is sent. The DataVolume stays, waiting for an upload: delete it, or keep it and upload later.
        </Alert>
      )}
      {kind === 'deleted' && (
        <Alert variant="info" isInline title="Deleted" id="upload-result">
          The DataVolume is deleted.
        </Alert>
      )}
    </div>
  );
}

function Transfer({ stage, fileName }: { stage: Extract<UploadStage, { kind: 'uploading' }>; fileName: string }) {
  const { sent, total, rate, secondsLeft } = stage;
  const pct = total ? Math.floor((sent / total) * 100) : 0;
  const waitingForCdi = total > 0 && sent >= total;
  const parts = [`${formatBytes(sent)} of ${total ? formatBytes(total) : '…'}`];
  if (rate !== undefined) parts.push(`${formatBytes(rate)}/s`);
  if (secondsLeft !== undefined && !waitingForCdi) parts.push(`${formatDuration(secondsLeft)} left`);
  return (
    <>
      <Progress
        value={pct}
        title={`${fileName} to CDI`}
        id="upload-bar"
        measureLocation={ProgressMeasureLocation.outside}
        aria-valuetext={`${pct}%, ${parts.join(', ')}`}
      />
      <Content component="p" id="upload-numbers" aria-live="polite">
        {total ? parts.join(' · ') : 'Asking CDI for an upload token…'}
        {waitingForCdi ? ' · CDI is checking and converting the image…' : ''}
      </Content>
    </>
  );
}
