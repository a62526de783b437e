package dev.flotilla.api.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of one input, decoded from UTF-8 as it is read.
 *
 * <p>Maintainers: this is where an input's size is bounded. The limit counts the bytes actually
 * read, not what {@code Files.size} claims, so {@code /dev/zero}, pipes and stdin are bounded like
 * regular files. Decoding is strict (malformed or truncated sequences are errors) and the reader
 * keeps the line and column of the next character, so that an invalid byte is reported where it is,
 * like a syntax error. A byte order mark at the start is dropped.
 */
final class TextInput extends Reader {
  /** A problem with the bytes themselves, at a known place. */
  static final class InputProblem extends IOException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    InputProblem(int line, int column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  private final InputStream in;
  private final long limit;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);
  private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
  private long count;
  private boolean eof;
  private boolean flushed;
  private boolean first = true;
  private int line = 1;
  private int column = 1;

  TextInput(InputStream in, long limit) {
    this.in = in;
    this.limit = limit;
    bytes.flip(); // empty, in read mode
    chars.flip();
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  /** Decodes the next chunk; false at the end of the input. */
  private boolean fill() throws IOException {
    if (flushed) {
      return false;
    }
    chars.clear();
    while (chars.position() == 0 && !flushed) {
      if (!eof && bytes.remaining() < 4) {
        readBytes();
      }
      CoderResult result = decoder.decode(bytes, chars, eof);
      if (result.isError()) {
        advance(chars.position());
        int bad = bytes.get(bytes.position()) & 0xff;
        throw new InputProblem(
            line,
            column,
            String.format("invalid UTF-8: byte 0x%02X; the input must be UTF-8 text", bad));
      }
      if (eof && !bytes.hasRemaining()) {
        decoder.flush(chars);
        flushed = true;
      } else if (result.isUnderflow() && !eof) {
        readBytes();
      }
    }
    chars.flip();
    if (first && chars.hasRemaining() && chars.get(chars.position()) == '\uFEFF') {
      chars.get();
    }
    first = false;
    track();
    return chars.hasRemaining() || !flushed;
  }

  private void readBytes() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      count += n;
      bytes.position(bytes.position() + n);
      if (count > limit) {
        throw new InputProblem(
            0, 0, "input larger than the limit of " + limit + " bytes (" + Limits.PROPERTY + ")");
      }
    }
    bytes.flip();
  }

  /** Moves the line and column past the characters decoded in this chunk. */
  private void track() {
    for (int i = chars.position(); i < chars.limit(); i++) {
      if (chars.get(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }

  private void advance(int decoded) {
    for (int i = 0; i < decoded; i++) {
      if (chars.get(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
