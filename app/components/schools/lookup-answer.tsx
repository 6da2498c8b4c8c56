import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AddressAnswer, SchoolCard, StreetSuggestion } from "~/domain/enrollment/schools.server";
import type { Language } from "~/domain/i18n/localized";
import { schoolLink } from "./school-link";

export type LookupInput = { oktmo?: string; settlement?: string; street: string; house: string } | null;
export type LookupAnswerView = AddressAnswer | { match: "unreadable" } | { match: "street-missing" };

/** Which school an address is assigned to, or why it could not be said, with the ways on from there. */
export function LookupAnswer({
  answer,
  input,
  year,
  language,
}: {
  answer: LookupAnswerView;
  input: LookupInput;
  year: number;
  language: Language;
}) {
  const { t } = useTranslation("enrollment");
  const suggestionLink = (s: StreetSuggestion, house: string) =>
    `/schools?${new URLSearchParams({ year: String(year), municipality: s.oktmo, street: s.street, house })}#lookup-answer`;
  const place = (s: StreetSuggestion) =>
    s.settlement === s.municipality.ru || s.municipality.ru.endsWith(s.settlement)
      ? `${s.municipality[language]}, ${s.street}`
      : `${s.municipality[language]}, ${s.settlement}, ${s.street}`;

  let body: React.ReactNode;
  if (answer.match === "found") {
    const address = `${place(answer.house.street)}, ${answer.house.number}`;
    const names = new Intl.ListFormat(language, { type: "conjunction" }).format(
      answer.schools.map((s) => shortName(s, language, t)),
    );
    body = (
      <>
        <p className="font-semibold">{t("schools.answer.address", { address })}</p>
        {answer.schools.length === 0 ? (
          <p className="mt-2">{t("schools.answer.noSchool", { year })}</p>
        ) : (
          <>
            <p className="mt-2 text-lg font-semibold">
              {t("schools.answer.found", { count: answer.schools.length, schools: names, year })}
            </p>
            <ul className="mt-3 space-y-2">
              {answer.schools.map((s) => (
                <li key={s.code}>
                  <Link to={schoolLink(s.code, year)} className="font-semibold text-brand-700 underline">
                    {s.name[language]}
                  </Link>
                  <span className="block text-sm">
                    {s.address}
                    {s.seats && <> · {t("schools.answer.seats", { seats: s.seats.total, year })}</>}
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-sm">{t("schools.answer.stages")}</p>
          </>
        )}
      </>
    );
  } else if (answer.match === "house-unknown") {
    body = (
      <>
        <p className="font-semibold">
          {input?.house
            ? t("schools.answer.houseUnknown", { street: place(answer.street), house: input.house })
            : t("schools.answer.houseMissing", { street: place(answer.street) })}
        </p>
        {answer.suggestions.length > 0 && (
          <>
            <p className="mt-2">{t("schools.answer.houseSuggestions")}</p>
            <ul className="mt-1 flex flex-wrap gap-3">
              {answer.suggestions.map((h) => (
                <li key={h}>
                  <Link to={suggestionLink(answer.street, h)} className="text-brand-700 underline">
                    {h}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="mt-2">{t("schools.answer.byHand")}</p>
      </>
    );
  } else if (answer.match === "street-ambiguous") {
    body = (
      <>
        <p className="font-semibold">{t("schools.answer.streetAmbiguous")}</p>
        <ul className="mt-2 space-y-1">
          {answer.suggestions.map((s) => (
            <li key={`${s.oktmo}|${s.settlement}|${s.street}`}>
              <Link to={suggestionLink(s, input?.house ?? "")} className="text-brand-700 underline">
                {place(s)}
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  } else if (answer.match === "street-unknown") {
    body = (
      <>
        <p className="font-semibold">{t("schools.answer.streetUnknown", { street: input?.street ?? "" })}</p>
        {answer.suggestions.length > 0 && (
          <>
            <p className="mt-2">{t("schools.answer.streetSuggestions")}</p>
            <ul className="mt-1 space-y-1">
              {answer.suggestions.map((s) => (
                <li key={`${s.oktmo}|${s.settlement}|${s.street}`}>
                  <Link to={suggestionLink(s, input?.house ?? "")} className="text-brand-700 underline">
                    {place(s)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="mt-2">{t("schools.answer.checkSpelling")}</p>
        <p className="mt-2">{t("schools.answer.byHand")}</p>
      </>
    );
  } else if (answer.match === "street-missing") {
    body = <p className="font-semibold">{t("stumbles.streetMissing")}</p>;
  } else {
    body = <p className="font-semibold">{t("schools.answer.unreadable")}</p>;
  }

  return (
    <div
      id="lookup-answer"
      role="region"
      aria-labelledby="lookup-answer-heading"
      className={`mt-6 rounded-md border-l-4 p-4 ${answer.match === "found" && answer.schools.length > 0 ? "border-green-700 bg-green-50" : "border-amber-600 bg-amber-50"}`}
    >
      <h3 id="lookup-answer-heading" className="mb-2 text-lg font-bold">
        {t("schools.answer.title")}
      </h3>
      {body}
    </div>
  );
}

/** "№ 112" for a numbered school, its whole name for a village school that has no number. */
function shortName(
  school: SchoolCard,
  language: Language,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  return school.name.ru.includes("№") ? t("schools.number", { code: school.code }) : school.name[language];
}
