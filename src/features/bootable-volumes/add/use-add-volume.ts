import { useEffect, useMemo, useState } from 'react';
import { accessDeniedReason } from '../../../components/disabled-reason';
import { useAccessReview } from '../../../k8s/access-review';
import { nameOf } from '../../../k8s/meta';
import {
  DataSourceModel,
  DataVolumeModel,
  NamespaceModel,
  StorageClassModel,
  VirtualMachineClusterPreferenceModel,
} from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { initialAddVolumeForm, validateAddVolume, type AddVolumeForm } from '../model/add-volume-form';
import type { ImageCheck } from '../model/image-format';
import { defaultSizeGi } from '../model/upload-size';
import { nameFromFile } from '../model/volume-manifests';
import { inspectFile } from '../upload/inspect-file';

const names = (items: { metadata?: { name?: string } }[] | undefined): string[] =>
  (items ?? [])
    .map((o) => nameOf(o))
    .filter(Boolean)
    .sort();

/** Why the user may not add a volume in the namespace (DataVolume, DataSource, upload token); undefined when they may. */
function useAddAccess(namespace: string, upload: boolean): string | undefined {
  const dv = useAccessReview({ group: 'cdi.kubevirt.io', resource: 'datavolumes', verb: 'create', namespace });
  const ds = useAccessReview({ group: 'cdi.kubevirt.io', resource: 'datasources', verb: 'create', namespace });
  const token = useAccessReview(
    { group: 'upload.cdi.kubevirt.io', resource: 'uploadtokenrequests', verb: 'create', namespace },
    { enabled: upload },
  );
  return (
    accessDeniedReason(dv, `create DataVolumes in namespace ${namespace}`) ??
    accessDeniedReason(ds, `create DataSources in namespace ${namespace}`) ??
    (upload ? accessDeniedReason(token, `upload to CDI in namespace ${namespace}`) : undefined)
  );
}

/** The add-volume form: fields, the picked file and what it is, options, checks and permissions. */
export function useAddVolume(defaultNamespace: string) {
  const [form, setForm] = useState<AddVolumeForm>(() => initialAddVolumeForm(defaultNamespace));
  const [file, setFile] = useState<File>();
  // The check of the file it was made for: a newer pick makes an older check stale.
  const [checked, setChecked] = useState<{ file: File; check: ImageCheck }>();
  const check = checked && checked.file === file ? checked.check : undefined;
  const [touched, setTouched] = useState(false);
  const update = (patch: Partial<AddVolumeForm>) => setForm((f) => ({ ...f, ...patch }));

  useEffect(() => {
    if (!file) return;
    let live = true;
    inspectFile(file).then(
      (c) => {
        if (!live) return;
        setChecked({ file, check: c });
        if (c.ok) {
          setForm((f) => ({
            ...f,
            name: f.name || nameFromFile(file.name),
            size: String(defaultSizeGi(c.virtualSize, file.size)),
          }));
        }
      },
      (e: unknown) => live && setChecked({ file, check: { ok: false, reason: `Cannot read the file: ${String(e)}` } }),
    );
    return () => {
      live = false;
    };
  }, [file]);

  const namespaces = names(useK8sList(NamespaceModel).data);
  const storageClasses = names(useK8sList(StorageClassModel).data);
  const preferences = names(useK8sList(VirtualMachineClusterPreferenceModel).data);
  const dvs = useK8sList(DataVolumeModel, { namespace: form.namespace, enabled: Boolean(form.namespace) });
  const dss = useK8sList(DataSourceModel, { namespace: form.namespace, enabled: Boolean(form.namespace) });
  const existingNames = useMemo(() => [...names(dvs.data), ...names(dss.data)], [dvs.data, dss.data]);
  const errors = validateAddVolume(form, { file: file ? check : undefined, existingNames });
  const deniedReason = useAddAccess(form.namespace, form.source === 'upload');
  const reading = Boolean(file && !check);
  return {
    form,
    update,
    file,
    setFile,
    check: file ? check : undefined,
    reading,
    errors,
    /** Errors shown: the file's at once (it is refused before anything is sent), the rest after a first submit. */
    shownErrors: touched ? errors : { file: errors.file && file ? errors.file : undefined },
    touch: () => setTouched(true),
    options: { namespaces, storageClasses, preferences },
    deniedReason,
  };
}

export type AddVolumeState = ReturnType<typeof useAddVolume>;
