import { z } from "zod";
import { LifeEventSchema } from "~/domain/proactive/life-events";

/** The published contract of POST /api/registry/events, as JSON Schema (docs/proactive.md, "Intake"). */
const schema = z.toJSONSchema(LifeEventSchema, { io: "input", unrepresentable: "any" });

export function loader() {
  return Response.json(schema);
}
