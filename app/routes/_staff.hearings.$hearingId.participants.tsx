import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AttendedText } from "~/components/hearing/hearing-badges";
import { Badge, Card } from "~/components/ui";
import { useT } from "~/i18n/react";
import { getHearingParticipants } from "~/models/hearing.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Participants tab of a hearing: the agencies' representatives by unit, other participants and the
// observers the procuratorate invited. Requests from the public are on the observers tab.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  return getHearingParticipants(procuratorateId, params.hearingId);
}

type Person = Awaited<ReturnType<typeof loader>>["otherParticipants"][number];

function PeopleTable({ people }: { people: Person[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive">
        <thead>
          <tr>
            <th scope="col">{t("hearings.col.unit")}</th>
            <th scope="col">{t("hearings.col.name")}</th>
            <th scope="col">{t("hearings.col.post")}</th>
            <th scope="col">{t("hearings.col.attended")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td data-label={t("hearings.col.unit")}>{p.agency?.name ?? p.organisation}</td>
              <td data-label={t("hearings.col.name")}>{p.name}</td>
              <td data-label={t("hearings.col.post")}>{p.post ?? "—"}</td>
              <td data-label={t("hearings.col.attended")}>
                <AttendedText attended={p.attended} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function HearingParticipants() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <Card title={t("hearings.participants")}>
      <h3>{t("hearings.agencyReps")}</h3>
      {data.agencyRepresentatives.length === 0 ? (
        <p className="muted">{t("hearings.agencyReps.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th scope="col">{t("hearings.col.unit")}</th>
                <th scope="col">{t("hearings.col.representatives")}</th>
              </tr>
            </thead>
            <tbody>
              {data.agencyRepresentatives.map((g) => (
                <tr key={g.unit}>
                  <td data-label={t("hearings.col.unit")}>{g.unit}</td>
                  <td data-label={t("hearings.col.representatives")}>
                    <ul className="rep-list">
                      {g.people.map((p) => (
                        <li key={p.id}>
                          {p.name}
                          {p.post ? <span className="muted"> {p.post}</span> : null}
                          {p.attended === false ? (
                            <>
                              {" "}
                              <Badge tone="warn">{t("hearings.attended.no")}</Badge>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("hearings.otherParticipants")}</h3>
      {data.otherParticipants.length === 0 ? (
        <p className="muted">{t("hearings.otherParticipants.empty")}</p>
      ) : (
        <PeopleTable people={data.otherParticipants} />
      )}
      {data.observers.length ? (
        <>
          <h3>{t("hearings.observers")}</h3>
          <PeopleTable people={data.observers} />
        </>
      ) : null}
    </Card>
  );
}
