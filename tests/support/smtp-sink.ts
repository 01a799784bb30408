import { SMTPServer } from "smtp-server";

// A local SMTP server for the tests of the e-mail outbox (issue 11 §7: "tests deliver to a local
// SMTP sink started by the test"): it keeps each message and each login, can refuse the next
// recipient, and can require one password.

export type SmtpSink = {
  port: number;
  received: { to: string; body: string }[];
  logins: { user: string; pass: string }[];
  /** Refuse recipients (a mailbox unavailable) while true. */
  failNext: boolean;
  close(): Promise<void>;
};

export async function startSmtpSink(options: { password?: string } = {}): Promise<SmtpSink> {
  const sink: Omit<SmtpSink, "port" | "close"> = { received: [], logins: [], failNext: false };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, cb) {
      sink.logins.push({ user: auth.username ?? "", pass: auth.password ?? "" });
      if (options.password !== undefined && auth.password !== options.password) return cb(new Error("bad password"));
      cb(null, { user: auth.username });
    },
    onRcptTo(_address, _session, cb) {
      if (sink.failNext) return cb(new Error("mailbox unavailable"));
      cb();
    },
    onData(stream, session, cb) {
      let body = "";
      stream.on("data", (c: Buffer) => (body += c.toString("utf8")));
      stream.on("end", () => {
        sink.received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return Object.assign(sink, { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}
