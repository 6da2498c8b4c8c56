import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-12 bg-brand-900 text-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:grid-cols-3">
        <div>
          <p className="font-semibold">{t("layout.portalName")}</p>
          <p className="mt-2 text-sm text-slate-200">{t("layout.footerAbout")}</p>
        </div>
        <nav aria-label={t("layout.footerNav")}>
          <ul className="space-y-2 text-sm">
            <li>
              <Link to="/" className="underline hover:no-underline">
                {t("layout.catalogue")}
              </Link>
            </li>
            <li>
              <Link to="/search" className="underline hover:no-underline">
                {t("layout.searchAll")}
              </Link>
            </li>
            <li>
              <Link to="/indicators" className="underline hover:no-underline">
                {t("footerLink", { ns: "indicators" })}
              </Link>
            </li>
            <li>
              <a href="/api/services" className="underline hover:no-underline">
                {t("layout.openApi")}
              </a>
            </li>
          </ul>
        </nav>
        <div className="text-sm text-slate-200">
          <p>{t("layout.support")}</p>
          <p className="mt-2">{t("layout.demoNotice")}</p>
        </div>
      </div>
    </footer>
  );
}
