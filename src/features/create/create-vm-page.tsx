import { Content, Grid, GridItem, PageSection } from '@patternfly/react-core';
import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useActiveNamespace } from '../../components/active-namespace';
import { accessDeniedReason } from '../../components/disabled-reason';
import { PageHeading } from '../../components/page-heading';
import { VirtualMachineModel } from '../../k8s/models';
import { isK8sError } from '../../k8s/k8s-error';
import { k8sPutSubresource } from '../../k8s/client';
import { useAccessReview } from '../../k8s/access-review';
import { namespacedPath } from '../../lib/routes';
import type { ObjectResult } from './apply/create-objects';
import { parseManifests, type ParsedDocument } from './apply/parse-manifests';
import { useCreateFlow, type CreateOutcome } from './apply/use-create-flow';
import './create.css';
import { CreateVmFormView } from './form/create-vm-form';
import { fieldDomId } from './form/form-props';
import { SubmitBar } from './form/submit-bar';
import { useClusterOptions } from './form/use-cluster-options';
import { useCreateVmDraft, visibleErrors } from './form/use-create-vm-draft';
import { YamlMode } from './form/yaml-mode';
import { YamlPreview } from './form/yaml-preview';
import { buildManifests, manifestsToYaml } from './model/build-manifests';
import { needsStartCall, type CreateVmForm, type FieldId, type OsId } from './model/form-state';
import { applyPreset } from './model/presets';
import { mapServerError } from './model/server-errors';
import { blockingErrors, validateForm } from './model/validation';

/** /k8s/ns/:ns/virtualmachines/~new (and all-namespaces): the form, its YAML preview and editor. */
export function CreateVmPage() {
  const routeNamespace = useActiveNamespace();
  const draftKey = `create-vm:${routeNamespace ?? '#all'}`;
  // A new namespace route is a new draft: remount so the state is read again.
  return <CreateVm key={draftKey} draftKey={draftKey} namespace={routeNamespace ?? 'default'} />;
}

interface PageError {
  title: string;
  body: ReactNode;
}

/** Where the new object lives in the console. */
function detailsPath(result: ObjectResult | undefined): string | undefined {
  const o = result?.object;
  const ns = o?.metadata?.namespace;
  if (!o?.metadata?.name || !ns) return undefined;
  if (o.kind === 'VirtualMachine') return namespacedPath('virtualmachines', ns, o.metadata.name);
  if (o.kind === 'VirtualMachineInstance') return namespacedPath('virtualmachineinstances', ns);
  return undefined;
}

function failureBody(failure: ObjectResult, extra?: string): ReactNode {
  const causes = isK8sError(failure.error) ? failure.error.causes : [];
  return (
    <>
      <Content component="p">{extra ?? failure.message}</Content>
      {!extra && causes.length > 0 && (
        <Content component="ul" aria-label="Causes">
          {causes.map((c, i) => (
            <Content component="li" key={i}>
              {c.field ? `${c.field}: ` : ''}
              {c.message}
            </Content>
          ))}
        </Content>
      )}
    </>
  );
}

