import { useTranslation } from "react-i18next";

/** The page's heading and the browser tab's title ("… — Госуслуги Пензенской области"), always the same words. */
export function PageTitle({ title, id }: { title: string; /** For what the heading names (a table). */ id?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${title} — ${t("layout.portalName")}`}</title>
      <h1 id={id} className="text-2xl font-bold text-brand-900 sm:text-3xl">
        {title}
      </h1>
    </>
  );
}
