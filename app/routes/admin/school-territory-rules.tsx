import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";

export type TerritoryRuleRow = { id: number; street: string; settlement: string; houses: string; covered: number };

/** A school's territory lines for a year: the street, the act's houses, how many houses of the address list they cover. */
export function TerritoryRulesTable({ rules, editTo }: { rules: TerritoryRuleRow[]; editTo: (id: number) => string }) {
  const { t } = useTranslation("enrollment");
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b-2 border-slate-400">
            {(["street", "houses", "covered", "actions"] as const).map((c) => (
              <th key={c} scope="col" className={`py-2 pr-4 ${c === "covered" ? "text-right" : ""}`}>
                {t(`adminTerritory.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-4 font-normal">
                {r.street}
                <span className="block text-sm text-muted">{r.settlement}</span>
              </th>
              <td className="py-2 pr-4">{r.houses}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{r.covered}</td>
              <td className="py-2">
                <div className="flex flex-wrap items-center gap-3">
                  <Link to={editTo(r.id)} className="text-brand-700 underline">
                    {t("adminTerritory.edit")}
                    <span className="sr-only">
                      : {r.street}, {r.houses}
                    </span>
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="ruleId" value={r.id} />
                    <button type="submit" className="text-red-800 underline">
                      {t("adminTerritory.delete")}
                      <span className="sr-only">
                        : {r.street}, {r.houses}
                      </span>
                    </button>
                  </Form>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
