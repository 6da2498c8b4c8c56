import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/schools";
import { PageTitle } from "~/components/page-title";
import { SchoolAddressForm } from "~/components/school-address-form";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import {
  answerSchoolsQuery,
  type AddressAnswer,
  listSchoolDistricts,
  listSeatYears,
  type SchoolCard,
  type StreetSuggestion,
} from "~/domain/enrollment/schools.server";
import { EDUCATION_LANGUAGES, parseSchoolsQuery, type SchoolsQuery } from "~/domain/enrollment/schools-query";
import type { Language, Localized } from "~/domain/i18n/localized";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import { requestLanguage } from "~/i18n/i18n.server";
import { NO_CLIENT_CODE } from "~/components/client-code";

const PAGE_SIZE = 20;

/** Plain links and GET forms: sent without scripts (client-code.ts). */
export const handle = NO_CLIENT_CODE;

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  const query = parseSchoolsQuery(new URL(request.url).searchParams, campaignYearFor(new Date()));
  const [{ address, lookup, list }, years, districts] = await Promise.all([
    answerSchoolsQuery(prisma, query, PAGE_SIZE),
    listSeatYears(prisma),
    listSchoolDistricts(prisma),
  ]);
  return {
    language,
    query,
    years: years.includes(query.year) ? years : [query.year, ...years].sort((a, b) => b - a),
    districts,
    // Only a house, no street (the form by parts with «Дом» alone): said, not silently ignored.
    lookup: lookup ?? (query.house && !query.street && !query.address ? ({ match: "street-missing" } as const) : null),
    lookupInput: address ?? (query.address ? { street: query.address, house: "" } : null),
    list,
  };
}

/** The list's filters as URL parameters, for the paging links. */
function listParams(query: SchoolsQuery): URLSearchParams {
  const params = new URLSearchParams({ year: String(query.year) });
  if (query.oktmo) params.set("oktmo", query.oktmo);
  if (query.district) params.set("district", query.district);
  if (query.language) params.set("language", query.language);
  if (query.adapted) params.set("adapted", "1");
  if (query.boarding) params.set("boarding", "1");
  if (query.free) params.set("free", "1");
  if (query.q) params.set("q", query.q);
  return params;
}

