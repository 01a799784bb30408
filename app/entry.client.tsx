import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { z } from "zod";

// Remix's default browser entry, plus one setting: zod 4 probes whether it may compile parsers
// with `new Function`; under the Content-Security-Policy (no 'unsafe-eval') that probe is
// reported as a violation even though zod catches it. Parse without compiling in the browser.
z.config({ jitless: true });

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
