import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";

export type OfferView = {
  schoolCode: string;
  offer: { code: string; name: string; address: string; freePlaces: number; inTerritory?: boolean }[];
};

/**
 * A refusal for lack of places with the education authority's offer: the schools with free places
 * now, each with a one-step application (a plain POST form, so it works without JavaScript).
 */
export function ResultOffer({ result, number }: { result: OfferView; number: string }) {
  const { t } = useTranslation("enrollment");
  return (
    <section
      aria-labelledby="result-title"
      data-testid="enrollment-result"
      className="mt-6 rounded-md border-4 border-amber-600 bg-amber-50 p-5"
    >
      <h2 id="result-title" className="text-xl font-bold">
        {t("results.refused.title", { school: result.schoolCode })}
      </h2>
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
                <p className="mt-1">{t("results.refused.freePlaces", { count: school.freePlaces })}</p>
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
                    to={`/schools/${encodeURIComponent(school.code)}`}
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
    </section>
  );
}
