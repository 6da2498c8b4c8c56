import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/offers";
import { OfferStatusLine, OfferWhy } from "~/components/offer-summary";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { offerForDisplay } from "~/domain/proactive/offer-display";
import { listOffers } from "~/domain/proactive/offers.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";

/** What was granted or offered to the resident without an application, why, and until when to answer. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const language = requestLanguage(context);
  const offers = await listOffers(prisma, user.id);
  return { offers: offers.map((offer) => offerForDisplay(offer, language)) };
}

export default function Offers({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("proactive");
  const { t: ta } = useTranslation("applications");
  return (
    <section className="max-w-3xl">
      <p>
        <Link to="/cabinet" className="text-brand-700 underline">
          {ta("list.back")}
        </Link>
      </p>
      <div className="mt-2">
        <PageTitle title={t("list.title")} />
      </div>
      <p className="mt-4">{t("list.intro")}</p>
      {d.offers.length === 0 ? (
        <p className="mt-6">{t("list.none")}</p>
      ) : (
        <ul className="mt-6 space-y-3" data-testid="offers">
          {d.offers.map((offer) => (
            <li key={offer.id} className="rounded-md border border-slate-300 bg-white p-4" data-testid="offer">
              <h2 className="text-lg font-bold">
                <Link to={`/cabinet/offers/${offer.id}`} className="text-brand-700 underline">
                  {offer.service}
                </Link>
              </h2>
              <div className="mt-2">
                <OfferStatusLine offer={offer} />
              </div>
              <p className="mt-2">
                <OfferWhy offer={offer} />
              </p>
              {offer.canAnswer && (
                <p className="mt-1 font-semibold">{t(`answerBy.${offer.mode}`, { date: offer.answerBy })}</p>
              )}
              {offer.applicationNumber && (
                <p className="mt-1">
                  <Link to={`/cabinet/applications/${offer.applicationNumber}`} className="text-brand-700 underline">
                    {t("application", { number: offer.applicationNumber })}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
