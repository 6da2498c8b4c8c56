import type { PrismaClient } from "~/generated/prisma/client";
import { pick, type Language } from "~/domain/i18n/localized";

/** Departments as choices for forms, in the reader's language. */
export async function departmentChoices(db: PrismaClient, language: Language) {
  const departments = await db.department.findMany({ orderBy: { code: "asc" } });
  return departments.map((d) => ({ value: d.code, label: pick({ ru: d.nameRu, en: d.nameEn }, language) }));
}
