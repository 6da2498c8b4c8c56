import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { ACCOUNT_CONSENT } from "./consent";
import { hashPassword } from "./password-hash.server";
import type { Role } from "./roles";

/*
 * Creating accounts directly, for the demo seed and for administration: confirmed address, a
 * password identity and the given roles. Idempotent by e-mail.
 */
export type AccountInput = {
  email: string;
  /** Without one the person sets it through an invitation link. */
  password?: string;
  language?: "ru" | "en";
  /** Demo mode: the browser mailbox that creates the account and is shown its mail. */
  demoMailboxId?: string | null;
  roles: { role: Role; departmentCode?: string; schoolCode?: string }[];
};

export async function saveConfirmedAccount(db: PrismaClient, input: AccountInput): Promise<string> {
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing) return existing.id;
  const userId = randomUUID();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const departments = await db.department.findMany({
    where: { code: { in: input.roles.flatMap((r) => (r.departmentCode ? [r.departmentCode] : [])) } },
  });
  const departmentId = (code?: string) => {
    if (!code) return null;
    const department = departments.find((d) => d.code === code);
    if (!department) throw new Error(`unknown department ${code}`);
    return department.id;
  };
  await db.$transaction([
    db.user.create({
      data: {
        id: userId,
        email: input.email,
        language: input.language ?? "ru",
        emailVerifiedAt: new Date(),
        demoMailboxId: input.demoMailboxId ?? null,
      },
    }),
    db.identity.create({ data: { userId, provider: "password", subject: input.email, passwordHash } }),
    db.consent.create({
      data: { userId, purpose: ACCOUNT_CONSENT.purpose, textVersion: ACCOUNT_CONSENT.textVersion, ip: "seed" },
    }),
    ...input.roles.map((r) =>
      db.roleAssignment.create({
        data: { userId, role: r.role, departmentId: departmentId(r.departmentCode), schoolCode: r.schoolCode ?? null },
      }),
    ),
  ]);
  return userId;
}
