package dev.flotilla.customize;

import dev.flotilla.api.customize.Action;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image as Karmada's image overrider reads and writes it (karmada pkg/util/imageparser): parsed
 * by distribution/reference's {@code Parse} (no default registry, the digest checked by go-digest),
 * split into hostname and repository by {@code SplitHostname}, edited part by part and printed as
 * {@code [hostname/]repository[:tag | @digest]}.
 */
final class ImageComponents {
  private ImageComponents() {}

  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
  private static final String NAME =
      "(?:" + HOST + "(?::[0-9]+)?/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
  private static final Pattern ANCHORED_TAG = Pattern.compile(TAG);
  private static final Pattern ANCHORED_DIGEST = Pattern.compile(DIGEST);

  /** The parts; "" where absent. Never both a tag and a digest. */
  record Parts(String hostname, String repository, String tag, String digest) {
    @Override
    public String toString() {
      String full = hostname.isEmpty() ? repository : hostname + "/" + repository;
      if (!tag.isEmpty()) {
        return full + ":" + tag;
      }
      return digest.isEmpty() ? full : full + "@" + digest;
    }
  }

  /**
   * Parses {@code image} as Karmada does.
   *
   * @throws IllegalArgumentException when distribution/reference refuses it
   */
  static Parts parse(String image) {
    Matcher m = REFERENCE.matcher(image);
    if (!m.matches()) {
      if (image.isEmpty()) {
        throw new IllegalArgumentException("repository name must have at least one component");
      }
      if (REFERENCE.matcher(image.toLowerCase(java.util.Locale.ROOT)).matches()) {
        throw new IllegalArgumentException("repository name must be lowercase");
      }
      throw new IllegalArgumentException("invalid reference format");
    }
    String name = m.group(1);
    if (name.length() > 255) {
      throw new IllegalArgumentException("repository name must not be more than 255 characters");
    }
    String tag = m.group(2) == null ? "" : m.group(2);
    String digest = m.group(3) == null ? "" : m.group(3);
    if (!digest.isEmpty()) {
      checkDigest(digest);
    }
    int slash = name.indexOf('/');
    String hostname = "";
    String repository = name;
    if (slash >= 0) {
      String first = name.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        hostname = first;
        repository = name.substring(slash + 1);
      }
    }
    // A reference with a tag is Tagged, and Karmada then never reads its digest.
    return new Parts(hostname, repository, tag, tag.isEmpty() ? digest : "");
  }

  /** go-digest's Validate with sha256, sha384 and sha512 available (as Karmada imports them). */
  private static void checkDigest(String digest) {
    int colon = digest.indexOf(':');
    String algorithm = digest.substring(0, colon);
    String encoded = digest.substring(colon + 1);
    int size =
        switch (algorithm) {
          case "sha256" -> 64;
          case "sha384" -> 96;
          case "sha512" -> 128;
          default -> -1;
        };
    if (size < 0) {
      throw new IllegalArgumentException("unsupported digest algorithm");
    }
    if (encoded.length() != size) {
      throw new IllegalArgumentException("invalid checksum digest length");
    }
    if (!encoded.matches("[a-f0-9]+")) {
      throw new IllegalArgumentException("invalid checksum digest format");
    }
  }

  /** Applies one edit, as karmada pkg/util/overridemanager/imageoverride.go overrideImage. */
  static Parts edit(
      Parts image, Action.ImagePart part, Action.EditOperator operator, String value) {
    String hostname = image.hostname();
    String repository = image.repository();
    String tag = image.tag();
    String digest = image.digest();
    switch (part) {
      case Registry ->
          hostname =
              switch (operator) {
                case add -> hostname + value;
                case replace -> value;
                case remove -> "";
              };
      case Repository ->
          repository =
              switch (operator) {
                case add -> repository + value;
                case replace -> value;
                case remove -> "";
              };
      case Tag -> {
        if (operator == Action.EditOperator.remove) {
          if (!tag.isEmpty()) {
            tag = "";
          } else {
            digest = "";
          }
        } else {
          String input =
              operator == Action.EditOperator.add ? (tag.isEmpty() ? digest : tag) + value : value;
          if (ANCHORED_TAG.matcher(input).matches()) {
            tag = input;
            digest = "";
          } else if (ANCHORED_DIGEST.matcher(input).matches()) {
            digest = input;
            tag = "";
          }
        }
      }
    }
    return new Parts(hostname, repository, tag, digest);
  }
}
