import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { DataTable, type Column } from "~/components/data-table";

export type TerritoryRuleRow = { id: number; street: string; settlement: string; houses: string; covered: number };

/** A school's territory lines for a year: the street, the act's houses, how many houses of the address list they cover. */
export function TerritoryRulesTable({
  rules,
  editTo,
  labelledBy,
}: {
  rules: TerritoryRuleRow[];
  editTo: (id: number) => string;
  /** The heading above the table that names it. */
  labelledBy: string;
}) {
  const { t } = useTranslation("enrollment");
  const cells: Omit<Column<TerritoryRuleRow>, "header">[] = [
    {
      id: "street",
      rowHeader: true,
      className: "font-normal",
      cell: (r) => (
        <>
          {r.street}
          <span className="block text-sm text-muted">{r.settlement}</span>
        </>
      ),
    },
    { id: "houses", cell: (r) => r.houses },
    { id: "covered", numeric: true, cell: (r) => r.covered },
    {
      id: "actions",
      cell: (r) => (
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
      ),
    },
  ];
  const columns = cells.map((column) => ({ ...column, header: t(`adminTerritory.columns.${column.id}`) }));
  return <DataTable labelledBy={labelledBy} columns={columns} rows={rules} rowKey={(r) => r.id} className="mt-3" />;
}
