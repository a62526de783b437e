package dev.flotilla.expr;

/**
 * An IP prefix, the value of Kubernetes' CEL type {@code net.CIDR}: an address and a prefix length,
 * kept as written ({@code 192.168.0.1/24} is not masked), as Go's {@code netip.Prefix}.
 */
final class NetPrefix {
  private final NetAddress address;
  private final int bits;

  NetPrefix(NetAddress address, int bits) {
    this.address = address;
    this.bits = bits;
  }

  /** Parses as Go's {@code netip.ParsePrefix}, with its error texts. */
  static NetPrefix parse(String s) throws NetAddress.ParseException {
    int slash = s.lastIndexOf('/');
    if (slash < 0) {
      throw error(s, "no '/'");
    }
    NetAddress.Parsed parsed;
    try {
      parsed = NetAddress.parse(s.substring(0, slash));
    } catch (NetAddress.ParseException e) {
      throw error(s, e.getMessage());
    }
    if (!parsed.zone().isEmpty()) {
      throw error(s, "IPv6 zones cannot be present in a prefix");
    }
    String bitsText = s.substring(slash + 1);
    // Go: decimal digits only, no sign, no leading zero, within strconv.Atoi's range.
    if (bitsText.isEmpty()
        || bitsText.length() > 18
        || !bitsText.chars().allMatch(c -> c >= '0' && c <= '9')
        || (bitsText.length() > 1 && bitsText.charAt(0) == '0')) {
      throw error(s, "bad bits after slash: " + GoStrings.quote(bitsText));
    }
    long bits = Long.parseLong(bitsText);
    if (bits > parsed.address().bitLength()) {
      throw error(s, "prefix length out of range");
    }
    return new NetPrefix(parsed.address(), (int) bits);
  }

  private static NetAddress.ParseException error(String in, String message) {
    return new NetAddress.ParseException(
        "netip.ParsePrefix(" + GoStrings.quote(in) + "): " + message);
  }

  NetAddress address() {
    return address;
  }

  int bits() {
    return bits;
  }

  NetPrefix masked() {
    return new NetPrefix(address.masked(bits), bits);
  }

  /** Go's {@code Prefix.Contains}: false for an address of the other family. */
  boolean contains(NetAddress ip) {
    return ip.bitLength() == address.bitLength() && ip.masked(bits).equals(address.masked(bits));
  }

  /** Kubernetes' containsCIDR: the prefixes overlap and {@code other} is no shorter. */
  boolean contains(NetPrefix other) {
    return other.address.bitLength() == address.bitLength()
        && bits <= other.bits
        && contains(other.address);
  }

  @Override
  public String toString() {
    return address + "/" + bits;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NetPrefix that && bits == that.bits && address.equals(that.address);
  }

  @Override
  public int hashCode() {
    return address.hashCode() * 31 + bits;
  }
}
