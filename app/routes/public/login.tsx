import { useTranslation } from "react-i18next";
import { Link } from "react-router";

// Until accounts exist (the identity issue), the sign-in link explains what is coming.
export default function Login() {
  const { t } = useTranslation();
  return (
    <section className="max-w-2xl">
      <title>{`${t("login.title")} — ${t("layout.portalName")}`}</title>
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{t("login.title")}</h1>
      <p className="mt-4 text-lg">{t("login.body")}</p>
      <p className="mt-6">
        <Link to="/" className="font-semibold text-brand-700 underline">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
