import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { pageTitle, titleIn } from "~/components/case/meta";

const routesDir = path.resolve(import.meta.dirname, "../../../app/routes");

describe("tab titles follow the visitor's language", () => {
  test("no route's meta function holds literal Chinese (it goes through the dictionaries)", () => {
    const offenders = fs
      .readdirSync(routesDir)
      .filter((file) => file.endsWith(".tsx"))
      .filter((file) => {
        const source = fs.readFileSync(path.join(routesDir, file), "utf8");
        const start = source.indexOf("export const meta");
        if (start === -1) return false;
        // The meta function ends at the first blank line after it.
        const end = source.indexOf("\n\n", start);
        const meta = source.slice(start, end === -1 ? undefined : end);
        // The bilingual sign-in page title is the one deliberate exception.
        return file !== "login.tsx" && /[\u4e00-\u9fff]/.test(meta);
      });
    expect(offenders).toEqual([]);
  });

  test("an admin page's title is English for an English visitor", () => {
    const matches = [{ id: "root", data: { locale: "en" } }];
    expect(pageTitle(matches, "nav.admin", undefined, titleIn(matches, "admin.agency.title"))[0]).toEqual({
      title: expect.not.stringMatching(/[\u4e00-\u9fff]/),
    });
    const zh = [{ id: "root", data: { locale: "zh-CN" } }];
    expect(pageTitle(zh, "nav.admin", undefined, titleIn(zh, "admin.agency.title"))[0]).toEqual({ title: expect.stringMatching(/^行政机关 · 系统管理/) });
  });
});
