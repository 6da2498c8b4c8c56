import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useLocation } from "react-router";
import type { Route } from "./+types/calendar";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DataTable, type Column } from "~/components/data-table";
import { ErrorSummary, SelectField, TextField } from "~/components/form-field";
import { PageTitle } from "~/components/page-title";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { CALENDAR_DAY_KINDS, workingDaysByMonth } from "~/domain/calendar/calendar-days";
import { CalendarDayRemovalSchema, CalendarDaySchema } from "~/domain/calendar/calendar-forms";
import {
  listCalendarYear,
  loadProductionCalendar,
  removeCalendarDay,
  saveCalendarDay,
} from "~/domain/calendar/calendar-store.server";
import { regionDate } from "~/domain/region/clock";
import { formatDate } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/** The years the switcher offers: the decrees entered so far and the next ones to enter. */
const SWITCHER_YEARS = [2025, 2026, 2027, 2028];
const INTL_LOCALES = { ru: "ru-RU", en: "en-GB" } as const;

function requestedYear(url: URL): number {
  const year = Number(url.searchParams.get("year"));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(regionDate().slice(0, 4));
}

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const year = requestedYear(url);
  const language = requestLanguage(context);
  const [days, calendar] = await Promise.all([listCalendarYear(prisma, year), loadProductionCalendar(prisma)]);
  // Words are made here, on the server, so the browser's Intl data cannot change what the page says.
  const weekday = new Intl.DateTimeFormat(INTL_LOCALES[language], { weekday: "long", timeZone: "UTC" });
  const monthName = new Intl.DateTimeFormat(INTL_LOCALES[language], { month: "long", timeZone: "UTC" });
  const working = workingDaysByMonth(calendar, year);
  const edit = days.find((d) => d.date === url.searchParams.get("edit"));
  return {
    year,
    days: days.map((d) => ({
      date: d.date,
      dateText: formatDate(d.date, language),
      weekday: weekday.format(new Date(`${d.date}T00:00:00Z`)),
      kind: d.kind,
      note: d.note,
    })),
    months: working.map((count, i) => {
      const prefix = `${year}-${String(i + 1).padStart(2, "0")}-`;
      return {
        name: monthName.format(new Date(Date.UTC(year, i, 1))),
        working: count,
        short: days.filter((d) => d.kind === "short" && d.date.startsWith(prefix)).length,
      };
    }),
    // The form shows the date as it is typed, ДД.ММ.ГГГГ.
    edit: edit ? { date: edit.date.split("-").reverse().join("."), kind: edit.kind, note: edit.note } : null,
  };
}

