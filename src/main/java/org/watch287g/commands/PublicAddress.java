package org.watch287g.commands;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is on the public internet: the only addresses a webhook may post to, so that a
 * webhook cannot become a way into the network the bot runs in (its loopback, the operator's LAN, a
 * cloud's metadata service at 169.254.169.254).
 *
 * <p>Refused, for IPv4: this network (0/8), private (10/8, 172.16/12, 192.168/16), shared CGNAT
 * (100.64/10), loopback (127/8), link-local (169.254/16), IETF protocol assignments (192.0.0/24),
 * documentation (192.0.2/24, 198.51.100/24, 203.0.113/24), benchmarking (198.18/15), multicast and
 * reserved (224/3, with broadcast). For IPv6: unspecified and loopback, unique-local (fc00::/7),
 * link- and site-local (fe80::/10, fec0::/10), multicast (ff00::/8), documentation (2001:db8::/32),
 * discard (100::/64), Teredo (2001::/32); and any form that carries an IPv4 address inside (mapped,
 * compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) when that address is refused.
 */
public final class PublicAddress {
  private PublicAddress() {}

  /** Whether a webhook may post to this address. */
  public static boolean isPublic(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      return isPublicV6(b);
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return !(a0 == 0
        || a0 == 10
        || a0 == 127
        || (a0 == 100 && a1 >= 64 && a1 <= 127)
        || (a0 == 169 && a1 == 254)
        || (a0 == 172 && a1 >= 16 && a1 <= 31)
        || (a0 == 192 && a1 == 0 && a2 == 0)
        || (a0 == 192 && a1 == 0 && a2 == 2)
        || (a0 == 192 && a1 == 168)
        || (a0 == 198 && (a1 == 18 || a1 == 19))
        || (a0 == 198 && a1 == 51 && a2 == 100)
        || (a0 == 203 && a1 == 0 && a2 == 113)
        || a0 >= 224);
  }

  private static boolean isPublicV6(byte[] b) {
    int w0 = word(b, 0);
    int w1 = word(b, 1);
    if (allZero(b, 0, 10)) {
      // ::, ::1, ::a.b.c.d (compatible) and ::ffff:a.b.c.d (mapped): the IPv4 inside decides.
      int w5 = word(b, 5);
      if (w5 == 0xffff || (w5 == 0 && !allZero(b, 12, 16) && !isLoopbackV6(b))) {
        return isPublicV4(tail(b, 12));
      }
      return false;
    }
    if (w0 == 0x64 && w1 == 0xff9b && allZero(b, 4, 12)) {
      return isPublicV4(tail(b, 12));
    }
    if (w0 == 0x2002) {
      return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]});
    }
    return !((w0 & 0xfe00) == 0xfc00
        || (w0 & 0xffc0) == 0xfe80
        || (w0 & 0xffc0) == 0xfec0
        || (w0 & 0xff00) == 0xff00
        || (w0 == 0x2001 && w1 == 0x0db8)
        || (w0 == 0x2001 && w1 == 0)
        || (w0 == 0x0100 && allZero(b, 2, 8)));
  }

  private static boolean isLoopbackV6(byte[] b) {
    return allZero(b, 0, 15) && b[15] == 1;
  }

  private static int word(byte[] b, int index) {
    return ((b[2 * index] & 0xff) << 8) | (b[2 * index + 1] & 0xff);
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] tail(byte[] b, int from) {
    byte[] v4 = new byte[b.length - from];
    System.arraycopy(b, from, v4, 0, v4.length);
    return v4;
  }
}
