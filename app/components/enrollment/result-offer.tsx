import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { ResultFrame } from "./result-frame";

export type OfferView = {
  schoolCode: string;
  campaignYear: number;
  /** The refusal's campaign is over: the offer is shown as history. */
  finished: boolean;
  offer: { code: string; name: string; address: string; freePlaces?: number; inTerritory?: boolean }[];
};

/** A school's page as of the campaign the offer was for (its places and orders of that year). */
const schoolPage = (code: string, year: number) => `/schools/${encodeURIComponent(code)}?year=${year}`;

/**
 * A refusal for lack of places with the education authority's offer: the schools with free places
 * now, each with a one-step application (a plain POST form, so it works without JavaScript). Once the
 * campaign is over, what was offered, as history: no places, no button.
 */
export function ResultOffer({ result, number }: { result: OfferView; number: string }) {
  const { t } = useTranslation("enrollment");
  if (result.finished) return <PastOffer result={result} />;
  return (
    <ResultFrame tone="offer" title={t("results.refused.title", { school: result.schoolCode })}>
      <p className="mt-2">{t("results.refused.lead")}</p>
      <h3 className="mt-4 text-lg font-bold">{t("results.refused.offerTitle")}</h3>
      {result.offer.length === 0 ? (
        <p className="mt-2" data-testid="offer-empty">
          {t("results.refused.noOffer")}{" "}
          <Link to="/schools?free=1" className="font-semibold text-brand-700 underline">
            {t("results.refused.freeSchools")}
          </Link>
        </p>
      ) : (
        <>
          <p className="mt-1">{t("results.refused.oneStep")}</p>
          <ul className="mt-3 space-y-3" data-testid="offer">
            {result.offer.map((school) => (
              <li key={school.code} className="rounded-md border border-slate-300 bg-white p-4">
                <p id={`offer-${school.code}`} className="font-semibold">
                  {school.name}
                </p>
                <p>{school.address}</p>
                <p className="mt-1">{t("results.refused.freePlaces", { count: school.freePlaces ?? 0 })}</p>
                {school.inTerritory !== undefined && (
                  <p className="text-sm text-muted">
                    {school.inTerritory ? t("results.refused.inTerritory") : t("results.refused.outsideTerritory")}
                  </p>
                )}
                <div className="mt-3 flex flex-wrap items-center gap-4">
                  <Form
                    method="post"
                    action={`/cabinet/applications/${encodeURIComponent(number)}/apply-to/${encodeURIComponent(school.code)}`}
                  >
                    <button
                      type="submit"
                      aria-describedby={`offer-${school.code}`}
                      className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900"
                    >
                      {t("results.refused.apply")}
                    </button>
                  </Form>
                  <Link
                    to={schoolPage(school.code, result.campaignYear)}
                    aria-describedby={`offer-${school.code}`}
                    className="text-brand-700 underline"
                  >
                    {t("results.refused.schoolPage")}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </ResultFrame>
  );
}

/** The offer of a campaign that is over: which schools it named, each with a link to its page of that year. */
function PastOffer({ result }: { result: OfferView }) {
  const { t } = useTranslation("enrollment");
  return (
    <ResultFrame tone="history" title={t("results.refused.title", { school: result.schoolCode })}>
      <p className="mt-2" data-testid="offer-over">
        {t("guards.offerOver", { year: result.campaignYear })}
      </p>
      {result.offer.length > 0 && (
        <>
          <h3 className="mt-4 text-lg font-bold">{t("guards.offerWas", { year: result.campaignYear })}</h3>
          <ul className="mt-3 space-y-3" data-testid="past-offer">
            {result.offer.map((school) => (
              <li key={school.code} className="rounded-md border border-slate-300 p-4">
                <p id={`offer-${school.code}`} className="font-semibold">
                  {school.name}
                </p>
                <p>{school.address}</p>
                <Link
                  to={schoolPage(school.code, result.campaignYear)}
                  aria-describedby={`offer-${school.code}`}
                  className="mt-2 inline-block text-brand-700 underline"
                >
                  {t("results.refused.schoolPage")}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </ResultFrame>
  );
}
