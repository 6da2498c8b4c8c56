import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/form-field";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<unknown, any, string[]>;

/*
 * The two acts under a school's ranked list, in the list's form: documents checked, and the
 * enrollment order with its number and date (docs/enrollment.md, "The school's side"). Two submit
 * buttons of one form, told apart by `intent`, so both work without JavaScript. Checking documents
 * skips the browser's own validation: the order's fields are not needed for it.
 */
export function OrderActions({
  orderNumber,
  orderDate,
  canOrder,
}: {
  orderNumber: AnyField;
  orderDate: AnyField;
  /** The school has published places for the year. */
  canOrder: boolean;
}) {
  const { t } = useTranslation("enrollment");
  return (
    <section aria-labelledby="order-actions-title" className="mt-6 rounded-md border border-slate-300 bg-white p-4">
      <h2 id="order-actions-title" className="text-xl font-bold">
        {t("orders.actions.title")}
      </h2>
      <p className="mt-2 max-w-3xl">{t("orders.actions.hint")}</p>
      <div className="mt-4">
        <button
          type="submit"
          name="intent"
          value="checkDocuments"
          formNoValidate
          className="rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900"
        >
          {t("orders.actions.checkDocuments")}
        </button>
      </div>
      {canOrder && (
        <fieldset className="mt-6 space-y-3 border-t border-slate-300 pt-4">
          <legend className="pt-4 text-lg font-bold">{t("orders.actions.orderTitle")}</legend>
          <TextField
            field={orderNumber}
            label={t("orders.actions.orderNumber")}
            hint={t("orders.actions.orderNumberHint")}
          />
          <TextField field={orderDate} label={t("orders.actions.orderDate")} type="date" />
          <button
            type="submit"
            name="intent"
            value="issueOrder"
            className="rounded-md bg-green-800 px-5 py-2 font-semibold text-white hover:bg-green-900"
          >
            {t("orders.actions.issueOrder")}
          </button>
        </fieldset>
      )}
    </section>
  );
}
