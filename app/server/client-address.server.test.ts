import { describe, expect, it } from "vitest";
import { clientAddressOf, parseTrustedProxies } from "./client-address.server";

describe("the client's address", () => {
  const proxies = parseTrustedProxies("10.0.0.5, 172.16.0.0/12, ::1");

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("203.0.113.7", "198.51.100.1", null)).toBe("203.0.113.7");
    expect(clientAddressOf("::ffff:203.0.113.7", undefined, null)).toBe("203.0.113.7");
    expect(clientAddressOf(undefined, undefined, null)).toBe("unknown");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddressOf("203.0.113.7", "198.51.100.1", proxies)).toBe("203.0.113.7");
  });

  it("walks the hops a trusted proxy appended, past every trusted one, to the first untrusted", () => {
    expect(clientAddressOf("10.0.0.5", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddressOf("::ffff:10.0.0.5", "198.51.100.1, 172.20.1.1", proxies)).toBe("198.51.100.1");
    // A client cannot put itself further left: the rightmost untrusted hop is the one that connected.
    expect(clientAddressOf("10.0.0.5", "1.2.3.4, 198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddressOf("::1", ["198.51.100.9"], proxies)).toBe("198.51.100.9");
  });

  it("stops at a hop that is not an address", () => {
    expect(clientAddressOf("10.0.0.5", "<script>, 172.20.1.1", proxies)).toBe("172.20.1.1");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/not an IP/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/not an IP/);
    expect(parseTrustedProxies(" ")).toBeNull();
  });
});
