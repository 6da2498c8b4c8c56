import { useTranslation } from "react-i18next";
import { useValidationText } from "~/components/form-field";
import { validationMessage } from "~/domain/forms/validation-message";

/** Someone else changed the application first: said so, with what this officer typed kept to copy. */
export function ConflictNotice({ typed }: { typed: string }) {
  const { t } = useTranslation("office");
  const text = useValidationText();
  return (
    <div role="alert" className="mt-6 rounded-md border-4 border-red-700 bg-white p-4" data-testid="conflict">
      <p className="font-bold">{text(validationMessage("office.conflict"))}</p>
      {typed && (
        <div className="mt-3 space-y-1">
          <label htmlFor="conflict-typed" className="block font-semibold">
            {t("application.yourText")}
          </label>
          <textarea
            id="conflict-typed"
            readOnly
            rows={3}
            defaultValue={typed}
            className="block w-full rounded-md border border-slate-500 bg-slate-50 px-3 py-2"
          />
        </div>
      )}
    </div>
  );
}
