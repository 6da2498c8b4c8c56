import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function Breadcrumbs({ items }: { items: { to?: string; label: string }[] }) {
  const { t } = useTranslation("catalogue");
  return (
    <nav aria-label={t("breadcrumbs")} className="mb-4 text-sm">
      <ol className="flex flex-wrap gap-x-2 gap-y-1">
        {items.map((item, i) => (
          <li key={item.label} className="flex gap-2">
            {i > 0 && <span aria-hidden="true">›</span>}
            {item.to ? (
              <Link to={item.to} className="text-brand-700 underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
