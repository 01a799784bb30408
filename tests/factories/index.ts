export * from "#tests/factories/routes";
export * from "#tests/factories/session";
export * from "#tests/factories/users";
export * from "#tests/factories/cases";
