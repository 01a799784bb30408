import { describe, expect, test } from "vitest";
import { callAction, callLoader, cookieFor, request } from "#tests/factories";
import { action, loader } from "~/routes/_staff.admin.audit";

// The admin page of the audit log: the head and anchors on load, verification and anchoring on request.
describe("/admin/audit", () => {
  test("an administrator writes an anchor, then verifies the chain against it", async () => {
    const cookie = await cookieFor("admin");
    const before = await callLoader(loader, request("/admin/audit", { cookie }));
    expect(before.status).toBe(200);
    const head = (before as { data: { head: { seq: number; hash: string } } }).data.head;

    const anchored = await callAction(action, request("/admin/audit", { cookie, form: { intent: "anchor" } }));
    expect(anchored).toMatchObject({ status: 200, data: { intent: "anchor", anchor: { seq: head.seq, hash: head.hash } } });

    const after = await callLoader(loader, request("/admin/audit", { cookie }));
    expect((after as { data: { anchors: { seq: number }[] } }).data.anchors[0]).toMatchObject({ seq: head.seq });

    const verified = await callAction(action, request("/admin/audit", { cookie, form: { intent: "verify" } }));
    expect(verified).toMatchObject({ status: 200, data: { intent: "verify", result: { ok: true } } });
    expect((verified as { data: { result: { anchorsChecked: number } } }).data.result.anchorsChecked).toBeGreaterThanOrEqual(1);
  });

  test("refuses an unknown intent (400), a prosecutor (403) and anonymous visitors (login)", async () => {
    const admin = await cookieFor("admin");
    expect((await callAction(action, request("/admin/audit", { cookie: admin, form: { intent: "delete" } }))).status).toBe(400);
    const prosecutor = await cookieFor("prosecutor");
    expect((await callAction(action, request("/admin/audit", { cookie: prosecutor, form: { intent: "anchor" } }))).status).toBe(403);
    expect((await callLoader(loader, request("/admin/audit", { cookie: prosecutor }))).status).toBe(403);
    const anonymous = await callLoader(loader, request("/admin/audit"));
    expect(anonymous.status).toBe(302);
  });
});
