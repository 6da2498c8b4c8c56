import { prisma } from "~/db/prisma.server";
import { answerProviderExport, type ExportKind } from "~/domain/payments/provider-exports.server";
import { env } from "~/env.server";
import { headersOf } from "./request-body.server";

/*
 * A provider's signed export as an HTTP answer (docs/payments.md, "Import and export formats"): the CSV as a
 * download, or the refusal as JSON with its status. No cookie session: the signature is the authentication.
 */
export async function providerExportResponse(request: Request, kind: ExportKind): Promise<Response> {
  const answer = await answerProviderExport(prisma, {
    kind,
    headers: headersOf(request),
    query: new URL(request.url).searchParams,
    now: new Date(),
    sealingKey: env().REGISTRY_SEALING_KEY,
  });
  if (answer.status !== 200) {
    const { status, ...body } = answer;
    return Response.json(body, { status });
  }
  return new Response(answer.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${answer.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

export function getOnly(): Response {
  return Response.json({ error: "method-not-allowed" }, { status: 405, headers: { Allow: "GET" } });
}
