import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useLocation } from "react-router";
import type { Route } from "./+types/enrollment";
import { OrderActions } from "~/components/enrollment/order-actions";
import { OrderEarlyStage2 } from "~/components/enrollment/order-early-stage2";
import { OrderSchoolPicker } from "~/components/enrollment/order-school-picker";
import { RankedList } from "~/components/enrollment/ranked-list";
import { ErrorSummary } from "~/components/form-field";
import { PageTitle } from "~/components/page-title";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { parseStatus } from "~/domain/applications/lifecycle";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { rankedListSchools, worksEnrollment } from "~/domain/enrollment/enrollment.server";
import {
  checkEnrollmentDocuments,
  findSchoolOrder,
  issueEnrollmentOrder,
  schoolOrderList,
  type DocumentsCheckResult,
  type OrderResult,
} from "~/domain/enrollment/enrollment-orders.server";
import { openStage2Early, schoolStage2Opening } from "~/domain/enrollment/early-stage2.server";
import { earlyStage2FormSchema, orderFormSchema } from "~/domain/enrollment/order-forms";
import { problemMessage } from "~/domain/enrollment/order-rules";
import { staffScope } from "~/domain/office/casework.server";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { regionDate } from "~/domain/region/clock";
import { formatDateTime, formatPreciseDateTime, formatShortDate } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/*
 * A school's ranked first-grade list for its staff, and the school's acts on it (docs/enrollment.md,
 * "The school's side"): documents checked, and the enrollment order over the applications ticked.
 */
async function officerScope(request: Request) {
  const user = await requireRole(request, "officer", "supervisor");
  const scope = await staffScope(prisma, user.roles);
  if (!(await worksEnrollment(prisma, scope.departmentIds))) throw data(null, { status: 403 });
  return { user, scope };
}

const listUrl = (school: string, year: number, notice: string) =>
  `/office/enrollment?${new URLSearchParams({ school, year: String(year) })}&${notice}`;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { scope } = await officerScope(request);
  const language = requestLanguage(context);
  const url = new URL(request.url);
  const schools = await rankedListSchools(prisma, scope.schoolCodes);
  const asked = url.searchParams.get("school");
  const school = schools.find((s) => s.code === asked) ?? (asked ? null : schools[0]);
  if (!school) throw data(null, { status: 404 });
  const yearParam = Number(url.searchParams.get("year"));
  const year =
    Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : campaignYearFor(new Date());
  const list = await schoolOrderList(prisma, { schoolCode: school.code, campaignYear: year, scope });
  if (!list) throw data(null, { status: 404 });
  const short = (date: string | null) => (date ? formatShortDate(date, language) : null);
  const orderId = Number(url.searchParams.get("order"));
  const order =
    Number.isInteger(orderId) && orderId > 0 && orderId < 2 ** 31
      ? await findSchoolOrder(prisma, { orderId, schoolCode: school.code, campaignYear: year, scope })
      : null;
  const checked = Number(url.searchParams.get("checked"));
  const stage2 = await schoolStage2Opening(prisma, school.code, year);
  return {
    stage2: {
      // "6 июля 2027 г. в 00:00"; to the millisecond only for an early opening at the instant it was pressed.
      at:
        stage2.opensAt.getTime() % 60_000 === 0
          ? formatDateTime(stage2.opensAt, language)
          : formatPreciseDateTime(stage2.opensAt, language),
      early: stage2.early,
      open: stage2.early || stage2.opensAt.getTime() <= Date.now(),
      // Not offered before stage 1 opens (early-stage2.server.ts).
      stage1OpensAt: stage2.stage1Opened ? null : formatDateTime(stage2.stage1OpensAt, language),
    },
    year,
    // The ministry's campaign dashboard is for the department's staff, not a school's (campaign-dashboard.server.ts).
    campaignDashboard: scope.schoolCodes === null,
    today: regionDate(),
    school: { code: school.code, name: language === "en" ? school.nameEn : school.name },
    schools: schools.map((s) => ({ code: s.code, name: language === "en" ? s.nameEn : s.name })),
    places: list.places,
    notice: order
      ? { kind: "issued" as const, number: order.number, date: short(order.date)!, count: order.enrolled }
      : Number.isSafeInteger(checked) && checked > 0
        ? { kind: "checked" as const, count: checked }
        : null,
    rows: list.rows.map((r) => ({
      ...r,
      status: parseStatus(r.status),
      receivedAt: formatPreciseDateTime(r.receivedAt, language),
      deadline: short(r.deadline),
      documentsCheckedOn: short(r.documentsCheckedOn),
      order: r.order && { number: r.order.number, date: short(r.order.date)! },
    })),
  };
}

type Failure = Exclude<DocumentsCheckResult | OrderResult, { ok: true }>;

