import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isRouteErrorResponse } from "react-router";
import { describe, expect, it } from "vitest";
import { MAX_FORM_FIELDS, readFormData } from "./form-data.server";

const post = (body: BodyInit | null, contentType?: string) =>
  new Request("http://portal.test/login", {
    method: "POST",
    body,
    headers: contentType ? { "Content-Type": contentType } : {},
  });

async function statusOf(request: Request): Promise<number | "ok"> {
  try {
    await readFormData(request);
    return "ok";
  } catch (error) {
    // A thrown `data()` reaches the route's error boundary as a route error response.
    const status = (error as { init?: { status?: number } }).init?.status;
    if (typeof status === "number") return status;
    if (isRouteErrorResponse(error)) return error.status;
    throw error;
  }
}

const multipart = (boundary: string, parts: string) => post(parts, `multipart/form-data; boundary=${boundary}`);
const deep = (n: number, step: string) => "a" + step.repeat(n);

describe("readFormData", () => {
  it("reads urlencoded and multipart forms", async () => {
    const form = await readFormData(post("email=a%40b.ru&password=x", "application/x-www-form-urlencoded"));
    expect(form.get("email")).toBe("a@b.ru");
    const body = new FormData();
    body.set("lng", "en");
    body.set("file", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "a.pdf");
    const parsed = await readFormData(new Request("http://portal.test/x", { method: "POST", body }));
    expect(parsed.get("lng")).toBe("en");
    expect(parsed.get("file")).toBeInstanceOf(File);
  });

  it.each([
    ["JSON", post('{"email":"a@b.ru"}', "application/json"), 415],
    ["text/plain", post("email=a@b.ru", "text/plain"), 415],
    ["no content type", post(null), 415],
    ["multipart without a boundary", post("x", "multipart/form-data"), 400],
    ["multipart with an empty boundary", post("x", "multipart/form-data; boundary="), 400],
    ["multipart with a 71-character boundary", post("x", `multipart/form-data; boundary=${"b".repeat(71)}`), 400],
    [
      "multipart whose boundary does not match",
      multipart("AAA", '--BBB\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--BBB--\r\n'),
      400,
    ],
    [
      "multipart cut off inside a part",
      multipart("AAA", '--AAA\r\nContent-Disposition: form-data; name="a"\r\n\r\n1'),
      400,
    ],
    ["multipart with garbage", multipart("AAA", "\u0000\u0001garbage"), 400],
    [
      `${MAX_FORM_FIELDS + 1} fields`,
      post(
        Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => `f${i}=x`).join("&"),
        "application/x-www-form-urlencoded",
      ),
      413,
    ],
    [
      "a field name of 5,000 [0]",
      post(`${encodeURIComponent(deep(5000, "[0]"))}=x`, "application/x-www-form-urlencoded"),
      400,
    ],
    ["a field name of 5,000 .b", post(`${deep(5000, ".b")}=x`, "application/x-www-form-urlencoded"), 400],
    ["a field name of 1,000 characters", post(`${"n".repeat(1000)}=x`, "application/x-www-form-urlencoded"), 400],
  ])("refuses %s", async (_label, request, status) => {
    expect(await statusOf(request)).toBe(status);
  });

  it("refuses a name repeated 5,000 times with ever deeper suffixes before Conform walks it", async () => {
    const body = Array.from({ length: 5000 }, (_, i) => `${encodeURIComponent(deep(i, "[0]"))}=x`).join("&");
    expect(await statusOf(post(body, "application/x-www-form-urlencoded"))).toBe(400);
    const fewer = Array.from({ length: 20 }, (_, i) => `${deep(i, ".b")}=x`).join("&");
    expect(await statusOf(post(fewer, "application/x-www-form-urlencoded"))).toBe(400);
  });
});

describe("the routes", () => {
  it("read every form through readFormData", () => {
    const direct: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && readFileSync(full, "utf8").includes(".formData()")) direct.push(full);
      }
    };
    walk(path.resolve("app/routes"));
    expect(direct).toEqual([]);
  });
});
