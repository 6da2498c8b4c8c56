/*
 * What a chart's summary sentence says of a series: its lowest, highest and latest finished values,
 * and apart from them the period still going on. A month of two days is not a month: counted with
 * the others it would be "the lowest value" every first week.
 */
export type SummaryPoint = { label: string; value: number | null; partial?: boolean };

export type SeriesSummary<P extends SummaryPoint> = {
  min: P & { value: number };
  max: P & { value: number };
  last: P & { value: number };
} | null;

export function summarizeSeries<P extends SummaryPoint>(
  points: readonly P[],
): { finished: SeriesSummary<P>; current: (P & { value: number }) | null } {
  const known = points.filter((p): p is P & { value: number } => p.value !== null);
  const finished = known.filter((p) => !p.partial);
  const current = known.find((p) => p.partial) ?? null;
  if (finished.length === 0) return { finished: null, current };
  return {
    finished: {
      min: finished.reduce((a, b) => (b.value < a.value ? b : a)),
      max: finished.reduce((a, b) => (b.value > a.value ? b : a)),
      last: finished.at(-1)!,
    },
    current,
  };
}
