import { createContext, type RouterContextProvider } from "react-router";

/*
 * The address of the TCP peer, from the socket — not from X-Forwarded-For, which any client can
 * write. Rate limits are keyed on it. (Behind a reverse proxy this becomes the proxy's address;
 * a trusted-proxy setting would be the place to change that.)
 */
export const clientAddressContext = createContext<string>("unknown");

export function clientAddress(context: Readonly<RouterContextProvider>): string {
  return context.get(clientAddressContext);
}
