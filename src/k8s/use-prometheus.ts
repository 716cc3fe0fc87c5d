import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { isPrometheusError, promQuery, promQueryRange, type InstantSample, type RangeSeries } from './prometheus';
import { k8sKeys } from './query-keys';

/** Retry what may pass on a second try (network, 5xx), never a missing Prometheus or a refused query. */
const retry = (failures: number, e: unknown): boolean =>
  failures < 2 && !(isPrometheusError(e) && (e.notConfigured || (e.code >= 400 && e.code < 500)));

export interface RangeQueryOptions {
  /** How far back (seconds), up to now. */
  seconds: number;
  step: number;
  /** Ask again this often (ms); false: once. */
  refetchMs: number | false;
  enabled?: boolean;
}

/** The range a query over the last `seconds` covers now: its end snaps to the step. */
export function rangeNow(seconds: number, step: number, now = Date.now()) {
  const end = Math.ceil(now / 1000 / step) * step;
  return { start: end - seconds, end, step };
}

const rangeQuery = (query: string, o: RangeQueryOptions) => ({
  queryKey: k8sKeys.prometheusRange(query, o.seconds, o.step),
  queryFn: ({ signal }: { signal: AbortSignal }) => promQueryRange(query, rangeNow(o.seconds, o.step), { signal }),
  refetchInterval: o.refetchMs,
  placeholderData: keepPreviousData,
  retry,
  enabled: o.enabled ?? true,
});

/** A range query over the last `seconds`, refetched while the page shows it. */
export const usePrometheusRange = (query: string, o: RangeQueryOptions) =>
  useQuery<RangeSeries[], Error>(rangeQuery(query, o));

/** Several range queries over the same range, one answer each (in order). */
export const usePrometheusRanges = (queries: readonly string[], o: RangeQueryOptions) =>
  useQueries({ queries: queries.map((q) => rangeQuery(q, o)) });

/** An instant query (now), refetched every `refetchMs`. */
export function usePrometheusInstant(query: string, refetchMs: number | false, enabled = true) {
  return useQuery<InstantSample[], Error>({
    queryKey: k8sKeys.prometheusInstant(query),
    queryFn: ({ signal }) => promQuery(query, { signal }),
    refetchInterval: refetchMs,
    placeholderData: keepPreviousData,
    retry,
    enabled,
  });
}

/** Several instant queries, one answer each (in order), refetched every `refetchMs`. */
export const usePrometheusInstants = (queries: readonly string[], refetchMs: number | false) =>
  useQueries({
    queries: queries.map((query) => ({
      queryKey: k8sKeys.prometheusInstant(query),
      queryFn: ({ signal }: { signal: AbortSignal }) => promQuery(query, { signal }),
      refetchInterval: refetchMs,
      placeholderData: keepPreviousData,
      retry,
    })),
  });
