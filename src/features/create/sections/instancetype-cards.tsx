import { Card, CardBody, CardHeader, CardTitle, Content, Gallery } from '@patternfly/react-core';
import type { CatalogSeries, CatalogSize } from '../model/instancetype-catalog';
import { describeSize } from '../model/instancetype-catalog';

const range = (sizes: CatalogSize[]): string => {
  const cpus = sizes.map((z) => z.cpu ?? 0);
  const lo = Math.min(...cpus);
  const hi = Math.max(...cpus);
  const n = `${sizes.length} ${sizes.length === 1 ? 'size' : 'sizes'}`;
  return lo === hi ? `${n}, ${lo} ${lo === 1 ? 'CPU' : 'CPUs'}` : `${n}, ${lo} to ${hi} CPUs`;
};

/** One selectable card per series (a radio named by the series' title), with its class and summary. */
export function SeriesCards({
  series,
  chosen,
  onChoose,
}: {
  series: CatalogSeries[];
  chosen: string | undefined;
  onChoose: (s: CatalogSeries) => void;
}) {
  return (
    <Gallery hasGutter minWidths={{ default: '14rem' }} role="radiogroup" aria-label="Series" id="create-vm-series">
      {series.map((s) => {
        const titleId = `create-vm-series-${s.id}-title`;
        return (
          <Card
            key={s.id}
            id={`create-vm-series-${s.id}`}
            isSelectable
            isSelected={s.id === chosen}
            isCompact
            className="kv-create-catalog-card"
          >
            <CardHeader
              selectableActions={{
                selectableActionId: `create-vm-series-${s.id}-input`,
                selectableActionAriaLabelledby: titleId,
                name: 'create-vm-series',
                variant: 'single',
                onChange: () => onChoose(s),
              }}
            >
              <CardTitle id={titleId}>{s.title}</CardTitle>
            </CardHeader>
            <CardBody>
              <Content component="small" className="pf-v6-u-text-color-subtle">
                {s.className ? `${s.className} · ${range(s.sizes)}` : range(s.sizes)}
              </Content>
              {s.summary && (
                <Content component="p" className="kv-create-catalog-summary">
                  {s.summary}
                </Content>
              )}
            </CardBody>
          </Card>
        );
      })}
    </Gallery>
  );
}

/** One selectable card per size of the chosen series (a radio named by the instance type), with CPU and memory. */
export function SizeCards({
  id,
  series,
  value,
  onChoose,
}: {
  id: string;
  series: CatalogSeries;
  value: string;
  onChoose: (value: string) => void;
}) {
  return (
    <Gallery
      hasGutter
      minWidths={{ default: '10rem' }}
      role="radiogroup"
      aria-label={`Sizes of ${series.title}`}
      id={id}
      tabIndex={-1}
    >
      {series.sizes.map((z) => {
        const safe = z.name.replace(/[^a-zA-Z0-9-]/g, '-');
        const titleId = `create-vm-size-${safe}-title`;
        return (
          <Card key={z.value} id={`create-vm-size-${safe}`} isSelectable isSelected={z.value === value} isCompact>
            <CardHeader
              selectableActions={{
                selectableActionId: `create-vm-size-${safe}-input`,
                selectableActionAriaLabelledby: titleId,
                name: 'create-vm-size',
                variant: 'single',
                onChange: () => onChoose(z.value),
              }}
            >
              <CardTitle id={titleId}>{z.name}</CardTitle>
            </CardHeader>
            <CardBody>{describeSize(z)}</CardBody>
          </Card>
        );
      })}
    </Gallery>
  );
}
