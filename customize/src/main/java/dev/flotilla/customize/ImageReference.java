package dev.flotilla.customize;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference, {@code [registry/]repository[:tag][@digest]}, read as registries
 * read it: by the grammar of github.com/distribution/reference ({@code regexp.go}), which
 * containerd, Docker and the kubelet use.
 *
 * <pre>
 * reference        := name [ ":" tag ] [ "@" digest ]
 * name             := [domain '/'] path-component ['/' path-component]*
 * domain           := host [':' port-number]
 * host             := domain-name | '[' IPv6 address ']'
 * domain-name      := domain-component ['.' domain-component]*
 * domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
 * path-component   := /[a-z0-9]+/ [separator /[a-z0-9]+/]*
 * separator        := /[_.]|__|[-]+/
 * tag              := /[\w][\w.-]{0,127}/
 * digest           := algorithm ':' /[0-9a-fA-F]{32,}/
 * algorithm        := /[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)* /
 * </pre>
 *
 * The name is at most 255 characters. As in {@code normalize.go}, the first path component is the
 * registry when there is a '/' after it and it holds a '.' or a ':', is {@code localhost}, or has
 * an upper-case letter (which a path component cannot); otherwise there is no registry ({@link
 * #registry} is "") and a registry reads the name as {@code docker.io}'s, where a one-component
 * name is under {@code library/} (see {@link #normalized}). The reference is kept as written: this
 * class never adds those defaults itself.
 */
record ImageReference(String registry, String repository, String tag, String digest) {
  /** {@code NameTotalLengthMax} of distribution/reference. */
  static final int NAME_MAX = 255;

  /** Longer input is refused before any matching (a name, a 128-character tag, a long digest). */
  private static final int INPUT_MAX = 1024;

  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|-+)";
  private static final String PATH_COMPONENT =
      ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
  private static final String DOMAIN = HOST + "(?::[0-9]+)?";
  private static final String NAME =
      "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");

  /**
   * Reads {@code image}.
   *
   * @throws IllegalArgumentException saying why, when it is not a reference
   */
  static ImageReference parse(String image) {
    if (image.isEmpty()) {
      throw new IllegalArgumentException("an empty reference");
    }
    if (image.length() > INPUT_MAX) {
      throw new IllegalArgumentException("longer than " + INPUT_MAX + " characters");
    }
    if (IDENTIFIER.matcher(image).matches()) {
      throw new IllegalArgumentException(
          "a 64-character hexadecimal string is an image ID, not a reference");
    }
    Matcher m = REFERENCE.matcher(image);
    if (!m.matches()) {
      throw new IllegalArgumentException(reason(image));
    }
    String name = m.group(1);
    if (name.length() > NAME_MAX) {
      throw new IllegalArgumentException(
          "the repository name is longer than " + NAME_MAX + " characters");
    }
    String registry = "";
    String repository = name;
    int slash = name.indexOf('/');
    if (slash >= 0) {
      String first = name.substring(0, slash);
      if (first.contains(".")
          || first.contains(":")
          || first.equals("localhost")
          || !first.toLowerCase(Locale.ROOT).equals(first)) {
        registry = first;
        repository = name.substring(slash + 1);
      }
    }
    return new ImageReference(
        registry,
        repository,
        m.group(2) == null ? "" : m.group(2),
        m.group(3) == null ? "" : m.group(3));
  }

  /** Why {@code image} does not match, as precisely as cheap checks allow. */
  private static String reason(String image) {
    int at = image.indexOf('@');
    String beforeDigest = at < 0 ? image : image.substring(0, at);
    if (at >= 0 && !image.substring(at + 1).matches(DIGEST)) {
      return "invalid digest \""
          + image.substring(at + 1)
          + "\" (algorithm:hex, at least 32 hex digits)";
    }
    int colon = beforeDigest.lastIndexOf(':');
    if (colon > beforeDigest.lastIndexOf('/')
        && !beforeDigest.substring(0, colon).isEmpty()
        && beforeDigest.substring(0, colon).matches(NAME)) {
      return "invalid tag \"" + beforeDigest.substring(colon + 1) + "\"";
    }
    if (!beforeDigest.toLowerCase(Locale.ROOT).equals(beforeDigest)
        && beforeDigest.toLowerCase(Locale.ROOT).matches(NAME + "(?::" + TAG + ")?")) {
      return "the repository name must be lowercase";
    }
    return "invalid reference format";
  }

  /**
   * The reference as a registry reads it: no registry means {@code docker.io} (and {@code
   * index.docker.io} is {@code docker.io}), where a one-component repository is under {@code
   * library/}.
   */
  ImageReference normalized() {
    String domain =
        registry.isEmpty() || registry.equals("index.docker.io") ? "docker.io" : registry;
    String path =
        domain.equals("docker.io") && repository.indexOf('/') < 0
            ? "library/" + repository
            : repository;
    return new ImageReference(domain, path, tag, digest);
  }

  /** Replaces the given parts; a new tag drops the digest and a new digest the tag. */
  ImageReference with(
      Optional<String> newRegistry,
      Optional<String> newRepository,
      Optional<String> newTag,
      Optional<String> newDigest) {
    return new ImageReference(
        newRegistry.orElse(registry),
        newRepository.orElse(repository),
        newDigest.isPresent() ? "" : newTag.orElse(tag),
        newTag.isPresent() ? "" : newDigest.orElse(digest));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (!registry.isEmpty()) {
      out.append(registry).append('/');
    }
    out.append(repository);
    if (!tag.isEmpty()) {
      out.append(':').append(tag);
    }
    if (!digest.isEmpty()) {
      out.append('@').append(digest);
    }
    return out.toString();
  }
}
