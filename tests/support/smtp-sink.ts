import { SMTPServer } from "smtp-server";

/*
 * A real SMTP server for tests: the portal sends through nodemailer over TCP exactly as it would to
 * a mail relay, and the test reads what arrived.
 */
export type ReceivedMail = { to: string[]; raw: string; subject: string; text: string };

export async function startSmtpSink(
  port: number,
  onMail: (mail: ReceivedMail) => void,
  /** Called for each SMTP connection the portal opens. */
  onConnect: () => void = () => {},
): Promise<() => Promise<void>> {
  const server = new SMTPServer({
    onConnect(_session, callback) {
      onConnect();
      callback();
    },
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The portal keeps its SMTP connections open between mails (app/platform/mail.server.ts): at the
    // end of a test the sink tells them it is shutting down instead of waiting half a minute for them.
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        onMail({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: decodeHeader(/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? ""),
          text: decodeBody(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Enough MIME for the portal's own plain-text mails: encoded-word subjects, quoted-printable or base64 bodies. */
function decodeHeader(value: string): string {
  return value
    .replace(/\r?\n[ \t]/g, "")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function decodeBody(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body, "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const clean = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < clean.length; i++) {
    if (clean[i] === "=" && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
      bytes.push(parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(clean[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
