import { createCookie } from "react-router";
import { secureCookies } from "~/env.server";

/** «Версия для слабовидящих», remembered for a year. */
const visionCookie = createCookie("vision", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  secure: secureCookies(),
});

export async function readVisionPreference(request: Request): Promise<boolean> {
  return (await visionCookie.parse(request.headers.get("Cookie"))) === "high";
}

export async function serializeVisionPreference(high: boolean): Promise<string> {
  return visionCookie.serialize(high ? "high" : "standard");
}
