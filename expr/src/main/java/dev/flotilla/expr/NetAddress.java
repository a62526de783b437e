package dev.flotilla.expr;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address without a zone, the value of Kubernetes' CEL type {@code net.IP}. It
 * parses and prints as Go's {@code net/netip} does ({@code ParseAddr}, {@code Addr.String}), with
 * the same error texts, so that messages match Kubernetes'. The parser never resolves names.
 */
final class NetAddress {
  private final byte[] bytes;

  private NetAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Thrown by {@link #parse}; its message is Go's {@code parseAddrError} text. */
  static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message, null, false, false);
    }
  }

  /** 4 or 16 bytes. */
  static NetAddress of(byte[] bytes) {
    if (bytes.length != 4 && bytes.length != 16) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes");
    }
    return new NetAddress(bytes.clone());
  }

  /**
   * Parses as Go's {@code netip.ParseAddr}; a zone ({@code fe80::1%eth0}) is parsed and reported by
   * {@link Parsed#zone()} for the caller to reject.
   */
  static Parsed parse(String s) throws ParseException {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '.':
          return new Parsed(new NetAddress(parse4(s, s)), "");
        case ':':
          return parse6(s);
        case '%':
          throw error(s, "missing IPv6 address", "");
        default:
          break;
      }
    }
    throw error(s, "unable to parse IP", "");
  }

  /** A parsed address and its zone ("" if none). */
  record Parsed(NetAddress address, String zone) {}

  private static ParseException error(String in, String message, String at) {
    String text = "ParseAddr(" + GoStrings.quote(in) + "): " + message;
    if (!at.isEmpty()) {
      text += " (at " + GoStrings.quote(at) + ")";
    }
    return new ParseException(text);
  }

  private static byte[] parse4(String s, String in) throws ParseException {
    byte[] fields = new byte[4];
    int val = 0;
    int pos = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && val == 0) {
          throw error(in, "IPv4 field has octet with leading zero", "");
        }
        val = val * 10 + (c - '0');
        digits++;
        if (val > 255) {
          throw error(in, "IPv4 field has value >255", "");
        }
      } else if (c == '.') {
        if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.') {
          throw error(in, "IPv4 field must have at least one digit", s.substring(i));
        }
        if (pos == 3) {
          throw error(in, "IPv4 address too long", "");
        }
        fields[pos++] = (byte) val;
        val = 0;
        digits = 0;
      } else {
        throw error(in, "unexpected character", s.substring(i));
      }
    }
    if (pos < 3) {
      throw error(in, "IPv4 address too short", "");
    }
    fields[3] = (byte) val;
    return fields;
  }

  private static Parsed parse6(String in) throws ParseException {
    String s = in;
    String zone = "";
    int percent = s.indexOf('%');
    if (percent >= 0) {
      zone = s.substring(percent + 1);
      s = s.substring(0, percent);
      if (zone.isEmpty()) {
        throw error(in, "zone must be a non-empty string", "");
      }
    }
    byte[] ip = new byte[16];
    int ellipsis = -1;
    if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return new Parsed(new NetAddress(ip), zone);
      }
    }
    int i = 0;
    while (i < 16) {
      int off = 0;
      int acc = 0;
      for (; off < s.length(); off++) {
        int digit = hexDigit(s.charAt(off));
        if (digit < 0) {
          break;
        }
        acc = (acc << 4) + digit;
        if (off > 3) {
          throw error(in, "each group must have 4 or less digits", s);
        }
        if (acc > 0xffff) {
          throw error(in, "IPv6 field has value >=2^16", s);
        }
      }
      if (off == 0) {
        throw error(in, "each colon-separated field must have at least one digit", s);
      }
      if (off < s.length() && s.charAt(off) == '.') {
        if (ellipsis < 0 && i != 12) {
          throw error(
              in, "embedded IPv4 address must replace the final 2 fields of the address", s);
        }
        if (i + 4 > 16) {
          throw error(
              in, "too many hex fields to fit an embedded IPv4 at the end of the address", s);
        }
        byte[] v4;
        try {
          v4 = parse4(s, s);
        } catch (ParseException e) {
          throw error(in, e.getMessage(), s);
        }
        System.arraycopy(v4, 0, ip, i, 4);
        s = "";
        i += 4;
        break;
      }
      ip[i] = (byte) (acc >> 8);
      ip[i + 1] = (byte) acc;
      i += 2;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':') {
        throw error(in, "unexpected character, want colon", s);
      } else if (s.length() == 1) {
        throw error(in, "colon must be followed by more characters", s);
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          throw error(in, "multiple :: in address", s);
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      throw error(in, "trailing garbage after address", s);
    }
    if (i < 16) {
      if (ellipsis < 0) {
        throw error(in, "address string too short", "");
      }
      int n = 16 - i;
      for (int j = i - 1; j >= ellipsis; j--) {
        ip[j + n] = ip[j];
      }
      for (int j = ellipsis + n - 1; j >= ellipsis; j--) {
        ip[j] = 0;
      }
    } else if (ellipsis >= 0) {
      throw error(in, "the :: must expand to at least one field of zeros", "");
    }
    return new Parsed(new NetAddress(ip), zone);
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    } else if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  boolean is4() {
    return bytes.length == 4;
  }

  /** The address length in bits: 32 or 128. */
  int bitLength() {
    return bytes.length * 8;
  }

  byte[] bytes() {
    return bytes.clone();
  }

  /** Go's {@code Is4In6}: {@code ::ffff:a.b.c.d}. */
  boolean is4In6() {
    if (is4()) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  /** This address, or the IPv4 address an IPv4-mapped IPv6 address wraps. */
  private NetAddress unmap() {
    return is4In6() ? new NetAddress(Arrays.copyOfRange(bytes, 12, 16)) : this;
  }

  private int u(int i) {
    return bytes[i] & 0xff;
  }

  boolean isUnspecified() {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  boolean isLoopback() {
    NetAddress ip = unmap();
    if (ip.is4()) {
      return ip.u(0) == 127;
    }
    for (int i = 0; i < 15; i++) {
      if (ip.bytes[i] != 0) {
        return false;
      }
    }
    return ip.bytes[15] == 1;
  }

  boolean isMulticast() {
    NetAddress ip = unmap();
    return ip.is4() ? (ip.u(0) & 0xf0) == 0xe0 : ip.u(0) == 0xff;
  }

  boolean isLinkLocalMulticast() {
    NetAddress ip = unmap();
    if (ip.is4()) {
      return ip.u(0) == 224 && ip.u(1) == 0 && ip.u(2) == 0;
    }
    return ip.u(0) == 0xff && (ip.u(1) & 0x0f) == 0x02;
  }

  boolean isLinkLocalUnicast() {
    NetAddress ip = unmap();
    if (ip.is4()) {
      return ip.u(0) == 169 && ip.u(1) == 254;
    }
    return ip.u(0) == 0xfe && (ip.u(1) & 0xc0) == 0x80;
  }

  /** Go's {@code IsGlobalUnicast}, private ranges included. */
  boolean isGlobalUnicast() {
    NetAddress ip = unmap();
    if (ip.is4() && (ip.isUnspecified() || Arrays.equals(ip.bytes, new byte[] {-1, -1, -1, -1}))) {
      return false;
    }
    return !ip.isUnspecified() && !ip.isLoopback() && !ip.isMulticast() && !ip.isLinkLocalUnicast();
  }

  /** This address with all but the first {@code bits} bits cleared. */
  NetAddress masked(int bits) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, bits - i * 8));
      out[i] = (byte) (out[i] & (0xff00 >> keep));
    }
    return new NetAddress(out);
  }

  /** Go's {@code Addr.String}: dotted decimal, or RFC 5952 IPv6 (lower case, longest :: run). */
  @Override
  public String toString() {
    if (is4()) {
      return u(0) + "." + u(1) + "." + u(2) + "." + u(3);
    }
    if (is4In6()) {
      return "::ffff:" + unmap();
    }
    int zeroStart = -1;
    int zeroLength = 0;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && field(j) == 0) {
        j++;
      }
      if (j - i >= 2 && j - i > zeroLength) {
        zeroStart = i;
        zeroLength = j - i;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == zeroStart) {
        out.append("::");
        i += zeroLength;
        if (i >= 8) {
          break;
        }
      } else if (i > 0) {
        out.append(':');
      }
      out.append(Integer.toHexString(field(i)));
    }
    return out.toString();
  }

  private int field(int i) {
    return (u(2 * i) << 8) | u(2 * i + 1);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NetAddress that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
