import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixture } from '../../test/support/fixtures';
import {
  parseInstantResult,
  parseRangeResult,
  prometheusErrorFrom,
  promQuery,
  promQueryRange,
  PrometheusError,
} from './prometheus';

const recorded = (name: string) => fixture(`prometheus/${name}`)[0];

describe('Prometheus answers', () => {
  it("reads a range query's series, dropping NaN points", () => {
    const [series] = parseRangeResult(recorded('vm-cpu-range.json'));
    expect(series.metric).toEqual({});
    expect(series.points).toHaveLength(6);
    expect(series.points[0]).toEqual([1764787200, 0.012]);
    expect(series.points.at(-1)).toEqual([1764787260, 0.98]);
  });

  it("reads an instant query's samples with their labels", () => {
    const samples = parseInstantResult(recorded('top-memory.json'));
    expect(samples.map((s) => [s.metric.namespace, s.metric.name, s.value])).toEqual([
      ['demo', 'windows', 4294967296],
      ['default', 'fedora', 1610612736],
      ['demo', 'cirros', 67108864],
    ]);
    expect(samples[0].time).toBe(1764787260.123);
  });

  it('refuses a result of the wrong type or shape', () => {
    expect(() => parseRangeResult(recorded('top-memory.json'))).toThrow(/vector where a matrix was expected/);
    expect(() => parseInstantResult({ status: 'success', data: { resultType: 'vector', result: 'x' } })).toThrow(
      PrometheusError,
    );
    expect(() => parseInstantResult('<html>')).toThrow(/not a query result/);
  });

  it('keeps only well-formed, finite points and string labels of hostile input', () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { name: 'vm', bad: 7, nested: { x: 1 } },
            values: [[1, 2], [2, '3'], ['x', '4'], [3], null, [4, '+Inf'], [5, '1e3']],
          },
          'garbage',
        ],
      },
    };
    const out = parseRangeResult(body);
    expect(out[0].metric).toEqual({ name: 'vm' });
    expect(out[0].points).toEqual([
      [2, 3],
      [5, 1000],
    ]);
    expect(out[1]).toEqual({ metric: {}, points: [] });
  });

  it("takes Prometheus's error and the proxy's 503 from the body", () => {
    const bad = prometheusErrorFrom(400, 'Bad Request', JSON.stringify(recorded('bad-data.json')));
    expect(bad.errorType).toBe('bad_data');
    expect(bad.message).toMatch(/unknown function with name "histogram_quantile"/);
    expect(bad.notConfigured).toBe(false);
    const missing = prometheusErrorFrom(
      503,
      'Service Unavailable',
      '{"status":"error","errorType":"unavailable","error":"no Prometheus is configured: start with --prometheus-url"}',
    );
    expect(missing.notConfigured).toBe(true);
    expect(missing.message).toMatch(/--prometheus-url/);
    expect(prometheusErrorFrom(502, 'Bad Gateway', '').message).toBe('502 Bad Gateway');
    expect(prometheusErrorFrom(500, '', 'x'.repeat(2000)).message).toHaveLength(500);
  });
});

describe('Prometheus requests', () => {
  afterEach(() => vi.unstubAllGlobals());

  const answer = (status: number, body: unknown) => {
    const fetchMock = vi.fn(async (_url: string) => new Response(JSON.stringify(body), { status }));
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  };

  it('sends a range query to /api/prometheus/api/v1/query_range with start, end and step', async () => {
    const fetchMock = answer(200, recorded('vm-cpu-range.json'));
    const series = await promQueryRange('sum(x{name="a b"})', { start: 100, end: 400, step: 10 });
    expect(series[0].points).toHaveLength(6);
    const url = new URL(String(fetchMock.mock.calls[0][0]), 'http://console');
    expect(url.pathname).toBe('/api/prometheus/api/v1/query_range');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      query: 'sum(x{name="a b"})',
      start: '100',
      end: '400',
      step: '10',
    });
  });

  it('throws a PrometheusError that says when Prometheus is not configured', async () => {
    answer(503, { status: 'error', errorType: 'unavailable', error: 'not configured' });
    const err = await promQuery('up').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrometheusError);
    expect((err as PrometheusError).notConfigured).toBe(true);
  });
});
