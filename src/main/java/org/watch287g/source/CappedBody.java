package org.watch287g.source;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads a response body without ever holding more than its cap plus one byte, so a runaway or
 * hostile response cannot exhaust memory whether or not it declares its length.
 */
final class CappedBody {
  private static final long CHUNK = 8192;

  private CappedBody() {}

  /**
   * The whole body.
   *
   * @throws SourceException when the declared {@code Content-Length} or the bytes actually sent
   *     exceed the cap (checked before reading when declared, so an honest large file costs
   *     nothing)
   * @throws IOException when the connection fails or times out mid-body
   */
  static byte[] read(ResponseBody body, Cap cap, String url) throws IOException, SourceException {
    if (body.contentLength() > cap.bytes()) {
      throw new SourceException(cap.exceededBy(url));
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    long limit = cap.bytes() + 1;
    while (buffer.size() < limit) {
      if (source.read(buffer, Math.min(CHUNK, limit - buffer.size())) == -1) {
        break;
      }
    }
    if (buffer.size() > cap.bytes()) {
      throw new SourceException(cap.exceededBy(url));
    }
    return buffer.readByteArray();
  }
}
