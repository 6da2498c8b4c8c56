import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { DataTable, type Column as TableColumn } from "~/components/data-table";
import type { DashboardSort } from "~/domain/enrollment/campaign-dashboard";
import type { dashboardPageView } from "~/domain/enrollment/campaign-dashboard-view";

type View = ReturnType<typeof dashboardPageView>;

/** The table's columns; those with a sort are links that sort by them (`?sort=`), highest first. */
type Column = "places" | "live" | "inTerritory" | "withPriority" | "enrolled" | "free" | "demand";
const COLUMNS: { key: Column; sort?: DashboardSort }[] = [
  { key: "places", sort: "places" },
  { key: "live", sort: "applications" },
  { key: "inTerritory" },
  { key: "withPriority" },
  { key: "enrolled" },
  { key: "free", sort: "free" },
  { key: "demand", sort: "demand" },
];

export type DashboardFilter = {
  year: string;
  municipality: string;
  sort: DashboardSort;
  /** The query string of the page for another sort, the rest kept. */
  sortHref: (sort: DashboardSort) => string;
};

/** The GET form of the page: year, municipality and order; it works without JavaScript. */
export function DashboardFilterForm({
  filter,
  municipalities,
  sorts,
}: {
  filter: DashboardFilter;
  municipalities: { value: string; label: string }[];
  sorts: readonly DashboardSort[];
}) {
  const { t } = useTranslation("enrollment");
  const control = "mt-1 rounded-md border border-slate-500 bg-white px-3 py-2";
  return (
    <Form method="get" className="mt-6 flex flex-wrap items-end gap-4" aria-label={t("dashboard.filter.label")}>
      <div>
        <label htmlFor="dashboard-year" className="block text-sm font-semibold">
          {t("dashboard.filter.year")}
        </label>
        <input
          id="dashboard-year"
          name="year"
          inputMode="numeric"
          defaultValue={filter.year}
          className={`${control} w-28`}
        />
      </div>
      <div>
        <label htmlFor="dashboard-municipality" className="block text-sm font-semibold">
          {t("dashboard.filter.municipality")}
        </label>
        <select id="dashboard-municipality" name="municipality" defaultValue={filter.municipality} className={control}>
          <option value="">{t("dashboard.filter.wholeRegion")}</option>
          {municipalities.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="dashboard-sort" className="block text-sm font-semibold">
          {t("dashboard.filter.sort")}
        </label>
        <select id="dashboard-sort" name="sort" defaultValue={filter.sort} className={control}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(`dashboard.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900">
        {t("dashboard.filter.show")}
      </button>
    </Form>
  );
}

/** Per school: places, applications on the list and of them in territory / with a priority right, enrolled, free, demand. */
export function DashboardSchools({
  view,
  filter,
  listHref,
}: {
  view: View;
  filter: DashboardFilter;
  /** The school's ranked list, for staff who may open it; null for analysts. */
  listHref: ((code: string) => string) | null;
}) {
  const { t } = useTranslation("enrollment");
  const columns: TableColumn<View["schools"][number]>[] = [
    {
      id: "school",
      header: (
        <Link to={`?${filter.sortHref("code")}`} className="text-brand-700 underline">
          {t("dashboard.schools.school")}
        </Link>
      ),
      sort: filter.sort === "code" ? "ascending" : undefined,
      rowHeader: true,
      className: "font-normal",
      cell: (s) => (
        <>
          {listHref ? (
            <Link to={listHref(s.code)} className="text-brand-700 underline">
              {s.name}
            </Link>
          ) : (
            s.name
          )}
          <span className="block text-xs text-muted">{[s.municipality, s.district].filter(Boolean).join(", ")}</span>
        </>
      ),
      footer: t("dashboard.schools.total", { count: view.schools.length }),
    },
    ...COLUMNS.map((c): TableColumn<View["schools"][number]> => ({
      id: c.key,
      header: c.sort ? (
        <Link to={`?${filter.sortHref(c.sort)}`} className="text-brand-700 underline">
          {t(`dashboard.schools.${c.key}`)}
        </Link>
      ) : (
        t(`dashboard.schools.${c.key}`)
      ),
      sort: c.sort && filter.sort === c.sort ? "descending" : undefined,
      className: "whitespace-nowrap",
      cell: (s) => (
        <>
          {s[c.key]}
          {c.key === "demand" && s.oversubscribed && (
            <span className="block text-xs font-semibold text-red-800">{t("dashboard.schools.oversubscribed")}</span>
          )}
        </>
      ),
      footer: view.totals[c.key],
    })),
  ];
  return (
    <section aria-labelledby="schools-title" className="mt-8">
      <h2 id="schools-title" className="text-xl font-bold">
        {t("dashboard.schools.title")}
      </h2>
      <p className="mt-2 max-w-3xl text-sm text-muted">{t("dashboard.schools.note")}</p>
      {view.schools.length === 0 ? (
        <p className="mt-3">{t("dashboard.schools.none")}</p>
      ) : (
        <DataTable
          caption={t("dashboard.schools.caption", { sort: t(`dashboard.sort.${filter.sort}`) })}
          captionId="schools-caption"
          compact
          focusable
          testId="dashboard-schools"
          columns={columns}
          rows={view.schools}
          rowKey={(s) => s.code}
          rowData={(s) => ({ "data-school": s.code })}
          className="mt-3"
        />
      )}
    </section>
  );
}

/** The schools that still have places not taken by enrollment orders. */
export function DashboardFreeSchools({ schools }: { schools: View["freeSchools"] }) {
  const { t } = useTranslation("enrollment");
  return (
    <section aria-labelledby="free-title" className="mt-8">
      <h2 id="free-title" className="text-xl font-bold">
        {t("dashboard.free.title")}
      </h2>
      <p className="mt-2 max-w-3xl text-sm text-muted">{t("dashboard.free.note")}</p>
      {schools.length === 0 ? (
        <p className="mt-3">{t("dashboard.free.none")}</p>
      ) : (
        <ul className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2" data-testid="free-schools">
          {schools.map((s) => (
            <li key={s.code}>
              <Link to={`/schools/${encodeURIComponent(s.code)}`} className="text-brand-700 underline">
                {s.name}
              </Link>{" "}
              — {t("dashboard.free.places", { free: s.free, places: s.places })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
