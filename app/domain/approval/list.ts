// Bounds of the approvals page (/approvals): shared by the model and the page.

/** The queue shows its oldest requests up to this many (with a bounded count of the rest). */
export const APPROVAL_QUEUE_MAX = 100;
/** The history pages through its latest decisions up to this many (40 pages): OFFSET stays bounded. */
export const APPROVAL_HISTORY_MAX = 1000;
