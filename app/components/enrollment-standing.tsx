import { useTranslation } from "react-i18next";

export type EnrollmentStandingView = {
  schoolCode: string;
  stage: number;
  position: number;
  seats: number;
  aheadWithPriority: number;
  flags: string[];
  receivedAtPrecise: string;
};

/** A first-grade application's receipt to the millisecond and its place on the school's list now. */
export function EnrollmentStanding({ standing }: { standing: EnrollmentStandingView }) {
  const { t } = useTranslation("enrollment");
  const place = { position: standing.position, school: standing.schoolCode, seats: standing.seats };
  return (
    <section
      aria-labelledby="standing-title"
      data-testid="enrollment-standing"
      className="mt-6 rounded-md border border-slate-300 bg-white p-4"
    >
      <h2 id="standing-title" className="text-lg font-bold">
        {t("standing.title")}
      </h2>
      <p className="mt-2 text-lg font-semibold">
        {standing.seats > 0 ? t("standing.position", place) : t("standing.positionNoSeats", place)}
      </p>
      <p className="mt-1">
        {standing.aheadWithPriority > 0
          ? t("standing.aheadWithPriority", { count: standing.aheadWithPriority })
          : t("standing.noneAhead")}
      </p>
      <dl className="mt-3 space-y-1">
        <div>
          <dt className="text-sm text-muted">{t("standing.receivedAt")}</dt>
          <dd data-testid="received-precise">{standing.receivedAtPrecise}</dd>
        </div>
      </dl>
      <p className="mt-1">{t("standing.stage", { stage: standing.stage })}</p>
      {standing.flags.length > 0 && (
        <ul className="mt-3 list-disc space-y-1 pl-6">
          {standing.flags.map((flag) => (
            <li key={flag}>{t(`standing.flag.${flag}`)}</li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm text-muted">{t("standing.order")}</p>
    </section>
  );
}
