package org.watch287g.testing;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for ICE's 287(g) site: a page linking the current workbooks, and the workbooks
 * themselves with ETags (answering {@code If-None-Match} with 304), as ICE's servers do. Tests
 * publish real ICE files with {@link #publish}, or break the site with {@link #pageResponse} and
 * {@link #serve}.
 */
public final class FakeIce implements AutoCloseable {
  public static final String PAGE = "/identify-and-arrest/287g";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final MockWebServer server = new MockWebServer();
  private final Map<String, MockResponse> files = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> pageReads = Collections.synchronizedList(new ArrayList<>());
  private volatile @Nullable MockResponse pageOverride;
  private volatile String page = "<html><body><p>No lists yet.</p></body></html>";
  private volatile @Nullable CountDownLatch pageBarrier;

  public FakeIce() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        });
    server.start();
  }

  /** The page URL to configure as {@code source.pageUrl}. */
  public URI pageUrl() {
    return server.url(PAGE).uri();
  }

  /**
   * Publishes workbooks under ICE-style names and links them from the page; a null pending file
   * leaves the pending list unlinked.
   *
   * @param tag goes into the file names, e.g. "05182026am"
   */
  public void publish(String tag, byte[] participating, byte @Nullable [] pending) {
    String part = "/doclib/about/offices/ero/287g/participatingAgencies" + tag + ".xlsx";
    String pend = "/doclib/about/offices/ero/287g/pendingAgencies" + tag + ".xlsx";
    serve(part, workbook(participating, "\"p-" + tag + "\""));
    StringBuilder html =
        new StringBuilder("<html><body><h1>287(g)</h1><ul>")
            .append("<li><a href=\"")
            .append(part)
            .append("\">Participating Agencies</a></li>");
    if (pending != null) {
      serve(pend, workbook(pending, "\"q-" + tag + "\""));
      html.append("<li><a href=\"").append(pend).append("\">Pending Agencies</a></li>");
    }
    page = html.append("</ul></body></html>").toString();
    pageOverride = null;
  }

  /** Serves a file at a path with an ETag, answering a matching If-None-Match with 304. */
  public static MockResponse workbook(byte[] bytes, String etag) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", XLSX)
        .addHeader("ETag", etag)
        .body(new Buffer().write(bytes))
        .build();
  }

  /** Serves any response at a path (an HTML error page, a truncated file, a 404...). */
  public void serve(String path, MockResponse response) {
    files.put(path, response);
  }

  /** Replaces the page with this response (e.g. HTTP 500) until the next {@link #publish}. */
  public void pageResponse(MockResponse response) {
    pageOverride = response;
  }

  /**
   * Holds the page's answer until {@code readers} requests for it are waiting (at most ten
   * seconds): pollers of several instances then read it, and go on, together.
   */
  public void answerPageTogether(int readers) {
    pageBarrier = new CountDownLatch(readers);
  }

  /** The request lines seen, e.g. "GET /identify-and-arrest/287g", in order. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * When the page was asked for ({@link System#nanoTime}), in order: a poll begins with it, so the
   * first read after an instant is the first poll after it (of whichever bot reads this site).
   */
  public List<Long> pageReads() {
    synchronized (pageReads) {
      return List.copyOf(pageReads);
    }
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    requests.add(request.getMethod() + " " + path);
    if (path.equals(PAGE)) {
      pageReads.add(System.nanoTime());
      CountDownLatch barrier = pageBarrier;
      if (barrier != null) {
        barrier.countDown();
        try {
          if (!barrier.await(10, TimeUnit.SECONDS)) {
            return new MockResponse.Builder().code(503).body("the other reader never came").build();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      MockResponse override = pageOverride;
      return override != null
          ? override
          : new MockResponse.Builder()
              .addHeader("Content-Type", "text/html; charset=utf-8")
              .body(page)
              .build();
    }
    MockResponse file = files.get(path);
    if (file == null) {
      return new MockResponse.Builder().code(404).body("<html>Not Found</html>").build();
    }
    String etag = file.getHeaders().get("ETag");
    if (etag != null && etag.equals(request.getHeaders().get("If-None-Match"))) {
      return new MockResponse.Builder().code(304).addHeader("ETag", etag).build();
    }
    return file;
  }

  @Override
  public void close() {
    server.close();
  }
}
