import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export type EnrolledResultView = { orderNumber: string; orderDate: string; schoolCode: string; campaignYear: number };

/** "Enrolled by order № … of …", and where the order is public (docs/enrollment.md). */
export function ResultEnrolled({ result }: { result: EnrolledResultView }) {
  const { t } = useTranslation("enrollment");
  const school = result.schoolCode;
  return (
    <section
      aria-labelledby="result-title"
      data-testid="enrollment-result"
      className="mt-6 rounded-md border-4 border-green-700 bg-green-50 p-5"
    >
      <h2 id="result-title" className="text-xl font-bold text-green-900">
        {t("results.enrolled.title")}
      </h2>
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
    </section>
  );
}
