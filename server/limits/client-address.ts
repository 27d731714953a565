// Which address a request comes from. X-Forwarded-For is believed only for the proxies we were told
// about (TRUST_PROXY = how many append to it); otherwise anyone could claim any address.

/** Set by server/index.ts on every request it hands to Next.js (any incoming value is replaced). */
export const CLIENT_ADDRESS_HEADER = "x-liveline-client-address";

export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: number,
): string {
  const direct = normalize(remoteAddress ?? "") || "unknown";
  if (trustProxy <= 0 || forwardedFor === undefined) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((hop) => normalize(hop.trim()))
    .filter(Boolean);
  // Each trusted proxy appended the address it saw; the one the nearest untrusted party claims is
  // `trustProxy` from the end. Anything further left was written by the client and proves nothing.
  return hops[hops.length - trustProxy] ?? hops[0] ?? direct;
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client. */
function normalize(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
