import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  ClipboardCopyButton,
  CodeBlock,
  CodeBlockAction,
  CodeBlockCode,
} from '@patternfly/react-core';
import { PencilAltIcon } from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';
import { useState } from 'react';

/** The live YAML of exactly what Create sends, with "Edit YAML" to take over in the editor. */
export function YamlPreview({ yaml, onEdit }: { yaml: string; onEdit: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(yaml).then(() => setCopied(true));
  };
  return (
    <Card className="kv-create-preview" id="create-vm-yaml-preview" isCompact>
      <CardHeader
        actions={{
          actions: (
            <Button variant="secondary" icon={<PencilAltIcon />} onClick={onEdit}>
              Edit YAML
            </Button>
          ),
          hasNoOffset: true,
        }}
      >
        <CardTitle component="h2">YAML preview</CardTitle>
      </CardHeader>
      <CardBody>
        <CodeBlock
          className="kv-create-preview__code"
          actions={
            <CodeBlockAction>
              <ClipboardCopyButton
                id="create-vm-yaml-copy"
                textId="create-vm-yaml-code"
                aria-label="Copy YAML"
                onClick={copy}
                exitDelay={copied ? 1500 : 600}
                variant="plain"
                onTooltipHidden={() => setCopied(false)}
              >
                {copied ? 'Copied' : 'Copy YAML'}
              </ClipboardCopyButton>
            </CodeBlockAction>
          }
        >
          <CodeBlockCode id="create-vm-yaml-code" aria-label="YAML preview" tabIndex={0}>
            {yaml}
          </CodeBlockCode>
        </CodeBlock>
      </CardBody>
    </Card>
  );
}
