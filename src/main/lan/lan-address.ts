import net from 'node:net';

/**
 * Whether a peer address is on the point's own network: loopback, the private IPv4 ranges (RFC 1918), link-local,
 * and IPv6 unique-local / link-local. The pairing listener answers nobody else, so a kiosk whose port is forwarded
 * to the internet by mistake still refuses the world before any code or key is looked at.
 */
export function isLanAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
  if (net.isIPv4(ip)) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (net.isIPv6(ip)) {
    const lower = ip.toLowerCase();
    return lower === '::1' || /^f[cd][0-9a-f]{2}:/.test(lower) || /^fe[89ab][0-9a-f]:/.test(lower);
  }
  return false;
}
