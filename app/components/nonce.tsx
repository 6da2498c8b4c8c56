import { createContext, useContext } from "react";

/** The per-response CSP nonce, so inline scripts React Router writes are allowed. */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
