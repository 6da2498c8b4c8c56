import { useTranslation } from "react-i18next";
import type { DraftSummary } from "~/domain/applications/draft-summary";

/** Whom a draft is for and how far it has come: what tells two drafts of one service apart. */
export function DraftProgress({ draft }: { draft: DraftSummary & { savedAt: string } }) {
  const { t } = useTranslation("applications");
  return (
    <>
      {draft.children.length > 0 && (
        <span className="block" data-testid="draft-children">
          {t("list.draftFor", { children: draft.children.join(", ") })}
        </span>
      )}
      <span className="block text-sm text-muted" data-testid="draft-progress">
        {draft.resumesAt.kind === "review"
          ? t("list.draftAtReview")
          : t("list.draftAtStep", {
              step: t("progress", { current: draft.resumesAt.number, total: draft.resumesAt.total }),
              title: draft.resumesAt.title,
            })}
        {" · "}
        {t("list.savedAt", { time: draft.savedAt })}
      </span>
    </>
  );
}
