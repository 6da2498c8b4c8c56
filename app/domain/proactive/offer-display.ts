import { pick, type Language } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { formatDate } from "~/domain/region/dates";
import type { OfferStatus } from "./rules";

/*
 * An offer as the resident's pages show it, in the reader's language: the service, whether it was
 * granted or offered, why (the event, with the facts it named) and until when they may answer. The
 * words themselves are keys of the "proactive" namespace; here only their parameters are made.
 */
export type OfferForDisplay = {
  id: string;
  mode: "assign" | "offer";
  status: OfferStatus;
  canAnswer: boolean;
  service: string;
  serviceSlug: string | null;
  /** proactive:why.<key> with its parameters. */
  why: { key: string; params: Record<string, string> };
  answerBy: string;
  received: string;
  applicationNumber: string | null;
};

const EVENT_TYPES = ["birth", "pregnancy", "benefit-status"];

export function offerForDisplay(
  offer: {
    id: string;
    mode: "assign" | "offer";
    status: OfferStatus;
    canAnswer: boolean;
    answerBy: Date;
    service: { code: string; slug: string; titleRu: string; titleEn: string } | null;
    event: { type: string; occurredAt: Date; facts: Record<string, string | number> };
    application: { number: string | null } | null;
  },
  language: Language,
): OfferForDisplay {
  const facts = offer.event.facts;
  const date = (key: string) => {
    const value = facts[key];
    return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : "";
  };
  const type = EVENT_TYPES.includes(offer.event.type) ? offer.event.type : "other";
  const params: Record<string, string> =
    type === "birth"
      ? { child: String(facts.childName ?? ""), date: date("childBirthDate") }
      : type === "pregnancy"
        ? { date: date("pregnancyRegisteredOn") }
        : type === "benefit-status"
          ? // The category as ЕГИССО codes it; the page names it (proactive:category.*).
            { category: String(facts.category ?? ""), date: date("benefitValidFrom") }
          : {};
  return {
    id: offer.id,
    mode: offer.mode,
    status: offer.status,
    canAnswer: offer.canAnswer,
    service: offer.service ? pick({ ru: offer.service.titleRu, en: offer.service.titleEn }, language) : "",
    serviceSlug: offer.service?.slug ?? null,
    why: { key: type, params },
    answerBy: formatDate(regionDate(offer.answerBy), language),
    received: formatDate(regionDate(offer.event.occurredAt), language),
    applicationNumber: offer.application?.number ?? null,
  };
}
