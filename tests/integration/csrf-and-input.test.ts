import { beforeAll, describe, expect, test } from "vitest";
import { callAction, cookieForUserId, createProcuratorate, createUser, request } from "#tests/factories";
import { handleDataRequest } from "~/entry.server";
import { action as logoutAction } from "~/routes/logout";
import { action as agenciesAction } from "~/routes/_staff.admin.agencies";
import { prisma } from "~/utils/db.server";
import { REFUSED_ORIGIN_HEADER } from "~/utils/form.server";

// Cross-site writes (CSRF) are refused with 403 before a form is read, and a form value with
// control characters or invalid UTF-8 is refused with 400; neither writes anything.

let procuratorateId: string;
let cookie: string;
let adminId: string;

beforeAll(async () => {
  procuratorateId = (await createProcuratorate({ name: "跨站测试县人民检察院", shortName: "跨" })).id;
  const admin = await createUser({ role: "admin", procuratorateId });
  adminId = admin.id;
  cookie = await cookieForUserId(admin.id);
});

const agencies = () => prisma.agency.count({ where: { procuratorateId } });

/** A signed-in agency create with exactly these provenance headers (no default Origin). */
function createAgency(name: string, headers: Record<string, string>, body?: BodyInit, type?: string) {
  const h = new Headers(headers);
  h.set("Cookie", cookie);
  let payload: BodyInit;
  if (body === undefined) {
    const form = new FormData();
    form.set("intent", "save");
    form.set("name", name);
    payload = form;
  } else {
    payload = body;
    h.set("Content-Type", type ?? "application/x-www-form-urlencoded");
  }
  return callAction(agenciesAction, new Request("http://localhost/admin/agencies", { method: "POST", headers: h, body: payload }));
}

describe("cross-site writes", () => {
  test.each([
    ["a foreign Origin", { Origin: "https://evil.example" }],
    ["an Origin on another scheme", { Origin: "https://localhost" }],
    ["an Origin on another port", { Origin: "http://localhost:4000" }],
    ["an opaque Origin (null)", { Origin: "null" }],
    ["neither Origin nor Referer", {}],
    ["a foreign Referer without Origin", { Referer: "https://evil.example/page" }],
    ["Sec-Fetch-Site cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site same-site (a sibling subdomain)", { "Sec-Fetch-Site": "same-site", Origin: "http://localhost" }],
    ["the server's refused-Origin marker", { [REFUSED_ORIGIN_HEADER]: "https://evil.example" }],
  ])("%s is refused with 403 and writes nothing", async (_label, headers) => {
    const before = await agencies();
    const result = await createAgency("跨站县水利局", headers);
    expect(result.status).toBe(403);
    expect(await agencies()).toBe(before);
  });

  test.each([
    ["the same Origin", { Origin: "http://localhost" }, "同源县水利局"],
    ["a same-origin Referer without Origin", { Referer: "http://localhost/admin/agencies" }, "同源县交通局"],
    ["Sec-Fetch-Site same-origin without Origin", { "Sec-Fetch-Site": "same-origin" }, "同源县林业局"],
  ])("%s proceeds", async (_label, headers, name) => {
    const result = await createAgency(name, headers);
    expect(result.status).toBe(302);
    expect(await prisma.agency.count({ where: { procuratorateId, name } })).toBe(1);
  });

  test("signing out from another site is refused; from this site it proceeds", async () => {
    const session = await cookieForUserId(adminId);
    const foreign = new Request("http://localhost/logout", { method: "POST", headers: { Cookie: session, Origin: "https://evil.example" } });
    expect((await callAction(logoutAction, foreign)).status).toBe(403);
    const own = request("/logout", { method: "POST", cookie: session });
    const result = await callAction(logoutAction, own);
    expect(result.kind === "response" && result.location).toBe("/login");
  });
});

describe("form text", () => {
  const origin = { Origin: "http://localhost" };

  test.each([
    ["a NUL", "\0"],
    ["a NUL inside a name", "县水\0利局"],
    ["an escape character", "县\u001b[31m局"],
    ["DEL", "县\u007f局"],
    ["a lone surrogate", "县\uD800局"],
    ["a replacement character", "县\uFFFD局"],
  ])("%s in a form value answers 400 and writes nothing", async (_label, name) => {
    const before = await agencies();
    expect((await createAgency(name, origin)).status).toBe(400);
    expect(await agencies()).toBe(before);
  });

  test("a percent-escaped invalid UTF-8 byte answers 400", async () => {
    const before = await agencies();
    expect((await createAgency("", origin, "intent=save&name=%E5%8E%BF%FF")).status).toBe(400);
    expect(await agencies()).toBe(before);
  });

  test("a raw invalid UTF-8 byte in a urlencoded body answers 400", async () => {
    const body = new Uint8Array([...new TextEncoder().encode("intent=save&name=x"), 0xff]);
    expect((await createAgency("", origin, body)).status).toBe(400);
  });

  test("an invalid UTF-8 byte in a multipart field answers 400", async () => {
    const head = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsave\r\n--b\r\nContent-Disposition: form-data; name="name"\r\n\r\n');
    const tail = new TextEncoder().encode("\r\n--b--\r\n");
    const body = new Uint8Array([...head, 0xc3, 0x28, ...tail]);
    expect((await createAgency("", origin, body, "multipart/form-data; boundary=b")).status).toBe(400);
  });

  test("tabs, line breaks and Chinese text pass", async () => {
    const result = await createAgency("换行\t县\r\n水务局", origin);
    expect(result.status).not.toBe(400);
    expect(result.status).toBe(302);
  });
});

describe("response headers", () => {
  test(".data responses get the page security headers and no-store", async () => {
    const response = await handleDataRequest(new Response("{}"), {
      request: new Request("http://localhost/cases.data"),
      params: {},
      context: {},
    });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
    // No nonce: a .data response runs nothing, and nobody frames it.
    expect(response.headers.get("Content-Security-Policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });
});
