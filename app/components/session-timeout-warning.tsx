import { useEffect, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useFetcher, useLocation } from "react-router";

/*
 * Warns before the session ends (WCAG 2.2.1 "timing adjustable"): a few minutes ahead, a notice
 * with one button to stay signed in. Without JavaScript the server shows the same notice when a
 * page is rendered close to the end; the button is a plain POST either way. Answers typed after
 * the end are not lost: the application form keeps them until the resident signs in again.
 */
export const SESSION_WARNING_MS = 5 * 60_000;

const noSubscription = () => () => {};

export function SessionTimeoutWarning({ expiresAt, warnNow }: { expiresAt: number; warnNow: boolean }) {
  const { t, i18n } = useTranslation();
  const fetcher = useFetcher<{ expiresAt: number | null }>();
  const location = useLocation();
  // Without JavaScript the form is an ordinary POST answered with a redirect back.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const end = fetcher.data?.expiresAt ?? expiresAt;
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 15_000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, []);
  const left = now === null ? null : end - now;
  const phase =
    left === null ? (warnNow ? "warn" : "quiet") : left <= 0 ? "ended" : left <= SESSION_WARNING_MS ? "warn" : "quiet";

  if (phase === "quiet") return null;
  const here = location.pathname + location.search;
  const time = new Date(end).toLocaleTimeString(i18n.language, {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Moscow",
  });
  return (
    <div role="alert" className="border-b-4 border-amber-600 bg-amber-50" data-testid="session-warning">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        {phase === "ended" ? (
          <p className="font-semibold">
            {t("session.ended")}{" "}
            <a href={`/login?redirectTo=${encodeURIComponent(here)}`} className="text-brand-700 underline">
              {t("session.signIn")}
            </a>
          </p>
        ) : (
          <>
            <p className="font-semibold">{t("session.warning", { time })}</p>
            <fetcher.Form method="post" action="/session/extend">
              <input type="hidden" name="redirectTo" value={here} />
              {hydrated && <input type="hidden" name="fetch" value="1" />}
              <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
                {t("session.extend")}
              </button>
            </fetcher.Form>
          </>
        )}
      </div>
    </div>
  );
}
