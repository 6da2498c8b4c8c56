import { availableParallelism } from "node:os";
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "~/db/sqlite-adapter.server";
import { parseTrustedProxies } from "~/server/client-address.server";

/*
 * The portal's configuration, read once at start-up. A wrong value stops the process with a
 * readable message instead of failing later on a request.
 */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Server processes behind the port (app/start.ts); by default one per core, at most 4. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(32).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^file:.+/, "must be a SQLite file URL such as file:./prisma/data/portal.db")
      .default(DEFAULT_DATABASE_URL),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Write logs to this file instead of standard output. */
    LOG_FILE: z.string().min(1).optional(),
    /** Seed the demo catalogue when the database is empty (npm start). */
    SEED_DEMO_DATA: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
    /** Where residents reach the portal; links in e-mails start with it. Default http://localhost:PORT. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example:587. Without it, mail
     * stays in the portal's own demo mailbox at /dev/mailbox. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default("Госуслуги Пензенской области <no-reply@gosuslugi.localhost>"),
    /** Registration and reset mails one client address may ask for in an hour. */
    MAILS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(10),
    /** Cookies marked Secure (HTTPS only); on by default in production. */
    SECURE_COOKIES: z.enum(["true", "false"]).optional(),
    /** Reverse proxies whose X-Forwarded-For is believed: addresses and CIDR ranges, comma-separated. */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .refine(
        (value) => {
          try {
            parseTrustedProxies(value);
            return true;
          } catch {
            return false;
          }
        },
        { message: "must be IP addresses or CIDR ranges separated by commas, e.g. 10.0.0.5,172.16.0.0/12" },
      ),
    /** Requests one server process works on at once; the others wait their turn (admission.server.ts). */
    REQUESTS_AT_ONCE: z.coerce.number().int().min(1).max(1_000).default(8),
    /** How long an anonymous page without client code is answered from memory (page-cache.server.ts); 0 turns it off. */
    PAGE_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    /** Without SMTP_URL a portal on a public address runs only as a declared demo (DEMO_MODE=true). */
    DEMO_MODE: z.enum(["true", "false"]).optional(),
    /** The acquirer of utility payments (docs/payments.md). Unset: `npm start` runs the demo acquirer
     * (app/acquirer) on ACQUIRER_PORT, default PORT + 5. */
    ACQUIRER_URL: z.url({ protocol: /^https?$/ }).optional(),
    ACQUIRER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    ACQUIRER_API_KEY: z.string().min(8).default("demo-acquirer-api-key"),
    ACQUIRER_NOTIFICATION_SECRET: z.string().min(8).default("demo-acquirer-notification-secret"),
    /** The Bank of Russia key rate applied to penalties on late utility bills, percent. */
    PENALTY_KEY_RATE: z.coerce.number().min(0).max(100).default(9.5),
    /** Seals the registry sources' signing secrets in the database (docs/proactive.md); set your own in production. */
    REGISTRY_SEALING_KEY: z.string().min(16).default("penza-demo-registry-sealing-key"),
  })
  .superRefine((config, context) => {
    // Production without a mail server: on this machine (localhost) it is the two-command demo; on any
    // other address it must be declared a demo, so nobody runs a public portal that mails nothing by
    // accident. Either way the mail is shown only in the browser that created the account.
    const host = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).hostname : "localhost";
    const local = host === "localhost" || host === "127.0.0.1" || host === "[::1]";
    if (!config.SMTP_URL && !local && config.DEMO_MODE !== "true") {
      context.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: `a portal at ${config.PUBLIC_URL} needs an SMTP server for its mail; set SMTP_URL, or DEMO_MODE=true to run it as a labelled demo`,
      });
    }
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

export function publicUrl(config: Env = env()): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
}

/** Where the portal reaches the acquirer, and where the embedded demo one listens when none is configured. */
export function acquirerSettings(config: Env = env()) {
  const port = config.ACQUIRER_PORT ?? config.PORT + 5;
  const own = new URL(publicUrl(config));
  return {
    embedded: !config.ACQUIRER_URL,
    port,
    url: (config.ACQUIRER_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, ""),
    /** The demo acquirer's pages, on the host the payer's browser knows the portal by. */
    publicUrl: `${own.protocol}//${own.hostname}:${port}`,
    /** Where the pay form's redirect leads (the page's origin is allowed in the pages' form-action). */
    pageOrigin: config.ACQUIRER_URL ? new URL(config.ACQUIRER_URL).origin : `${own.protocol}//${own.hostname}:${port}`,
    apiKey: config.ACQUIRER_API_KEY,
    notificationSecret: config.ACQUIRER_NOTIFICATION_SECRET,
  };
}

export function serverProcesses(config: Env = env()): number {
  return config.WEB_CONCURRENCY ?? Math.min(availableParallelism(), 4);
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
