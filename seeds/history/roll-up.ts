import { COUNT_FIELDS, type CountField, type StatDayCounts } from "~/domain/indicators/compute";

/*
 * The generator's roll-up in memory: the counters of a StatDay row per day × service × municipality
 * × channel, and decisions per day × service × working days (StatDayProcessing), as the live roll-up
 * keeps them (docs/indicators.md). A row's counters are the domain's COUNT_FIELDS in their order, so a
 * counter added there is a column here too (zero until the generator counts it). Flat typed arrays
 * rather than objects: a few years hold hundreds of thousands of rows.
 */
export type StatDayRow = StatDayCounts;
export type StatDayProcessingRow = { day: string; serviceCode: string; workingDays: number; count: number };

const FIELDS = COUNT_FIELDS.length;
/** Where each counter sits in a row, from the row's offset. */
export const COUNTER = Object.fromEntries(COUNT_FIELDS.map((field, i) => [field, i])) as Record<CountField, number>;
const CHANNELS = ["portal", "proactive"];
/** Processing keys hold the working days in their low part: no decision takes this long. */
const MAX_WORKING_DAYS = 1024;

/** A roll-up over `services` × `municipalities` (indices into the lists `rows` is later given). */
export function createRollUp(services: number, municipalities: number) {
  const S = services;
  const M = municipalities;
  // key (day, service, municipality, channel) → offset of its FIELDS counters in `counters`.
  const rows = new Map<number, number>();
  let counters = new Int32Array(FIELDS * 65_536);
  const processing = new Map<number, number>();

  return {
    /** The offset of a row's counters, the row made on first use. */
    row(dayIndex: number, k: number, muni: number, channel: number): number {
      const key = ((dayIndex * S + k) * M + muni) * 2 + channel;
      let at = rows.get(key);
      if (at === undefined) {
        at = rows.size * FIELDS;
        if (at + FIELDS > counters.length) {
          const grown = new Int32Array(counters.length * 2);
          grown.set(counters);
          counters = grown;
        }
        rows.set(key, at);
      }
      return at;
    },

    /** Adds to one counter: a row's offset + its COUNTER. */
    add(counter: number, n = 1): void {
      counters[counter]! += n;
    },

    /** One decision of service `k` on `dayIndex` that took `workingDays`. */
    decision(dayIndex: number, k: number, workingDays: number): void {
      const key = (dayIndex * S + k) * MAX_WORKING_DAYS + workingDays;
      processing.set(key, (processing.get(key) ?? 0) + 1);
    },

    /** The rows in key order (day, service, municipality, channel), as the tables are keyed. */
    rows(
      days: readonly { iso: string }[],
      serviceList: readonly { code: string }[],
      municipalityList: readonly string[],
    ): { days: StatDayRow[]; processing: StatDayProcessingRow[] } {
      const dayRows: StatDayRow[] = [];
      for (const key of Float64Array.from(rows.keys()).sort()) {
        const at = rows.get(key)!;
        const channel = key % 2;
        const muni = Math.floor(key / 2) % M;
        const k = Math.floor(key / 2 / M) % S;
        const dayIndex = Math.floor(key / 2 / M / S);
        const row = {
          day: days[dayIndex]!.iso,
          serviceCode: serviceList[k]!.code,
          municipality: municipalityList[muni]!,
          channel: CHANNELS[channel]!,
        } as StatDayRow;
        for (let i = 0; i < FIELDS; i++) row[COUNT_FIELDS[i]!] = counters[at + i]!;
        dayRows.push(row);
      }
      const processingRows: StatDayProcessingRow[] = [];
      for (const key of Float64Array.from(processing.keys()).sort()) {
        const workingDays = key % MAX_WORKING_DAYS;
        const k = Math.floor(key / MAX_WORKING_DAYS) % S;
        const dayIndex = Math.floor(key / MAX_WORKING_DAYS / S);
        processingRows.push({
          day: days[dayIndex]!.iso,
          serviceCode: serviceList[k]!.code,
          workingDays,
          count: processing.get(key)!,
        });
      }
      return { days: dayRows, processing: processingRows };
    },
  };
}
