import { useTranslation } from "react-i18next";
import { Form } from "react-router";

/*
 * The school opens stage 2 before the campaign's date once its whole territory is enrolled
 * (early-stage2.server.ts). A plain form of its own, so it works without JavaScript.
 */
export function OrderEarlyStage2(props: {
  school: string;
  year: number;
  /** `stage1OpensAt` is set (formatted) while stage 1 has not opened: nothing to open early yet. */
  opening: { at: string; early: boolean; open: boolean; stage1OpensAt: string | null };
  refusal: { waiting: number } | { stage1OpensAt: string } | null;
}) {
  const { t } = useTranslation("enrollment");
  return (
    <section aria-labelledby="stage2-title" className="mt-8 max-w-3xl rounded-md border border-slate-300 bg-white p-4">
      <h2 id="stage2-title" className="text-lg font-bold">
        {t("orders.stage2.title")}
      </h2>
      <p className="mt-2" data-testid="stage2-opening">
        {props.opening.early
          ? t("orders.stage2.openedEarly", { at: props.opening.at })
          : t("orders.stage2.opensAt", { at: props.opening.at })}
      </p>
      {props.refusal && (
        <p role="alert" className="mt-2 font-semibold text-red-800">
          {"waiting" in props.refusal
            ? t("orders.stage2.territoryWaiting", { count: props.refusal.waiting })
            : t("guards.stage1NotOpen", { at: props.refusal.stage1OpensAt })}
        </p>
      )}
      {!props.opening.open && props.opening.stage1OpensAt !== null && (
        <p className="mt-2 text-sm text-muted" data-testid="stage2-not-yet">
          {t("guards.earlyAfterStage1", { at: props.opening.stage1OpensAt })}
        </p>
      )}
      {!props.opening.open && props.opening.stage1OpensAt === null && (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="openStage2Early" />
          <input type="hidden" name="school" value={props.school} />
          <input type="hidden" name="year" value={props.year} />
          <p className="text-sm text-muted">{t("orders.stage2.hint")}</p>
          <button
            type="submit"
            className="mt-2 rounded-md border-2 border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
          >
            {t("orders.stage2.open")}
          </button>
        </Form>
      )}
    </section>
  );
}
