/*
 * Charts drawn as SVG on the server, with no chart library and no script: a few hundred bytes of
 * markup each. Lines and bars use currentColor, so the version for the visually impaired turns them
 * black; the target is a dashed line with its value in words, never a colour alone. Every chart is
 * followed by a table with the same figures, for screen readers and for anyone who wants numbers.
 */

import { DataTable, type Column } from "~/components/data-table";

/** A series' point: one period and its value (null: no data for the period). */
export type ChartPoint = {
  /** The period's key, unique within the series. */
  key: string;
  /** Short label under the axis ("апр", "2026"). */
  axisLabel: string;
  /** Full label for the table ("апрель 2026"). */
  label: string;
  value: number | null;
  /** The target for the period, if there is one (a year's target may differ from the next's). */
  target?: number | null;
  /** The period is still going on: drawn hollow and dashed, never as a finished one. */
  partial?: boolean;
};

/** A tiny line of a series, decorative: the caller writes the latest value next to it in text. */
export function Sparkline({
  values,
  width = 120,
  height = 32,
  lastPartial = false,
}: {
  values: readonly (number | null)[];
  width?: number;
  height?: number;
  /** The last value is of a period still going on: a hollow end, not a finished point. */
  lastPartial?: boolean;
}) {
  const known = values.filter((v): v is number => v !== null);
  const min = known.length > 0 ? Math.min(...known) : 0;
  const max = known.length > 0 ? Math.max(...known) : 0;
  const pad = 4;
  const x = (i: number) => (values.length <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => (max === min ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / (max - min));
  const segments = segmentsOf(values).map((segment) => segment.map(({ i, v }) => `${round(x(i))},${round(y(v))}`));
  const lastIndex = values.findLastIndex((v) => v !== null);
  const last = lastIndex >= 0 ? values[lastIndex] : null;
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="inline-block shrink-0 align-middle text-brand-700"
      data-decorative
    >
      <line x1={0} x2={width} y1={height - 1} y2={height - 1} stroke="#8a94a6" strokeWidth={1} />
      {segments.map((points) =>
        points.length > 1 ? (
          <polyline
            key={points[0]}
            points={points.join(" ")}
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinejoin="round"
          />
        ) : null,
      )}
      {last !== null && last !== undefined && (
        <circle
          cx={round(x(lastIndex))}
          cy={round(y(last))}
          r={3}
          fill={lastPartial && lastIndex === values.length - 1 ? "#fff" : "currentColor"}
          stroke="currentColor"
          strokeWidth={lastPartial && lastIndex === values.length - 1 ? 1.5 : 0}
        />
      )}
    </svg>
  );
}

export type TrendChartLabels = {
  /** Summary of the disclosure with the table: "Данные графика". */
  data: string;
  period: string;
  value: string;
  target: string;
  /** In the table: "нет данных". */
  noData: string;
  /** Under a missing point or bar: "н/д". */
  noDataShort: string;
  /** In the legend, for a period still going on: "неполный период" (needed once a point is partial). */
  partial?: string;
};

/**
 * A line (or bar) chart of a series with labelled axes and a dashed target line (stepped where the
 * target changes from year to year). The SVG is one image named by the visible caption and summary;
 * the table after it holds the same data.
 */
