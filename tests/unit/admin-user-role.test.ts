import { describe, expect, it } from "vitest";
import { shownRole } from "~/components/admin/user-role";
import { zhCN } from "~/i18n/zh-CN";

const roleLabel = (role: string) => zhCN[`role.${role}` as keyof typeof zhCN];

describe("the role shown in the admin user list", () => {
  it("shows the post of prosecutor-role staff, so 检察官助理 and 书记员 are not listed as 检察官", () => {
    expect(shownRole({ role: "prosecutor", post: "检察官助理" }, roleLabel)).toBe("检察官助理");
    expect(shownRole({ role: "prosecutor", post: "书记员" }, roleLabel)).toBe("书记员");
    expect(shownRole({ role: "prosecutor", post: "检察官" }, roleLabel)).toBe("检察官");
  });

  it("falls back to the role's label without a post, and for other roles", () => {
    expect(shownRole({ role: "prosecutor", post: null }, roleLabel)).toBe("检察官");
    expect(shownRole({ role: "prosecutor", post: "  " }, roleLabel)).toBe("检察官");
    expect(shownRole({ role: "panelist", post: "听证员" }, roleLabel)).toBe(zhCN["role.panelist"]);
    expect(shownRole({ role: "approver", post: "检察长" }, roleLabel)).toBe(zhCN["role.approver"]);
  });
});