/** What the error summary says of a refused act; the form keeps what was typed and ticked. */
function failureReply(failure: Failure): { formErrors?: string[]; fieldErrors?: Record<string, string[]> } {
  switch (failure.error) {
    case "ineligible":
      return { formErrors: failure.problems.map(problemMessage) };
    case "over-capacity":
      return {
        formErrors: [m("enrollment:orders.errors.overCapacity", { selected: failure.selected, free: failure.free })],
      };
    case "duplicate-number":
      return {
        fieldErrors: {
          orderNumber: [m("enrollment:orders.errors.duplicateNumber", { number: failure.number, date: failure.date })],
        },
      };
    case "invalid-number":
      return { fieldErrors: { orderNumber: [failure.message] } };
    case "invalid-date":
      return { fieldErrors: { orderDate: [failure.message] } };
    case "nothing-selected":
      return { formErrors: [m("enrollment:orders.errors.nothingSelected")] };
    case "conflict":
      return { formErrors: [m("enrollment:orders.errors.conflict")] };
    case "not-found":
      throw data(null, { status: 404 });
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, scope } = await officerScope(request);
  const formData = await readFormData(request);
  if (formData.get("intent") === "openStage2Early") {
    const form = earlyStage2FormSchema.safeParse(Object.fromEntries(formData));
    if (!form.success) throw data(null, { status: 400 });
    const opened = await openStage2Early(prisma, {
      schoolCode: form.data.school,
      campaignYear: form.data.year,
      actor: user,
      scope,
    });
    if (!opened.ok && opened.error === "not-found") throw data(null, { status: 404 });
    if (opened.ok || opened.error === "already-open")
      return redirect(listUrl(form.data.school, form.data.year, "stage2=open"));
    if (opened.error === "stage1-not-open") {
      const at = formatDateTime(opened.stage1OpensAt, requestLanguage(context));
      return data({ stage2Refusal: { stage1OpensAt: at } }, { status: 409 });
    }
    return data({ stage2Refusal: { waiting: opened.waiting } }, { status: 409 });
  }
  const submission = parseWithZod(formData, { schema: orderFormSchema(regionDate()) });
  if (submission.status !== "success") {
    return data<{ reply: SubmissionResult<string[]> }>({ reply: submission.reply() }, { status: 400 });
  }
  const form = submission.value;
  const act = {
    schoolCode: form.school,
    campaignYear: form.year,
    applicationIds: form.applicationId,
    actor: user,
    scope,
  };
  const result =
    form.intent === "checkDocuments"
      ? await checkEnrollmentDocuments(prisma, act)
      : await issueEnrollmentOrder(prisma, { ...act, number: form.orderNumber, date: form.orderDate });
  if (result.ok) {
    const notice = "order" in result ? `order=${result.order.id}` : `checked=${result.checked + result.alreadyChecked}`;
    return redirect(listUrl(form.school, form.year, notice));
  }
  return data({ reply: submission.reply(failureReply(result)) }, { status: result.error === "conflict" ? 409 : 400 });
}

export default function EnrollmentList({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  const location = useLocation();
  const schema = useMemo(() => orderFormSchema(d.today), [d.today]);
  // A new form when the address changes (a successful act redirects here with its notice): the ticks
  // start afresh. Named after the query, which the server and the browser read alike.
  const formId = `orders-${[...location.search].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(36)}`;
  const reply = actionData && "reply" in actionData ? actionData.reply : undefined;
  const [form, fields] = useSchemaForm(schema, reply, { orderDate: d.today }, formId);
  const ticked = fields.applicationId.initialValue;
  const selected = new Set(Array.isArray(ticked) ? ticked : typeof ticked === "string" ? [ticked] : []);
  const labels = { orderNumber: t("orders.actions.orderNumber"), orderDate: t("orders.actions.orderDate") };
  return (
    <section>
      <PageTitle title={t("office.title", { school: d.school.code, year: d.year })} />
      <p className="mt-2">{d.school.name}</p>
      {d.campaignDashboard && (
        <p className="mt-2">
          <Link to={`/office/enrollment/campaign?year=${d.year}`} className="font-semibold text-brand-700 underline">
            {t("dashboard.link")}
          </Link>
        </p>
      )}
      <OrderSchoolPicker schools={d.schools} school={d.school.code} year={d.year} />
      <p className="mt-4 font-semibold" data-testid="places">
        {d.places.seats > 0 ? t("orders.places", d.places) : t("orders.noPlaces", { year: d.year })}
      </p>
      {d.notice && (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {d.notice.kind === "issued" ? t("orders.notice.issued", d.notice) : t("orders.notice.checked", d.notice)}
        </p>
      )}
      {d.rows.length === 0 ? (
        <p className="mt-6">{t("office.empty")}</p>
      ) : (
        <Form key={form.id} method="post" {...getFormProps(form)} className="mt-6">
          <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
          <input type="hidden" name="school" value={d.school.code} />
          <input type="hidden" name="year" value={d.year} />
          <RankedList rows={d.rows} selected={selected} />
          <OrderActions orderNumber={fields.orderNumber} orderDate={fields.orderDate} canOrder={d.places.seats > 0} />
        </Form>
      )}
      <OrderEarlyStage2
        school={d.school.code}
        year={d.year}
        opening={d.stage2}
        refusal={actionData && "stage2Refusal" in actionData ? actionData.stage2Refusal : null}
      />
    </section>
  );
}