function CreateVm({ draftKey, namespace }: { draftKey: string; namespace: string }) {
  const navigate = useNavigate();
  const { draft, setDraft, update, serverErrors, setServerErrors, discard, reset } = useCreateVmDraft(
    draftKey,
    namespace,
  );
  const { form } = draft;
  const options = useClusterOptions(form.namespace, form.kind);
  const flow = useCreateFlow();
  const [pageError, setPageError] = useState<PageError>();
  const resource = form.kind === 'VirtualMachine' ? 'virtualmachines' : 'virtualmachineinstances';
  const canCreate = useAccessReview({ group: 'kubevirt.io', resource, verb: 'create', namespace: form.namespace });
  const deniedReason = accessDeniedReason(
    canCreate,
    `create ${form.kind === 'VirtualMachine' ? 'virtual machines' : 'VirtualMachine instances'} in namespace ${form.namespace}`,
  );

  const clientErrors = useMemo(
    () => validateForm(form, { existingNames: options.existingNames }),
    [form, options.existingNames],
  );
  const errors = visibleErrors(draft, clientErrors, serverErrors);
  const manifests = useMemo(() => buildManifests(form), [form]);
  const yaml = useMemo(() => manifestsToYaml(manifests), [manifests]);
  const listPath = namespacedPath(
    form.kind === 'VirtualMachine' ? 'virtualmachines' : 'virtualmachineinstances',
    form.namespace,
  );

  const chooseOs = (os: OsId) => {
    const { form: next } = applyPreset(form, os, options.preferences.names ?? []);
    update(next);
  };

  const finish = (outcome: CreateOutcome, formForErrors?: CreateVmForm) => {
    if (outcome.ok) {
      discard();
      navigate(detailsPath(outcome.results.find((r) => detailsPath(r))) ?? listPath);
      return;
    }
    const { failure, stage } = outcome;
    if (stage === 'after') {
      discard();
      setPageError({ title: `${outcome.results[0]?.label} was created but not started`, body: failureBody(failure) });
      return;
    }
    const title =
      stage === 'dry-run' ? `The server did not accept ${failure.label}` : `Could not create ${failure.label}`;
    if (formForErrors && isK8sError(failure.error)) {
      const mapped = mapServerError(failure.error.status, formForErrors);
      setServerErrors(mapped.fields);
      const first = Object.keys(mapped.fields)[0] as FieldId | undefined;
      // A field of the other path (e.g. CPU cores on the instance type path) is not on the page:
      // then the server's own message and causes are shown.
      const field = first ? document.getElementById(fieldDomId(first)) : null;
      field?.focus();
      setPageError({
        title,
        body: failureBody(failure, mapped.general ?? (field ? 'See the highlighted fields.' : undefined)),
      });
      return;
    }
    setPageError({ title, body: failureBody(failure) });
  };

  const submitForm = async () => {
    if (deniedReason) return;
    setDraft((d) => ({ ...d, submitted: true }));
    setPageError(undefined);
    const blocking = blockingErrors(clientErrors, form);
    const first = Object.keys(blocking)[0] as FieldId | undefined;
    if (first) {
      document.getElementById(fieldDomId(first))?.focus();
      setPageError({ title: 'Fix the highlighted fields', body: Object.values(blocking).join(' ') });
      return;
    }
    const docs: ParsedDocument[] = manifests.map((object, i) => ({ position: i + 1, object }));
    const start = needsStartCall(form)
      ? async () => {
          await k8sPutSubresource(
            VirtualMachineModel,
            form.name,
            'start',
            {},
            { namespace: form.namespace, kubevirt: true },
          );
        }
      : undefined;
    finish(await flow.run(docs, form.namespace, start), form);
  };

  const submitYaml = async () => {
    if (deniedReason) return;
    setPageError(undefined);
    const docs = parseManifests(draft.yaml);
    const bad = docs.find((d) => d.error);
    if (!docs.length || bad) {
      setPageError({
        title: 'The YAML cannot be sent',
        body: bad ? `Document ${bad.position}: ${bad.error}` : 'The YAML holds no object.',
      });
      return;
    }
    finish(await flow.run(docs, form.namespace));
  };

  const submitBar = (extra?: ReactNode) => (
    <SubmitBar
      flow={flow.state}
      busy={flow.busy}
      error={pageError}
      onCancel={() => navigate(listPath)}
      onReset={draft.mode === 'form' ? reset : undefined}
      extra={extra}
      disabledReason={deniedReason}
    />
  );

  return (
    <>
      <PageHeading title={`Create ${form.kind}`}>
        <Content component="p">
          {draft.mode === 'form'
            ? 'Fill in the form; the YAML preview shows exactly what will be sent. The server checks it (dry run) before anything is created.'
            : 'Edit the YAML; Create checks it with the server (dry run), then creates each object in order.'}
        </Content>
      </PageHeading>
      <PageSection isFilled aria-label={draft.mode === 'form' ? 'Form' : 'YAML'}>
        {draft.mode === 'form' ? (
          <Grid hasGutter>
            <GridItem lg={7}>
              <CreateVmFormView
                form={form}
                errors={errors}
                options={options}
                update={update}
                onChooseOs={chooseOs}
                onSubmit={() => void submitForm()}
              >
                {submitBar()}
              </CreateVmFormView>
            </GridItem>
            <GridItem lg={5}>
              <YamlPreview yaml={yaml} onEdit={() => setDraft((d) => ({ ...d, mode: 'yaml', yaml, yamlSeed: yaml }))} />
            </GridItem>
          </Grid>
        ) : (
          <YamlMode
            yaml={draft.yaml}
            edited={draft.yaml !== draft.yamlSeed}
            onChange={(text) => setDraft((d) => ({ ...d, yaml: text }))}
            onBackToForm={() => {
              setPageError(undefined);
              setDraft((d) => ({ ...d, mode: 'form', yaml: '', yamlSeed: '' }));
            }}
            onSubmit={() => void submitYaml()}
            submitBar={submitBar}
          />
        )}
      </PageSection>
    </>
  );
}
