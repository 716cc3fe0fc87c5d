import {
  ActionGroup,
  Alert,
  Button,
  Content,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  PageSection,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { UploadIcon } from '@patternfly/react-icons/dist/esm/icons/upload-icon';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ReasonButton } from '../../../components/disabled-reason';
import { useActiveNamespace } from '../../../components/active-namespace';
import { PageHeading } from '../../../components/page-heading';
import { YamlEditor } from '../../../components/yaml-editor';
import { NamespaceModel } from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { createTargets } from '../apply/create-access';
import { createInOrder, type ObjectResult } from '../apply/create-objects';
import { parseManifests } from '../apply/parse-manifests';
import { useCreateAccess } from '../apply/use-create-access';
import { useCreateDeps } from '../apply/use-create-deps';
import '../create.css';
import { useSessionDraft } from '../form/session-draft';
import { ImportResults } from './import-results';
import { IMPORT_SAMPLE } from './sample';
import { nameOf } from '../../../k8s/meta';

interface ImportDraft {
  yaml: string;
  namespace: string;
}

/** /k8s/ns/:ns/import (and all-namespaces): paste or upload manifests, created in order. */
export function ImportYamlPage() {
  const routeNamespace = useActiveNamespace();
  const key = `import-yaml:${routeNamespace ?? '#all'}`;
  return <ImportYaml key={key} draftKey={key} namespace={routeNamespace ?? 'default'} />;
}

function ImportYaml({ draftKey, namespace }: { draftKey: string; namespace: string }) {
  const [draft, setDraft] = useSessionDraft<ImportDraft>(draftKey, () => ({ yaml: '', namespace }));
  const [results, setResults] = useState<ObjectResult[]>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const deps = useCreateDeps();
  const namespaces = useK8sList(NamespaceModel);
  const nsNames = (namespaces.data ?? [])
    .map((n) => nameOf(n))
    .filter(Boolean)
    .sort();
  if (!nsNames.includes(draft.namespace)) nsNames.unshift(draft.namespace);

  const setYaml = (yaml: string) => setDraft((d) => ({ ...d, yaml }));
  // What the YAML would create, and whether the user may: Create is disabled with the reason.
  const yamlToCheck = useDeferredValue(draft.yaml);
  const targets = useMemo(
    () => createTargets(parseManifests(yamlToCheck), draft.namespace),
    [yamlToCheck, draft.namespace],
  );
  const deniedReason = useCreateAccess(targets, deps);
  // Once a run ends, its results are brought into view (they are below the editor).
  const resultsRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (busy || !results?.length) return;
    resultsRef.current?.scrollIntoView({ block: 'start' });
    resultsRef.current?.focus({ preventScroll: true });
  }, [busy, results]);

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      setYaml(await file.text());
      setProblem(undefined);
    } catch (err) {
      setProblem(`Cannot read ${file.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (deniedReason || busy) return;
    const docs = parseManifests(draft.yaml);
    if (!docs.length) {
      setProblem('Paste or upload at least one manifest.');
      return;
    }
    setProblem(undefined);
    setBusy(true);
    const shown: ObjectResult[] = [];
    setResults([]);
    try {
      await createInOrder(docs, deps, {
        defaultNamespace: draft.namespace,
        onResult: (r) => {
          shown.push(r);
          setResults([...shown]);
        },
      });
    } finally {
      setBusy(false);
    }
  };

  const created = results?.filter((r) => r.status === 'created').length ?? 0;
  return (
    <>
      <PageHeading title="Import YAML">
        <Content component="p">
          Paste or upload one or more manifests of any kind the cluster serves (VirtualMachine, DataVolume, Service...),
          separated by lines of three dashes (---). They are created in order, with one result per object.
        </Content>
      </PageHeading>
      <PageSection isFilled>
        <Form id="import-yaml-form" aria-label="Import YAML" onSubmit={(e) => void submit(e)}>
          <Toolbar>
            <ToolbarContent>
              <ToolbarItem>
                <Button variant="secondary" icon={<UploadIcon />} onClick={() => fileInput.current?.click()}>
                  Upload file
                </Button>
                <input
                  ref={fileInput}
                  type="file"
                  accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
                  aria-label="YAML file"
                  hidden
                  onChange={(e) => void upload(e)}
                />
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="secondary" onClick={() => setYaml(IMPORT_SAMPLE)}>
                  Load sample
                </Button>
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="link" onClick={() => setYaml('')} isDisabled={!draft.yaml}>
                  Clear
                </Button>
              </ToolbarItem>
              <ToolbarItem>
                <FormGroup
                  label="Namespace for objects without one"
                  fieldId="import-namespace"
                  isInline
                  className="kv-import-namespace"
                >
                  <FormSelect
                    id="import-namespace"
                    value={draft.namespace}
                    onChange={(_e, v) => setDraft((d) => ({ ...d, namespace: v }))}
                  >
                    {nsNames.map((n) => (
                      <FormSelectOption key={n} value={n} label={n} />
                    ))}
                  </FormSelect>
                </FormGroup>
              </ToolbarItem>
            </ToolbarContent>
          </Toolbar>
          <YamlEditor
            value={draft.yaml}
            onChange={setYaml}
            ariaLabel="YAML"
            validate={false}
            id="import-yaml-editor"
            height="min(640px, max(16rem, calc(100vh - 27rem)))"
          />
          {problem && <Alert variant="danger" isInline title={problem} role="alert" />}
          <ActionGroup>
            <ReasonButton
              id="import-yaml-create"
              type="submit"
              variant="primary"
              isLoading={busy}
              isDisabled={busy}
              disabledReason={deniedReason}
            >
              Create
            </ReasonButton>
          </ActionGroup>
        </Form>
        {results && results.length > 0 && (
          <section
            ref={resultsRef}
            tabIndex={-1}
            className="kv-create-results-section"
            aria-labelledby="import-results-title"
            id="import-results-section"
          >
            <Title headingLevel="h2" size="lg" id="import-results-title">
              Results
            </Title>
            <div role="status" aria-live="polite" id="import-progress">
              {!busy && (
                <Alert
                  isInline
                  isPlain
                  variant={created === results.length ? 'success' : created === 0 ? 'danger' : 'warning'}
                  title={`${created} of ${results.length} ${results.length === 1 ? 'object' : 'objects'} created.`}
                />
              )}
            </div>
            <ImportResults results={results} />
          </section>
        )}
      </PageSection>
    </>
  );
}
