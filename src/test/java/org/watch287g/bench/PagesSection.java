package org.watch287g.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.watch287g.Wiring;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.testing.FakeIce;

/**
 * Issue 17: the public pages under load. A county's page ({@code /county/48201}) from 50 concurrent
 * clients, with the pages kept (the default) and with none kept, and what one page weighs.
 */
final class PagesSection {
  private static final String SECTION = "pages";
  private static final int CLIENTS = 50;
  private static final String PAGE = "/county/48201";

  private PagesSection() {}

  static void run(Figures figures, boolean quick) throws Exception {
    int each = quick ? 10 : 40;
    for (int cacheSize : new int[] {512, 0}) {
      String kept = cacheSize == 0 ? "none kept" : "kept";
      Path directory = Files.createTempDirectory("bench-pages");
      try (FakeIce ice = new FakeIce()) {
        String yaml =
            "storage: {path: '"
                + directory.resolve("bot.db")
                + "'}\nsource: {pageUrl: '"
                + ice.pageUrl()
                + "', pollInterval: PT1H, retries: 0}\nadmin: {enabled: false}\n"
                + "web: {enabled: true, port: 0, cacheSize: "
                + cacheSize
                + "}\n";
        Config config = new ConfigLoader(Map.of()).parse(yaml, "bench");
        long started = System.nanoTime();
        try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
          wiring.start();
          String base = "http://127.0.0.1:" + wiring.webPort().orElseThrow();
          HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
          HttpResponse<byte[]> first =
              http.send(
                  HttpRequest.newBuilder(URI.create(base + PAGE)).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          double ready = (System.nanoTime() - started) / 1e6;
          if (cacheSize != 0) {
            figures.context(
                SECTION,
                "start to the first county page",
                ready,
                "ms",
                "Wiring, start(), first GET");
            HttpResponse<byte[]> map =
                http.send(
                    HttpRequest.newBuilder(URI.create(base + PAGE + ".png")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            figures.context(
                SECTION,
                "county page weight (HTML)",
                first.body().length / 1024.0,
                "KiB",
                "Harris County, TX: no script, inline CSS");
            figures.context(
                SECTION,
                "county page weight (map PNG)",
                map.body().length / 1024.0,
                "KiB",
                PAGE + ".png");
          }
          Timings timings = load(http, base + PAGE, each);
          String how = CLIENTS + " clients x " + each + " GETs of " + PAGE + ", " + kept;
          figures.context(
              SECTION, "county page p50, " + kept, timings.percentileMs(0.5), "ms", how);
          figures.context(
              SECTION, "county page p99, " + kept, timings.percentileMs(0.99), "ms", how);
        }
      }
    }
  }

  private static Timings load(HttpClient http, String url, int each) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<long[]>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(
            pool.submit(
                () -> {
                  long[] took = new long[each];
                  for (int i = 0; i < each; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r =
                        http.send(
                            HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                      throw new IllegalStateException(url + " answered " + r.statusCode());
                    }
                    took[i] = System.nanoTime() - t0;
                  }
                  return took;
                }));
      }
      long[] all = new long[CLIENTS * each];
      int n = 0;
      for (Future<long[]> client : clients) {
        for (long t : client.get()) {
          all[n++] = t;
        }
      }
      return Timings.of(all);
    } finally {
      pool.shutdownNow();
    }
  }
}
