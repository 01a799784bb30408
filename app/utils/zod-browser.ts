import { z } from "zod";

// zod 4 probes whether it may compile parsers with `new Function`. Under the Content-Security-
// Policy (no 'unsafe-eval', app/utils/security-headers.server.ts) the browser reports that probe
// as a violation even though zod catches it, so in the browser zod parses without compiling.
// app/root.tsx imports this module first, so it runs before any route module of the page.
if (typeof document !== "undefined") z.config({ jitless: true });
