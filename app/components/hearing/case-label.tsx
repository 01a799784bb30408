import { Link } from "@remix-run/react";

/** A case on the hearing page: its register number linking to the case, with the title beside it. */
export function CaseLabel({ c }: { c: { id: string; number: string | null; title: string } }) {
  return (
    <span>
      <Link to={`/cases/${c.id}`}>{c.number ?? c.title}</Link>
      {c.number ? <span className="muted small"> {c.title}</span> : null}
    </span>
  );
}
