import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the response being rendered (app/entry.server.tsx makes a
 * fresh one per request and provides it here). The root layout gives it to Remix's inline
 * scripts. In the browser there is none: the nonce attribute is only read when the server's HTML
 * is parsed, and Remix marks those scripts suppressHydrationWarning.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
