// Bounds of "my work" (/work), shared by the model and the page.

/** The /work tiles count up to this and then read "99+", like the navigation badge. */
export const WORK_COUNT_CAP = 99;
