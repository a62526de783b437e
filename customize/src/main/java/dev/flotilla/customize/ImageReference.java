package dev.flotilla.customize;

import java.util.Optional;

/**
 * A container image reference, {@code [registry/]repository[:tag][@digest]}, split as Docker's
 * reference grammar does: the first path component is a registry when it holds a '.' or a ':' or is
 * {@code localhost}.
 */
record ImageReference(String registry, String repository, String tag, String digest) {

  static ImageReference parse(String image) {
    String rest = image;
    String digest = "";
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = "";
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String registry = "";
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    return new ImageReference(registry, rest, tag, digest);
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
