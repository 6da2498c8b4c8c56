import { useTranslation } from "react-i18next";
import type { OfferForDisplay } from "~/domain/proactive/offer-display";

/** Why an offer was made, in plain words: the event and the facts it named. */
export function OfferWhy({ offer }: { offer: OfferForDisplay }) {
  const { t } = useTranslation("proactive");
  const { key, params } = offer.why;
  const category = params.category ? t(`category.${params.category}`, { defaultValue: params.category }) : "";
  return <>{t(`why.${key}`, { ...params, category })}</>;
}

/** Whether it was granted or offered, and where it stands, in words (colour only helps). */
export function OfferStatusLine({ offer }: { offer: OfferForDisplay }) {
  const { t } = useTranslation("proactive");
  const tone =
    offer.status === "declined" || offer.status === "expired"
      ? "border-slate-500 bg-slate-100 text-slate-900"
      : offer.status === "offered"
        ? "border-amber-700 bg-amber-50 text-amber-900"
        : "border-green-700 bg-green-50 text-green-900";
  return (
    <span className="flex flex-wrap gap-2 text-sm">
      <span className="rounded-md border border-slate-400 px-2 py-1 font-semibold">{t(`mode.${offer.mode}`)}</span>
      <span
        data-testid="offer-status"
        data-status={offer.status}
        className={`rounded-md border px-2 py-1 font-semibold ${tone}`}
      >
        {t(`status.${offer.status}`)}
      </span>
    </span>
  );
}
