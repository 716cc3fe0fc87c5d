import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { k8sCreate, k8sDelete } from '../../../k8s/client';
import { isAbortError, requestUploadToken, uploadToCdi } from '../../../k8s/cdi-upload';
import { isK8sError } from '../../../k8s/k8s-error';
import { DataSourceModel, DataVolumeModel } from '../../../k8s/models';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import { buildDataSource, buildDataVolume, type VolumeSpec } from '../model/volume-manifests';
import { UploadSession, type UploadStage } from './upload-session';

const IDLE: UploadStage = { kind: 'idle' };
const noop = () => () => undefined;

/** The I/O of one upload: the console's API client and CDI transport. */
function sessionFor(spec: VolumeSpec, file: File, withDataSource: boolean): UploadSession {
  const ns = { namespace: spec.namespace };
  return new UploadSession({
    create: async () => {
      await k8sCreate(DataVolumeModel, buildDataVolume(spec));
      if (withDataSource) await k8sCreate(DataSourceModel, buildDataSource(spec));
    },
    requestToken: () => requestUploadToken(spec.namespace, spec.name),
    send: (token, onProgress) => uploadToCdi(file, { token, onProgress }),
    remove: async () => {
      if (withDataSource) await k8sDelete(DataSourceModel, spec.name, ns).catch(() => undefined);
      await k8sDelete(DataVolumeModel, spec.name, ns);
    },
    now: () => performance.now(),
    isAbort: isAbortError,
    codeOf: (e) => (isK8sError(e) ? e.code : undefined),
  });
}

export interface UploadControl {
  stage: UploadStage;
  /** The DataVolume's phase, as CDI reports it. */
  phase: string;
  session: UploadSession | undefined;
  begin: (spec: VolumeSpec, file: File, withDataSource: boolean) => void;
}

/** Runs an upload from the dialog; the DataVolume is watched so each CDI phase moves it on. */
export function useUploadSession(): UploadControl {
  const [run, setRun] = useState<{ session: UploadSession; spec: VolumeSpec }>();
  const session = run?.session;
  const stage = useSyncExternalStore(session?.subscribe ?? noop, () => session?.state ?? IDLE);
  const dv = useK8sGet(DataVolumeModel, run?.spec.name, run?.spec.namespace);
  useEffect(() => {
    session?.observe(dv.data);
  }, [session, dv.data]);
  // Leaving the page stops the upload (the request would die with the page anyway).
  useEffect(() => () => session?.cancel(), [session]);
  // Closing or reloading the window mid-upload asks first, as unsaved changes do.
  const sending = stage.kind === 'uploading' || stage.kind === 'waiting' || stage.kind === 'creating';
  useEffect(() => {
    if (!sending) return undefined;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sending]);
  const begin = useCallback((spec: VolumeSpec, file: File, withDataSource: boolean) => {
    const s = sessionFor(spec, file, withDataSource);
    setRun({ session: s, spec });
    void s.start();
  }, []);
  return { stage, phase: dv.data?.status?.phase ?? '', session, begin };
}
