// The deadline engine: pure functions of (rule, trigger date, calendar) in Asia/Shanghai.
export * from "~/domain/deadlines/calendar";
export * from "~/domain/deadlines/compute";
export * from "~/domain/deadlines/dates";
export * from "~/domain/deadlines/explain";
export * from "~/domain/deadlines/rules";
export * from "~/domain/deadlines/live";
export * from "~/domain/deadlines/agency-reply";