export async function action({ request }: Route.ActionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readFormData(request);
  if (formData.get("intent") === "remove") {
    const removal = CalendarDayRemovalSchema.safeParse(Object.fromEntries(formData));
    if (!removal.success) throw data(null, { status: 400 });
    // Removing a day that is already gone (a second click, a stale page) leaves the same calendar.
    await removeCalendarDay(prisma, admin.id, removal.data.date);
    return redirect(`/admin/calendar?year=${removal.data.date.slice(0, 4)}`);
  }
  if (formData.get("intent") !== "save") throw data(null, { status: 400 });
  const submission = parseWithZod(formData, { schema: CalendarDaySchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await saveCalendarDay(prisma, admin.id, submission.value);
  return redirect(`/admin/calendar?year=${submission.value.date.slice(0, 4)}`);
}

type Day = Route.ComponentProps["loaderData"]["days"][number];
type Month = Route.ComponentProps["loaderData"]["months"][number];

export default function AdminCalendar({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("staff");
  const { year, days, months, edit } = loaderData;
  const location = useLocation();
  const total = months.reduce((sum, m) => sum + m.working, 0);
  const dayCells: Omit<Column<Day>, "header">[] = [
    { id: "date", className: "whitespace-nowrap", cell: (d) => <time dateTime={d.date}>{d.dateText}</time> },
    { id: "weekday", cell: (d) => d.weekday },
    { id: "kind", cell: (d) => t(`calendar.kinds.${d.kind}`) },
    { id: "note", cell: (d) => d.note },
    {
      id: "actions",
      cell: (d) => (
        <div className="flex flex-wrap items-center gap-3">
          <Link to={`/admin/calendar?year=${year}&edit=${d.date}#day-form`} className="text-brand-700 underline">
            {t("calendar.edit")}
            <span className="sr-only"> {d.dateText}</span>
          </Link>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="date" value={d.date} />
            <button type="submit" className="text-red-800 underline">
              {t("calendar.remove")}
              <span className="sr-only"> {d.dateText}</span>
            </button>
          </Form>
        </div>
      ),
    },
  ];
  const dayColumns = dayCells.map((column) => ({ ...column, header: t(`calendar.columns.${column.id}`) }));
  const monthColumns: Column<Month>[] = [
    {
      id: "month",
      header: t("calendar.month"),
      rowHeader: true,
      className: "font-normal capitalize",
      cell: (m) => m.name,
      footer: t("calendar.total"),
    },
    { id: "working", header: t("calendar.workingDays"), numeric: true, cell: (m) => m.working, footer: total },
    {
      id: "short",
      header: t("calendar.shortDays"),
      numeric: true,
      cell: (m) => m.short,
      footer: months.reduce((sum, m) => sum + m.short, 0),
    },
  ];
  return (
    <section>
      <Breadcrumbs items={[{ to: "/admin", label: t("admin.title") }, { label: t("calendar.title") }]} />
      <PageTitle title={t("calendar.title")} />
      <p className="mt-3 max-w-3xl">{t("calendar.lead")}</p>

      <nav aria-label={t("calendar.years")} className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {SWITCHER_YEARS.map((y) => (
            <li key={y}>
              <Link
                to={`/admin/calendar?year=${y}`}
                aria-current={y === year ? "page" : undefined}
                className={`inline-block rounded-md border px-4 py-2 font-semibold ${
                  y === year ? "border-brand-900 bg-brand-900 text-white" : "border-slate-500 text-brand-700 underline"
                }`}
              >
                {y}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <h2 id="days-title" className="mt-8 text-xl font-bold">
        {t("calendar.daysTitle", { year })}
      </h2>
      {days.length === 0 ? (
        <p className="mt-3 max-w-3xl">{t("calendar.noDays", { year })}</p>
      ) : (
        <DataTable labelledBy="days-title" columns={dayColumns} rows={days} rowKey={(d) => d.date} className="mt-3" />
      )}

      <h2 id="day-form" className="mt-10 text-xl font-bold">
        {t("calendar.formTitle")}
      </h2>
      <p className="mt-2 max-w-3xl">{t("calendar.formLead")}</p>
      {/* A fresh form after every navigation: empty after a save, filled by "Change" on another row. */}
      <CalendarDayForm key={location.key} edit={edit} lastResult={actionData} />

      <h2 id="months-title" className="mt-10 text-xl font-bold">
        {t("calendar.monthsTitle")}
      </h2>
      <p className="mt-2">{t("calendar.monthsLead", { year })}</p>
      <p className="mt-1 font-semibold">{t("calendar.yearTotal", { year, count: total })}</p>
      <DataTable
        labelledBy="months-title"
        columns={monthColumns}
        rows={months}
        rowKey={(m) => m.name}
        className="mt-3 max-w-xl"
      />
    </section>
  );
}

function CalendarDayForm({
  edit,
  lastResult,
}: {
  edit: { date: string; kind: string; note: string } | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("staff");
  const [form, fields] = useSchemaForm(CalendarDaySchema, lastResult, edit ?? undefined);
  const labels = { date: t("calendar.date"), kind: t("calendar.kind"), note: t("calendar.note") };
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-xl space-y-4">
      <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <TextField field={fields.date} label={labels.date} hint={t("calendar.dateHint")} />
      <SelectField
        field={fields.kind}
        label={labels.kind}
        placeholder={t("calendar.chooseKind")}
        options={CALENDAR_DAY_KINDS.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`) }))}
      />
      <TextField field={fields.note} label={labels.note} hint={t("calendar.noteHint")} />
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
        {t("calendar.save")}
      </button>
    </Form>
  );
}
