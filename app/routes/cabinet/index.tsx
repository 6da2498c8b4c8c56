import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/index";
import { requireUser } from "~/server/auth.server";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { countOpenOffers } from "~/domain/proactive/offers.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return {
    email: user.email,
    roles: [...new Set(user.roles.map((r) => r.role))],
    openOffers: await countOpenOffers(prisma, user.id),
  };
}

export default function Cabinet({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  const { t: tp } = useTranslation("proactive");
  const { t: tu } = useTranslation("payments");
  return (
    <section className="max-w-2xl">
      <PageTitle title={t("cabinet.title")} />
      <dl className="mt-6 space-y-3">
        <div>
          <dt className="text-sm font-semibold text-muted">{t("fields.email")}</dt>
          <dd data-testid="cabinet-email">{loaderData.email}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-muted">{t("cabinet.roles")}</dt>
          <dd>{loaderData.roles.map((role) => t(`roles.${role}`)).join(", ")}</dd>
        </div>
      </dl>
      <ul className="mt-6 space-y-3">
        <li>
          <Link to="/cabinet/applications" className="font-semibold text-brand-700 underline">
            {t("cabinet.applications")}
          </Link>
        </li>
        <li>
          <Link to="/cabinet/offers" className="font-semibold text-brand-700 underline">
            {tp("cabinetLink")}
          </Link>
          {loaderData.openOffers > 0 && (
            <span
              className="ml-2 rounded bg-amber-50 px-2 py-0.5 text-sm font-semibold text-amber-900"
              data-testid="open-offers"
            >
              {tp("cabinetCount", { count: loaderData.openOffers })}
            </span>
          )}
        </li>
        <li>
          <Link to="/cabinet/payments" className="font-semibold text-brand-700 underline">
            {tu("title")}
          </Link>
        </li>
        <li>
          <Link to="/cabinet/notifications" className="font-semibold text-brand-700 underline">
            {t("cabinet.notifications")}
          </Link>
        </li>
        <li>
          <Link to="/cabinet/profile" className="font-semibold text-brand-700 underline">
            {t("cabinet.profile")}
          </Link>
        </li>
      </ul>
      {loaderData.roles.some((r) => r === "officer" || r === "supervisor") && (
        <p className="mt-4">
          <Link to="/office" className="font-semibold text-brand-700 underline">
            {t("cabinet.office")}
          </Link>
        </p>
      )}
      {loaderData.roles.includes("admin") && (
        <p className="mt-4">
          <Link to="/admin" className="font-semibold text-brand-700 underline">
            {t("cabinet.admin")}
          </Link>
        </p>
      )}
      <div className="mt-8 flex flex-wrap gap-3">
        <Form method="post" action="/logout">
          <button type="submit" className="rounded-md border-2 border-brand-700 px-4 py-2 font-semibold text-brand-700">
            {t("cabinet.signOut")}
          </button>
        </Form>
        <Form method="post" action="/logout">
          <input type="hidden" name="scope" value="everywhere" />
          <button type="submit" className="rounded-md border-2 border-slate-500 px-4 py-2 font-semibold">
            {t("cabinet.signOutEverywhere")}
          </button>
        </Form>
      </div>
    </section>
  );
}
