import { randomUUID } from "node:crypto";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/withdraw";
import { StatusBadge } from "~/components/status-badge";
import { prisma } from "~/db/prisma.server";
import { getApplicationPage } from "~/domain/applications/application-view.server";
import { withdrawApplication } from "~/domain/applications/resident-actions.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/** Withdrawal asks once more: it cannot be undone, and the place in a queue is lost. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const page = await getApplicationPage(prisma, {
    applicantId: user.id,
    number: params.number,
    language: requestLanguage(context),
  });
  if (!page) throw data(null, { status: 404 });
  if (!page.commands.includes("withdraw")) throw redirect(`/cabinet/applications/${page.number}`);
  return {
    number: page.number,
    service: page.service.title,
    status: page.status,
    version: page.version,
    idempotencyKey: randomUUID(),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const form = await readFormData(request);
  const version = Number(form.get("version"));
  const keyValue = form.get("idempotencyKey");
  const key = typeof keyValue === "string" ? keyValue : "";
  const result = await withdrawApplication(prisma, {
    applicantId: user.id,
    number: params.number,
    version: Number.isInteger(version) ? version : -1,
    idempotencyKey: /^[0-9a-f-]{36}$/.test(key) ? key : randomUUID(),
  });
  const here = `/cabinet/applications/${params.number}`;
  if (!result.ok) {
    if (result.error === "not-found") throw data(null, { status: 404 });
    return redirect(`${here}?notice=changed`);
  }
  return redirect(`${here}?notice=withdrawn`);
}

export default function Withdraw({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("applications");
  const { t: tc } = useTranslation();
  return (
    <section className="max-w-2xl">
      <title>{`${t("withdraw.title")} — ${tc("layout.portalName")}`}</title>
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{t("withdraw.title")}</h1>
      <p className="mt-4">
        {d.service} — {t("page.number", { number: d.number })}
      </p>
      <p className="mt-2">
        <StatusBadge status={d.status} />
      </p>
      <p className="mt-4 rounded-md border-l-4 border-red-700 bg-red-50 p-3">{t("withdraw.warning")}</p>
      <Form method="post" className="mt-6 flex flex-wrap items-center gap-4">
        <input type="hidden" name="version" value={d.version} />
        <input type="hidden" name="idempotencyKey" value={d.idempotencyKey} />
        <button type="submit" className="rounded-md bg-red-800 px-5 py-3 font-semibold text-white hover:bg-red-900">
          {t("withdraw.confirm")}
        </button>
        <Link to={`/cabinet/applications/${d.number}`} className="text-brand-700 underline">
          {t("withdraw.cancel")}
        </Link>
      </Form>
    </section>
  );
}
