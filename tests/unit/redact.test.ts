import { expect, test } from "vitest";
import { redactPublicText } from "~/domain/privacy/redact";

// Redaction before any public notice (DOMAIN.md §5).

test("names of the people the record knows are masked, longest first", () => {
  const text = "听证参加人：县市场监管局代表张建国、欧阳娜娜；举报人欧阳娜。";
  expect(redactPublicText(text, { names: ["张建国", "欧阳娜", "欧阳娜娜"] })).toBe(
    "听证参加人：县市场监管局代表张**、欧***；举报人欧**。",
  );
});

test("mobile and ID numbers are masked; the unit's contact numbers stay", () => {
  const text = "联系人电话 13812345678，身份证 430621199001011234；咨询电话 0735-4421234 或 13900000001。";
  expect(redactPublicText(text, { names: [], keepPhones: ["13900000001"] })).toBe(
    "联系人电话 138****5678，身份证 4306**********1234；咨询电话 0735-4421234 或 13900000001。",
  );
});

test("one-character names and empty terms change nothing", () => {
  expect(redactPublicText("王局长出席", { names: ["王", " "] })).toBe("王局长出席");
});
