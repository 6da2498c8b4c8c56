import { BlockList, isIP } from "node:net";
import { createContext, type RouterContextProvider } from "react-router";

/*
 * Who is at the other end of the connection: the TCP peer's address, from the socket. X-Forwarded-For
 * is written by whoever sends the request, so it counts only when the peer is one of the configured
 * trusted proxies (TRUSTED_PROXIES): then the hops they appended are walked from the right, past
 * every trusted proxy, to the first address that is not one. Sign-in throttling, mail limits and
 * the address kept with a personal-data consent (152-ФЗ) all read it.
 *
 * The HTTP server sets it on the context of every request. The server build bundles its own copy of
 * this module, so the server takes the context object from the build (entry.server re-exports it),
 * never from its own import — otherwise the routes would read a different key and see "unknown"
 * (docs/security.md §2).
 */
export const clientAddressContext = createContext<string>("unknown");

export function clientAddress(context: Readonly<RouterContextProvider>): string {
  return context.get(clientAddressContext);
}

/** ::ffff:192.0.2.1 (an IPv4 peer on a dual-stack socket) is 192.0.2.1. */
function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** TRUSTED_PROXIES: addresses and CIDR ranges, comma-separated ("10.0.0.5, 172.16.0.0/12, ::1"). */
export function parseTrustedProxies(value: string | undefined): BlockList | null {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    if (family === 0) throw new Error(`not an IP address or range: ${entry}`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
        throw new Error(`not an IP address or range: ${entry}`);
      }
      list.addSubnet(address, bits, type);
    }
  }
  return list;
}

const trusts = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
};

export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: BlockList | null,
): string {
  let address = socketAddress ? normalizeAddress(socketAddress) : "unknown";
  if (!trustedProxies || !forwardedFor) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((hop) => normalizeAddress(hop.trim()));
  while (trusts(trustedProxies, address) && hops.length > 0) {
    const hop = hops.pop()!;
    if (isIP(hop) === 0) break;
    address = hop;
  }
  return address;
}
