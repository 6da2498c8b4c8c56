import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "~/db/sqlite-adapter.server";

/*
 * The portal's configuration, read once at start-up. A wrong value stops the process with a
 * readable message instead of failing later on a request.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "must be a SQLite file URL such as file:./prisma/data/portal.db")
    .default(DEFAULT_DATABASE_URL),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seed the demo catalogue when the database is empty (npm start). */
  SEED_DEMO_DATA: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** Cookies marked Secure (HTTPS only); on by default in production. */
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function secureCookies(config: Env = env()): boolean {
  return config.SECURE_COOKIES ? config.SECURE_COOKIES === "true" : config.NODE_ENV === "production";
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
