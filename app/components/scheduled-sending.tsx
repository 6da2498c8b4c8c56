import { useTranslation } from "react-i18next";
import { Form } from "react-router";

type Scheduled = { state: string; sendAt: string; reason: string | null } | null;

/**
 * "Send it for me at the opening": schedule a complete first-grade draft, see that it is scheduled
 * and cancel it; or read why a scheduled draft was not sent. Plain POST forms.
 */
export function ScheduledSending({ scheduled, opensAt }: { scheduled: Scheduled; opensAt: string }) {
  const { t } = useTranslation("enrollment");
  const button = "rounded-md px-5 py-3 font-semibold";
  if (scheduled?.state === "scheduled") {
    return (
      <section
        aria-labelledby="scheduled-title"
        data-testid="scheduled-sending"
        className="mt-6 rounded-md border border-green-700 bg-green-50 p-4"
      >
        <h2 id="scheduled-title" className="text-lg font-bold">
          {t("schedule.scheduledTitle", { sendAt: scheduled.sendAt })}
        </h2>
        <p className="mt-2">{t("schedule.how")}</p>
        <Form method="post" className="mt-3">
          <button
            type="submit"
            name="intent"
            value="cancel-schedule"
            className={`${button} border border-slate-500 bg-white text-brand-900 hover:bg-slate-100`}
          >
            {t("schedule.cancel")}
          </button>
        </Form>
      </section>
    );
  }
  return (
    <section
      aria-labelledby="schedule-title"
      data-testid="scheduled-sending"
      className="mt-6 rounded-md border border-slate-300 bg-white p-4"
    >
      {scheduled?.state === "refused" && <ScheduledRefusal reason={scheduled.reason} />}
      <h2 id="schedule-title" className="text-lg font-bold">
        {t("schedule.title")}
      </h2>
      <p className="mt-2">{t("schedule.how")}</p>
      <Form method="post" className="mt-3">
        <button
          type="submit"
          name="intent"
          value="schedule"
          className={`${button} bg-brand-700 text-white hover:bg-brand-900`}
        >
          {t("schedule.submit", { opensAt })}
        </button>
      </Form>
    </section>
  );
}

/** Why a scheduled draft was not sent at the opening (also shown once the stage is open). */
export function ScheduledRefusal({ reason, className = "mb-3" }: { reason: string | null; className?: string }) {
  const { t } = useTranslation("enrollment");
  return (
    <p
      role="alert"
      data-testid="scheduled-refused"
      className={`${className} rounded-md border-l-4 border-red-700 bg-red-50 p-3`}
    >
      {t(`schedule.refused.${reason ?? "other"}`, { defaultValue: t("schedule.refused.other") })}
    </p>
  );
}
