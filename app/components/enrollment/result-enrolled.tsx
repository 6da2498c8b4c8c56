import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ResultFrame } from "./result-frame";

export type EnrolledResultView = { orderNumber: string; orderDate: string; schoolCode: string; campaignYear: number };

/** "Enrolled by order № … of …", and where the order is public (docs/enrollment.md). */
export function ResultEnrolled({ result }: { result: EnrolledResultView }) {
  const { t } = useTranslation("enrollment");
  const school = result.schoolCode;
  return (
    <ResultFrame tone="enrolled" title={t("results.enrolled.title")}>
      <p className="mt-2 text-lg font-semibold">
        {t("results.enrolled.text", { school, number: result.orderNumber, date: result.orderDate })}
      </p>
      <p className="mt-2">{t("results.enrolled.public")}</p>
      <p className="mt-2">
        <Link
          to={`/schools/${encodeURIComponent(school)}?year=${result.campaignYear}#orders`}
          className="font-semibold text-brand-700 underline"
        >
          {t("results.enrolled.publicLink", { school })}
        </Link>
      </p>
    </ResultFrame>
  );
}
