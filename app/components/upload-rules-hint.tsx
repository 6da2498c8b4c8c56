import { useTranslation } from "react-i18next";
import { uploadHintParams, type UploadRules } from "~/domain/uploads/upload-rules";

/**
 * The limits beside a file input, in the words of the rules the server applies (upload-rules.ts), so the
 * hint cannot promise a type or a size the check of the bytes refuses. The input names it in aria-describedby.
 */
export function UploadRulesHint({ id, rules }: { id: string; rules: UploadRules }) {
  const { t } = useTranslation("applications");
  return (
    <p id={id} className="text-sm text-muted">
      {t("file.rules", uploadHintParams(rules))}
    </p>
  );
}