export default function Schools({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  const { query, list, language } = loaderData;
  const pick = (text: Localized) => text[language];

  const nextLink = list.next
    ? `/schools?${new URLSearchParams([...listParams(query), ["after", list.next]])}#schools-list`
    : null;
  const firstLink = query.after ? `/schools?${listParams(query)}#schools-list` : null;

  return (
    <>
      <PageTitle title={t("schools.title")} />
      <p className="mt-3 max-w-3xl text-lg">{t("schools.lead", { year: query.year })}</p>

      <section aria-labelledby="lookup-heading" className="mt-8 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="lookup-heading" className="text-xl font-bold">
          {t("schools.lookup.title")}
        </h2>
        <p className="mt-1 max-w-3xl">{t("schools.lookup.lead")}</p>
        <div className="mt-4">
          <SchoolAddressForm id="lookup-address" defaultValue={query.address} year={query.year} />
        </div>
        <Form method="get" action="/schools" className="mt-5">
          <input type="hidden" name="year" value={query.year} />
          <fieldset className="grid gap-3 sm:grid-cols-[1fr_1fr_8rem_auto] sm:items-end">
            <legend className="mb-2 font-semibold">{t("schools.lookup.structured")}</legend>
            <div>
              <label htmlFor="lookup-municipality" className="block text-sm">
                {t("schools.lookup.municipality")}
              </label>
              <select
                id="lookup-municipality"
                name="municipality"
                defaultValue={query.municipality ?? ""}
                className="mt-1 w-full rounded-md border border-slate-400 bg-white px-2 py-2"
              >
                <option value="">{t("schools.lookup.anyMunicipality")}</option>
                {MUNICIPALITIES.map((m) => (
                  <option key={m.oktmo} value={m.oktmo}>
                    {pick(m.name)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="lookup-street" className="block text-sm">
                {t("schools.lookup.street")}
              </label>
              <input
                id="lookup-street"
                name="street"
                type="text"
                defaultValue={query.street}
                maxLength={100}
                autoComplete="address-line1"
                className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
              />
            </div>
            <div>
              <label htmlFor="lookup-house" className="block text-sm">
                {t("schools.lookup.house")}
              </label>
              <input
                id="lookup-house"
                name="house"
                type="text"
                defaultValue={query.house}
                maxLength={20}
                className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
              />
            </div>
            <button
              type="submit"
              className="rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
            >
              {t("schools.lookup.submitStructured")}
            </button>
          </fieldset>
        </Form>
        {loaderData.lookup && (
          <LookupAnswer
            answer={loaderData.lookup}
            input={loaderData.lookupInput}
            year={query.year}
            language={language}
          />
        )}
      </section>

      <section aria-labelledby="schools-list" className="mt-10">
        <h2 id="schools-list" className="text-xl font-bold">
          {t("schools.list.title", { year: query.year })}
        </h2>
        <Form method="get" action="/schools" className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
          <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <legend className="mb-2 font-semibold">{t("schools.list.filters")}</legend>
            <Select
              id="filter-year"
              name="year"
              label={t("schools.list.year")}
              value={String(query.year)}
              options={loaderData.years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <Select
              id="filter-oktmo"
              name="oktmo"
              label={t("schools.list.municipality")}
              anyLabel={t("schools.list.anyMunicipality")}
              value={query.oktmo}
              options={MUNICIPALITIES.map((m) => ({ value: m.oktmo, label: pick(m.name) }))}
            />
            <Select
              id="filter-district"
              name="district"
              label={t("schools.list.district")}
              anyLabel={t("schools.list.anyDistrict")}
              value={query.district}
              options={loaderData.districts.map((d) => ({
                value: d,
                label: t(`schools.districts.${d}`, { defaultValue: d }),
              }))}
            />
            <Select
              id="filter-language"
              name="language"
              label={t("schools.list.language")}
              anyLabel={t("schools.list.anyLanguage")}
              value={query.language}
              options={EDUCATION_LANGUAGES.map((l) => ({ value: l, label: t(`schools.languages.${l}`) }))}
            />
            <div className="sm:col-span-2">
              <label htmlFor="filter-q" className="block text-sm">
                {t("schools.list.q")}
              </label>
              <input
                id="filter-q"
                name="q"
                type="text"
                defaultValue={query.q}
                maxLength={100}
                className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
              />
            </div>
            <div className="flex flex-col gap-2 sm:col-span-2 sm:flex-row sm:flex-wrap sm:items-end sm:gap-4">
              <Check name="adapted" label={t("schools.list.adapted")} checked={query.adapted} />
              <Check name="boarding" label={t("schools.list.boarding")} checked={query.boarding} />
              <Check name="free" label={t("schools.list.free")} checked={query.free} />
            </div>
          </fieldset>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <button
              type="submit"
              className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
            >
              {t("schools.list.apply")}
            </button>
            <Link to="/schools#schools-list" className="text-brand-700 underline">
              {t("schools.list.reset")}
            </Link>
          </div>
        </Form>

        {list.schools.length === 0 ? (
          <p className="mt-4 font-semibold">{t("schools.list.nothing")}</p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{t("schools.list.caption", { year: query.year })}</caption>
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="py-2 pr-3">
                    {t("schools.list.school")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("schools.list.where")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("schools.list.learning")}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    {t("schools.list.seats", { year: query.year })}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    {t("schools.list.freeSeats")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.schools.map((school) => (
                  <SchoolRow key={school.code} school={school} year={query.year} language={language} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-3 text-sm text-muted">{t("schools.freeSeatsNote")}</p>
        {(nextLink || firstLink) && (
          <nav aria-label={t("schools.list.pagination")} className="mt-4 flex flex-wrap gap-4">
            {firstLink && (
              <Link to={firstLink} className="text-brand-700 underline">
                {t("schools.list.first")}
              </Link>
            )}
            {nextLink && (
              <Link to={nextLink} className="text-brand-700 underline" rel="next">
                {t("schools.list.next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}

function schoolLink(code: string, year: number): string {
  return `/schools/${encodeURIComponent(code)}?year=${year}`;
}

function SchoolRow({ school, year, language }: { school: SchoolCard; year: number; language: Language }) {
  const { t } = useTranslation("enrollment");
  const features = [
    ...school.adaptedProgrammes.map((p) => t(`schools.programmes.${p}`, { defaultValue: p })),
    ...(school.boarding ? [t("schools.boarding")] : []),
  ];
  return (
    <tr className="border-b border-slate-200 align-top">
      <th scope="row" className="py-2 pr-3 font-normal">
        <Link to={schoolLink(school.code, year)} className="font-semibold text-brand-700 underline">
          {school.name[language]}
        </Link>
        <span className="block text-sm text-muted">{school.address}</span>
      </th>
      <td className="py-2 pr-3">
        {school.municipality[language]}
        {school.district && (
          <span className="block text-sm text-muted">
            {t("schools.districtOf", {
              district: t(`schools.districts.${school.district}`, { defaultValue: school.district }),
            })}
          </span>
        )}
      </td>
      <td className="py-2 pr-3">
        {school.languages.map((l) => t(`schools.languages.${l}`, { defaultValue: l })).join(", ")}
        {features.length > 0 && <span className="block text-sm text-muted">{features.join("; ")}</span>}
      </td>
      <td className="py-2 pr-3 text-right whitespace-nowrap">
        {school.seats ? (
          <>
            {school.seats.total}
            <span className="block text-sm text-muted">
              {t("schools.classes", { count: school.seats.classes, size: school.seats.classSize })}
            </span>
          </>
        ) : (
          t("schools.noSeats")
        )}
      </td>
      <td className="py-2 pr-3 text-right">{school.freeSeats ?? "—"}</td>
    </tr>
  );
}

type LookupInput = { oktmo?: string; settlement?: string; street: string; house: string } | null;

function LookupAnswer({
  answer,
  input,
  year,
  language,
}: {
  answer: AddressAnswer | { match: "unreadable" } | { match: "street-missing" };
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

function Select(props: {
  id: string;
  name: string;
  label: string;
  anyLabel?: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm">
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.value ?? ""}
        className="mt-1 w-full rounded-md border border-slate-400 bg-white px-2 py-2"
      >
        {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-start gap-2">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="mt-1 size-4" />
      <span>{label}</span>
    </label>
  );
}
