import { Link } from "react-router";

/**
 * The link to the next page of a list read by a keyset cursor; its address comes from `keysetHref`
 * (page-links.ts), built by the loader, so it keeps the list's filters. Nothing when this is the last page.
 */
export function KeysetPager({ next, label }: { next: string | null; label: string }) {
  if (!next) return null;
  return (
    <p className="mt-4">
      <Link to={next} rel="next" className="font-semibold text-brand-700 underline">
        {label}
      </Link>
    </p>
  );
}
