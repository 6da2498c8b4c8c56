import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/applications";
import { DataTable, type Column } from "~/components/data-table";
import { FilterForm, FilterSelect } from "~/components/filter-form";
import { KeysetPager } from "~/components/keyset-pager";
import { PageTitle } from "~/components/page-title";
import { keysetHref } from "~/components/page-links";
import { StatusBadge } from "~/components/status-badge";
import { prisma } from "~/db/prisma.server";
import { listApplications } from "~/domain/applications/applications.server";
import { listDraftRows } from "~/domain/applications/draft-list.server";
import { enrollmentStandings, type EnrollmentStanding } from "~/domain/enrollment/enrollment.server";
import { enrollmentResultView } from "~/domain/enrollment/enrollment-results.server";
import { STATUS_FILTERS, type StatusFilter } from "~/domain/applications/status-filters";
import { FINAL_STATUSES, parseStatus, type Status } from "~/domain/applications/lifecycle";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { pick } from "~/domain/i18n/localized";
import { formatDate, formatDateTime } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";
import { DraftProgress } from "~/components/draft-progress";

const isFilter = (value: string | null): value is StatusFilter => !!value && value in STATUS_FILTERS;

/** A page cursor of this list: a receipt sequence number (an SQLite integer of Prisma's Int). */
const isReceiptSequence = (value: number) => Number.isInteger(value) && value > 0 && value <= 2_147_483_647;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const language = requestLanguage(context);
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const filter = isFilter(status) ? status : undefined;
  const after = Number(url.searchParams.get("after"));
  const [catalogue, page, drafts] = await Promise.all([
    getCatalogue(prisma),
    listApplications(prisma, user.id, { filter, after: isReceiptSequence(after) ? after : undefined }),
    listDraftRows(prisma, user.id, language),
  ]);
  const byId = new Map([...catalogue.serviceBySlug.values()].map((s) => [s.id, s]));
  const title = (serviceId: number) => {
    const service = byId.get(serviceId);
    return service ? pick(service.title, language) : "";
  };
  const standings = await enrollmentStandings(
    prisma,
    page.applications.map((a) => a.id),
  );
  // An application a school's order has enrolled says so instead of its place on the list.
  const enrolled = new Map<string, { school: string; number: string; date: string }>();
  for (const a of page.applications) {
    if (a.status !== "completed" || !standings.has(a.id)) continue;
    const result = await enrollmentResultView(prisma, a.id, language);
    if (result?.kind === "enrolled")
      enrolled.set(a.id, { school: result.schoolCode, number: result.orderNumber, date: result.orderDate });
  }
  return {
    filter: filter ?? "",
    saved: url.searchParams.has("saved"),
    drafts,
    applications: page.applications.map((a) => ({
      number: a.number!,
      service: title(a.serviceId),
      status: parseStatus(a.status),
      receivedAt: a.receivedAt ? formatDateTime(a.receivedAt, language) : "",
      deadline: a.deadline ? formatDate(a.deadline, language) : "",
      standing: standingLine(standings.get(a.id), parseStatus(a.status), enrolled.get(a.id)),
    })),
    next: page.nextAfter ? keysetHref({ status: filter }, "after", String(page.nextAfter)) : null,
  };
}

/**
 * A first-grade application's place, as the list shows it, while it waits for its decision. Once an
 * order enrolls the child the place means nothing any more (docs/enrollment.md, "Results"): the list
 * names the order instead, as the application's page does; a decided application shows no place.
 */
function standingLine(
  standing: EnrollmentStanding | undefined,
  status: Status,
  order: { school: string; number: string; date: string } | undefined,
) {
  if (order) return { kind: "enrolled" as const, ...order };
  if (!standing || FINAL_STATUSES.includes(status)) return null;
  return { kind: "place" as const, position: standing.position, school: standing.schoolCode, seats: standing.seats };
}

type Row = Route.ComponentProps["loaderData"]["applications"][number];

export default function MyApplications({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("applications");
  const { t: te } = useTranslation("enrollment");
  const columns: Column<Row>[] = [
    {
      id: "number",
      header: t("list.number"),
      className: "whitespace-nowrap",
      cell: (a) => (
        <Link to={`/cabinet/applications/${a.number}`} className="font-semibold text-brand-700 underline">
          {a.number}
        </Link>
      ),
    },
    { id: "service", header: t("list.service"), cell: (a) => a.service },
    {
      id: "status",
      header: t("list.status"),
      cell: (a) => (
        <>
          <StatusBadge status={a.status} />
          {a.standing && (
            <span className="mt-1 block text-sm" data-testid="list-standing">
              {a.standing.kind === "enrolled"
                ? te("stumbles.listEnrolled", a.standing)
                : a.standing.seats > 0
                  ? te("standing.position", a.standing)
                  : te("standing.positionNoSeats", a.standing)}
            </span>
          )}
        </>
      ),
    },
    { id: "receivedAt", header: t("list.receivedAt"), cell: (a) => a.receivedAt },
    { id: "deadline", header: t("list.deadline"), cell: (a) => a.deadline },
  ];
  return (
    <section className="max-w-5xl">
      <p>
        <Link to="/cabinet" className="text-brand-700 underline">
          {t("list.back")}
        </Link>
      </p>
      <div className="mt-2">
        <PageTitle title={t("list.title")} />
      </div>
      {d.saved && (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t("list.draftSaved")}
        </p>
      )}

      <section aria-labelledby="drafts-title" className="mt-8">
        <h2 id="drafts-title" className="text-xl font-bold">
          {t("list.drafts")}
        </h2>
        {d.drafts.length === 0 ? (
          <p className="mt-2">{t("list.noDrafts")}</p>
        ) : (
          <ul className="mt-3 space-y-2" data-testid="drafts">
            {d.drafts.map((draft) => (
              <li
                key={draft.id}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-slate-300 bg-white p-3"
                data-testid="draft"
              >
                <div className="min-w-0">
                  <Link to={draft.href} className="font-semibold text-brand-700 underline">
                    {draft.service}
                  </Link>
                  <DraftProgress draft={draft} />
                </div>
                <Form method="post" action={`/cabinet/drafts/${draft.id}/delete`} className="ml-auto">
                  <button type="submit" className="text-sm text-red-800 underline">
                    {t("list.deleteDraft", { service: draft.service })}
                    {/* Two drafts of one service: the buttons are told apart by what they delete. */}
                    <span className="sr-only">
                      {" "}
                      ({[...draft.children, t("list.savedAt", { time: draft.savedAt })].join(", ")})
                    </span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="submitted-title" className="mt-10">
        <h2 id="submitted-title" className="text-xl font-bold">
          {t("list.submitted")}
        </h2>
        <FilterForm submitLabel={t("list.apply")} className="mt-3">
          <FilterSelect
            id="status-filter"
            name="status"
            label={t("list.filter")}
            value={d.filter}
            anyLabel={t("list.filters.all")}
            options={Object.keys(STATUS_FILTERS).map((f) => ({ value: f, label: t(`list.filters.${f}`) }))}
          />
        </FilterForm>
        {d.applications.length === 0 ? (
          <p className="mt-4">{t("list.none")}</p>
        ) : (
          <DataTable
            caption={t("list.submitted")}
            columns={columns}
            rows={d.applications}
            rowKey={(a) => a.number}
            testId="applications"
          />
        )}
        <KeysetPager next={d.next} label={t("list.more")} />
      </section>
    </section>
  );
}
