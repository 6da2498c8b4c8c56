import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import type { MeterView } from "~/domain/payments/account-view.server";
import { formatMonth } from "~/domain/region/dates";
import { formatNumber } from "~/domain/region/numbers";
import { useLanguage } from "~/components/use-language";

/*
 * Meter readings (docs/payments.md, "Meter readings"): one small form per meter, open in the provider's window;
 * a refused reading is shown with what was typed and why, next to its field.
 */
export type ReadingAnswer = { meterId: string; value: string; error?: string; taken?: string } | null;

export function MeterReadings({ meters, answer }: { meters: MeterView[]; answer: ReadingAnswer }) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  if (meters.length === 0) return <p className="mt-3">{t("meters.none")}</p>;
  return (
    <ul className="mt-3 space-y-3" data-testid="meters">
      {meters.map((meter) => {
        const mine = answer?.meterId === meter.id ? answer : null;
        const inputId = `reading-${meter.id}`;
        const errorId = `${inputId}-error`;
        const hintId = `${inputId}-hint`;
        return (
          <li key={meter.id} className="rounded-md border border-slate-300 bg-white p-4" data-testid="meter">
            <h3 className="font-bold">
              {t(`services.${meter.service}`, { defaultValue: meter.service })} ·{" "}
              {t("meters.serial", { serial: meter.serial })}
            </h3>
            <p className="mt-1">
              {meter.last
                ? t("meters.last", {
                    value: formatNumber(Number(meter.last.value), language, 3),
                    unit: meter.unit,
                    period: formatMonth(meter.last.period, language),
                  })
                : t("meters.lastNone")}
            </p>
            {mine?.taken && (
              <p className="mt-1 font-semibold text-green-900" role="status">
                {t("meters.taken", { value: mine.taken })}
              </p>
            )}
            {meter.window.open ? (
              <Form method="post" className="mt-2 space-y-1" noValidate>
                <input type="hidden" name="intent" value="reading" />
                <input type="hidden" name="meterId" value={meter.id} />
                <label htmlFor={inputId} className="block font-semibold">
                  {t("meters.value", { unit: meter.unit })}
                </label>
                <p id={hintId} className="text-sm text-slate-700">
                  {t("meters.window", meter.window)}
                </p>
                {mine?.error && (
                  <p id={errorId} className="font-semibold text-red-800">
                    {mine.error}
                  </p>
                )}
                <div className="flex flex-wrap gap-2">
                  <input
                    id={inputId}
                    name="value"
                    inputMode="decimal"
                    autoComplete="off"
                    defaultValue={mine?.error ? mine.value : ""}
                    aria-invalid={mine?.error ? true : undefined}
                    aria-describedby={mine?.error ? `${errorId} ${hintId}` : hintId}
                    className="w-40 rounded-md border-2 border-slate-700 px-3 py-2"
                  />
                  <button
                    type="submit"
                    className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
                  >
                    {t("meters.submit")}
                  </button>
                </div>
              </Form>
            ) : (
              <p className="mt-2">{t("meters.closed", meter.window)}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