export function TrendChart({
  id,
  title,
  summary,
  points,
  kind = "line",
  format,
  formatTick = format,
  integer = false,
  scaleMax = 0,
  labels,
  columns = [],
}: {
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows (lowest, highest, latest value, target). */
  summary: string;
  points: readonly ChartPoint[];
  kind?: "line" | "bar";
  format: (value: number) => string;
  /** The axis' numbers, shorter than the values' ("10" rather than "10 рабочих дней"). */
  formatTick?: (value: number) => string;
  /** Whole numbers only (counts): no ticks at 0.25. */
  integer?: boolean;
  /** The top of the axis when no value is above it (5 for a score of 1–5). */
  scaleMax?: number;
  labels: TrendChartLabels;
  /** More columns for the table (numerator, denominator…), one cell per point. */
  columns?: readonly { header: string; cells: readonly string[] }[];
}) {
  const W = 400;
  const H = 220;
  const FONT = 13;
  const left = 60;
  const right = 8;
  const top = 12;
  const bottom = 28;
  const plotW = W - left - right;
  const plotH = H - top - bottom;

  const known = points.map((p) => p.value).filter((v): v is number => v !== null);
  const targets = points.map((p) => p.target ?? null);
  const lastTarget = targets.findLast((v) => v !== null) ?? null;
  const hasTarget = lastTarget !== null;
  const { max: yMax, ticks } = niceScale(
    Math.max(...known, ...targets.filter((v): v is number => v !== null)),
    integer,
    scaleMax,
  );
  const y = (v: number) => top + plotH - (Math.max(0, v) / yMax) * plotH;
  const slot = plotW / Math.max(points.length, 1);
  const x = (i: number) => left + slot * (i + 0.5);
  // Every label when they fit side by side, else every second, third…
  const labelWidth = Math.max(0, ...points.map((p) => p.axisLabel.length)) * FONT * 0.6 + 6;
  const labelEvery = Math.max(1, Math.ceil(labelWidth / slot));
  // The line joins finished periods only; a period still going on hangs off it, dashed.
  const segments = segmentsOf(points.map((p) => (p.partial ? null : p.value)));
  const hasPartial = points.some((p) => p.partial && p.value !== null);
  const barWidth = Math.min(slot * 0.6, 48);
  const titleId = `${id}-title`;
  const tableColumns: Column<{ point: ChartPoint; index: number }>[] = [
    {
      id: "period",
      header: labels.period,
      rowHeader: true,
      className: "font-normal",
      cell: ({ point }) => point.label,
    },
    {
      id: "value",
      header: labels.value,
      cell: ({ point }) => (point.value === null ? labels.noData : format(point.value)),
    },
    ...(hasTarget
      ? [
          {
            id: "target",
            header: labels.target,
            cell: ({ point }: { point: ChartPoint }) =>
              point.target === null || point.target === undefined ? "—" : format(point.target),
          },
        ]
      : []),
    ...columns.map((c, i) => ({
      id: `column-${i}`,
      header: c.header,
      cell: ({ index }: { index: number }) => c.cells[index],
    })),
  ];
  const summaryId = `${id}-summary`;

  return (
    <figure className="mt-4" data-testid={id}>
      <figcaption>
        <span id={titleId} className="block font-bold">
          {title}
        </span>
        <span id={summaryId} className="mt-1 block text-sm text-muted">
          {summary}
        </span>
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${summaryId}`}
        viewBox={`0 0 ${W} ${H}`}
        className="mt-2 block h-auto w-full max-w-xl text-ink"
        fontSize={FONT}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={W - right} y1={round(y(tick))} y2={round(y(tick))} stroke="#d5dae3" strokeWidth={1} />
            <text x={left - 6} y={round(y(tick)) + 4} textAnchor="end" fill="currentColor">
              {formatTick(tick)}
            </text>
          </g>
        ))}
        <line x1={left} x2={W - right} y1={top + plotH} y2={top + plotH} stroke="#4a5468" strokeWidth={1.5} />
        <line x1={left} x2={left} y1={top} y2={top + plotH} stroke="#4a5468" strokeWidth={1.5} />

        {points.map((p, i) => (
          <g key={p.key}>
            {i % labelEvery === 0 && (
              <text x={round(x(i))} y={H - bottom + 18} textAnchor="middle" fill="currentColor">
                {p.axisLabel}
              </text>
            )}
            {p.value === null && points.length <= 24 && (
              <text
                x={round(x(i))}
                y={top + plotH - 6}
                textAnchor="middle"
                fontSize={10}
                className="text-muted"
                fill="currentColor"
              >
                {labels.noDataShort}
              </text>
            )}
          </g>
        ))}

        <g className="text-brand-700">
          {kind === "bar"
            ? points.map((p, i) =>
                p.value === null ? null : (
                  <rect
                    key={p.key}
                    x={round(x(i) - barWidth / 2)}
                    y={round(y(p.value))}
                    width={round(barWidth)}
                    height={Math.max(round(top + plotH - y(p.value)), p.value > 0 ? 1 : 0)}
                    fill={p.partial ? "#fff" : "currentColor"}
                    stroke={p.partial ? "currentColor" : undefined}
                    strokeWidth={p.partial ? 2 : undefined}
                    strokeDasharray={p.partial ? "4 3" : undefined}
                    data-partial={p.partial ? "true" : undefined}
                  />
                ),
              )
            : segments.map((segment) => (
                <g key={segment[0]!.i}>
                  {segment.length > 1 && (
                    <polyline
                      points={segment.map(({ i, v }) => `${round(x(i))},${round(y(v))}`).join(" ")}
                      fill="none"
                      stroke="currentColor"
                      strokeWidth={2.5}
                      strokeLinejoin="round"
                    />
                  )}
                  {segment.map(({ i, v }) => (
                    <circle
                      key={i}
                      cx={round(x(i))}
                      cy={round(y(v))}
                      r={4}
                      fill="#fff"
                      stroke="currentColor"
                      strokeWidth={2}
                    />
                  ))}
                </g>
              ))}
          {kind === "line" &&
            points.map((p, i) => {
              if (!p.partial || p.value === null) return null;
              const before = points[i - 1];
              return (
                <g key={p.key} data-partial="true">
                  {before && before.value !== null && !before.partial && (
                    <line
                      x1={round(x(i - 1))}
                      y1={round(y(before.value))}
                      x2={round(x(i))}
                      y2={round(y(p.value))}
                      stroke="currentColor"
                      strokeWidth={2}
                      strokeDasharray="4 3"
                    />
                  )}
                  <circle
                    cx={round(x(i))}
                    cy={round(y(p.value))}
                    r={4}
                    fill="#fff"
                    stroke="currentColor"
                    strokeWidth={2}
                    strokeDasharray="2 2"
                  />
                </g>
              );
            })}
        </g>

        {hasTarget && (
          <g className="text-amber-800">
            {/* A white edge keeps the dashes visible where they cross a bar. */}
            <path d={targetPath(targets, (i) => left + slot * i, y)} fill="none" stroke="#fff" strokeWidth={5} />
            <path
              d={targetPath(targets, (i) => left + slot * i, y)}
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
              strokeDasharray="8 5"
            />
          </g>
        )}
      </svg>

      <p className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm">
        <span className="inline-flex items-center gap-1.5">
          <svg aria-hidden="true" focusable="false" width="24" height="12" className="text-brand-700">
            {kind === "bar" ? (
              <rect x="6" y="0" width="12" height="12" fill="currentColor" />
            ) : (
              <line x1="0" x2="24" y1="6" y2="6" stroke="currentColor" strokeWidth="2.5" />
            )}
          </svg>
          {labels.value}
        </span>
        {hasPartial && labels.partial && (
          <span className="inline-flex items-center gap-1.5">
            <svg aria-hidden="true" focusable="false" width="24" height="12" className="text-brand-700">
              <rect
                x="7"
                y="1"
                width="10"
                height="10"
                fill="#fff"
                stroke="currentColor"
                strokeWidth="2"
                strokeDasharray="3 2"
              />
            </svg>
            {labels.partial}
          </span>
        )}
        {hasTarget && (
          <span className="inline-flex items-center gap-1.5">
            <svg aria-hidden="true" focusable="false" width="24" height="12" className="text-amber-800">
              <line x1="0" x2="24" y1="6" y2="6" stroke="currentColor" strokeWidth="2" strokeDasharray="6 3" />
            </svg>
            {`${labels.target}: ${format(lastTarget)}`}
          </span>
        )}
      </p>

      <details open className="mt-2">
        <summary className="cursor-pointer font-semibold text-brand-700 underline">{labels.data}</summary>
        {/* Focusable, so that a keyboard can scroll a table wider than a phone. */}
        <DataTable
          caption={title}
          captionId={`${id}-table`}
          compact
          focusable
          columns={tableColumns}
          rows={points.map((point, index) => ({ point, index }))}
          rowKey={({ point }) => point.key}
          rowData={({ point }): Record<`data-${string}`, string> =>
            point.partial ? { "data-period": point.key, "data-partial": "true" } : { "data-period": point.key }
          }
          className="mt-2"
        />
      </details>
    </figure>
  );
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A stepped line across each period's slot at its target; a period without one breaks it. */
function targetPath(targets: readonly (number | null)[], edge: (i: number) => number, y: (v: number) => number) {
  let d = "";
  let previous: number | null = null;
  targets.forEach((target, i) => {
    if (target === null) {
      previous = null;
      return;
    }
    d += previous === null ? `M${round(edge(i))},${round(y(target))}` : `V${round(y(target))}`;
    d += `H${round(edge(i + 1))}`;
    previous = target;
  });
  return d;
}

/** Runs of consecutive known values: a missing value breaks the line. */
function segmentsOf(values: readonly (number | null)[]): { i: number; v: number }[][] {
  const segments: { i: number; v: number }[][] = [];
  let current: { i: number; v: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else current.push({ i, v });
  });
  if (current.length > 0) segments.push(current);
  return segments;
}

/** A round top for the axis (1, 2, 2.5 or 5 × 10ⁿ per step) and its ticks from zero. */
function niceScale(maxValue: number, integer: boolean, fixedMax = 0): { max: number; ticks: number[] } {
  if (fixedMax > 0 && maxValue <= fixedMax) {
    // A scale with a natural top (a score of 1–5): up to it in whole steps that divide it.
    const step = [0.5, 1, 2, 2.5, 5, 10, 20, 25, 50].find((s) => fixedMax / s <= 6 && Number.isInteger(fixedMax / s));
    if (step) return { max: fixedMax, ticks: Array.from({ length: fixedMax / step + 1 }, (_, i) => i * step) };
  }
  if (maxValue <= 0) return { max: 1, ticks: [0, 1] };
  const rough = maxValue / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const nice = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  const step = integer ? Math.max(1, Math.round(nice)) : nice;
  const max = Math.ceil(maxValue / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return { max, ticks };
}
