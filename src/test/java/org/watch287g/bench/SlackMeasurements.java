package org.watch287g.bench;

import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.watch287g.Wiring;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.Language;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.commands.Invoker;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.dataset.ListKind;
import org.watch287g.slack.SlackDeliverer;
import org.watch287g.slack.SlackPlatform;

/**
 * Slack figures for the notes; a {@code main}, not a test, since timings depend on the machine.
 *
 * <ol>
 *   <li>{@code /287g status harris tx} latency through {@code POST /slack/events}: the real bot
 *       (Wiring, Bolt, signature check, replay guard, the core's answer, Block Kit rendering) on
 *       loopback, each request freshly signed; sequential after a warm-up, then concurrent.
 *   <li>Messages per second {@link SlackDeliverer} sustains against a fake Web API that enforces
 *       Slack's pace for {@code chat.postMessage}, one message per second per channel, answering
 *       faster ones with 429 and {@code Retry-After: 1}; one sending thread, as the bot's delivery
 *       worker, many channels each with a backlog.
 * </ol>
 *
 * <p>Run: {@code mvn -o -q test-compile exec:java} is not set up; use {@code java -cp
 * target/classes:target/test-classes:$(mvn -o -q dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout) org.watch287g.bench.SlackMeasurements}.
 */
public final class SlackMeasurements {
  static final String SECRET = "bench-secret";

  private SlackMeasurements() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Arguments: channels (100), messages per channel (20), and "nolatency" to skip part 1.
    if (!(args.length > 2 && args[2].equals("nolatency"))) {
      latency();
    }
    throughput(
        args.length > 0 ? Integer.parseInt(args[0]) : 100,
        args.length > 1 ? Integer.parseInt(args[1]) : 20);
    System.exit(0);
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  // ---------------------------------------------------------------- latency

  static void latency() throws Exception {
    Path dir = Files.createTempDirectory("slack-bench");
    try (MockWebServer api = new MockWebServer()) {
      api.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
              return json(
                  "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}");
            }
          });
      api.start();
      String yaml =
          "storage:\n  path: "
              + dir.resolve("bot.db")
              + "\nslack:\n  botToken: xoxb-bench\n  signingSecret: "
              + SECRET
              + "\n  apiUrl: "
              + api.url("/api/")
              + "\n  port: 0\n";
      Config config = new ConfigLoader(Map.of()).parse(yaml, "bench");
      try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
        wiring.seedBundledSnapshots();
        SlackPlatform slack = wiring.slack().orElseThrow();
        slack.start();
        URI endpoint =
            URI.create("http://127.0.0.1:" + slack.port().orElseThrow() + "/slack/events");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String responseUrl = api.url("/response").toString();
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < 300; i++) {
          status(http, endpoint, responseUrl, n.incrementAndGet());
        }
        long[] sequential = new long[2000];
        for (int i = 0; i < sequential.length; i++) {
          sequential[i] = status(http, endpoint, responseUrl, n.incrementAndGet());
        }
        report("status, sequential (2000 after 300 warm-up)", sequential);
        // The same command answered by the core alone, to tell the adapter's share from the core's.
        Invoker invoker = new Invoker(new ChannelRef("slack", "T1", "C1"), "U1", false);
        long[] core = new long[2000];
        for (int i = 0; i < core.length; i++) {
          long t = System.nanoTime();
          wiring.commands().respond("status harris tx", invoker).plainText();
          core[i] = System.nanoTime() - t;
        }
        report("status, the core alone (CommandService.respond + plain text)", core);

        int threads = 8;
        int each = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> concurrent = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      concurrent.add(status(http, endpoint, responseUrl, n.incrementAndGet()));
                    }
                    return null;
                  }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        report(
            "status, " + threads + " concurrent clients x " + each,
            concurrent.stream().mapToLong(Long::longValue).toArray());
        System.out.printf("  throughput %.0f requests/s%n", threads * each / seconds);
      }
    }
  }

  /** One signed {@code /287g status harris tx}; its round trip in nanoseconds. */
  static long status(HttpClient http, URI endpoint, String responseUrl, int n) throws Exception {
    String body =
        "team_id=T1&channel_id=C1&user_id=U1&command=%2F287g&text=status+harris+tx"
            + "&response_url="
            + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8)
            + "&trigger_id=1."
            + n;
    String ts = String.valueOf(Instant.now().getEpochSecond());
    long start = System.nanoTime();
    String signature = new SlackSignature.Generator(SECRET).generate(ts, body);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - start;
    if (r.statusCode() != 200 || !r.body().contains("Harris County")) {
      throw new IllegalStateException("unexpected answer " + r.statusCode() + ": " + r.body());
    }
    return took;
  }

  static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)%n",
        what,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.90)] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6,
        sorted.length);
  }

  // ---------------------------------------------------------------- throughput

  static void throughput(int channels, int perChannel) throws Exception {
    Map<String, Long> lastAccepted = new ConcurrentHashMap<>();
    AtomicLong accepted = new AtomicLong();
    AtomicLong limited = new AtomicLong();
    long windowNanos = Duration.ofSeconds(1).toNanos();
    // The JDK server with TCP_NODELAY (set in main): MockWebServer adds ~40 ms a call here, from
    // Nagle's algorithm meeting delayed ACKs, which would measure the fake rather than the bot.
    HttpServer api =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    api.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String channel = body.replaceAll("(?s).*(?:^|&)channel=([^&]*).*", "$1");
          long now = System.nanoTime();
          boolean ok;
          synchronized (lastAccepted) {
            Long last = lastAccepted.get(channel);
            ok = last == null || now - last >= windowNanos;
            if (ok) {
              lastAccepted.put(channel, now);
            }
          }
          byte[] answer;
          ex.getResponseHeaders().set("Content-Type", "application/json");
          if (ok) {
            accepted.incrementAndGet();
            answer = "{\"ok\":true,\"ts\":\"1.2\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
          } else {
            limited.incrementAndGet();
            answer = "{\"ok\":false,\"error\":\"ratelimited\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Retry-After", "1");
            ex.sendResponseHeaders(429, answer.length);
          }
          try (var out = ex.getResponseBody()) {
            out.write(answer);
          }
        });
    api.start();
    try {
      String apiUrl = "http://127.0.0.1:" + api.getAddress().getPort() + "/api/";
      com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
      config.setMethodsEndpointUrlPrefix(apiUrl);
      config.setStatsEnabled(false);
      Slack slack = Slack.getInstance(config);
      try {
        SlackDeliverer deliverer = new SlackDeliverer(slack.methods("xoxb-bench"));
        AlertMessage alert = alert();
        int[] left = new int[channels];
        long[] notBefore = new long[channels];
        Arrays.fill(left, perChannel);
        int remaining = channels * perChannel;
        int sent = 0;
        long start = System.nanoTime();
        // One thread, as the bot's delivery worker: each channel in turn, until Slack says wait.
        while (remaining > 0) {
          boolean any = false;
          for (int c = 0; c < channels; c++) {
            long now = System.nanoTime();
            if (left[c] == 0 || now < notBefore[c]) {
              continue;
            }
            any = true;
            ChannelRef channel = new ChannelRef("slack", "T1", "C" + c);
            while (left[c] > 0) {
              DeliveryResult r = deliverer.deliver(channel, alert);
              if (r instanceof DeliveryResult.Sent) {
                left[c]--;
                remaining--;
                sent++;
              } else if (r instanceof DeliveryResult.RetryAfter ra) {
                notBefore[c] = System.nanoTime() + ra.delay().toNanos();
                break;
              } else {
                throw new IllegalStateException("unexpected " + r);
              }
            }
          }
          if (!any) {
            Thread.sleep(5);
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "deliverer: %d messages to %d channels (%d each) in %.2f s = %.1f messages/s;"
                + " %d answered 429; the fastest the limit allows is %d in %d s (%.1f/s)%n",
            sent,
            channels,
            perChannel,
            seconds,
            sent / seconds,
            limited.get(),
            sent,
            perChannel - 1,
            sent / (double) Math.max(1, perChannel - 1));
      } finally {
        slack.close();
      }
    } finally {
      api.stop(0);
    }
  }

  static AlertMessage alert() {
    return new AlertMessage(
        Language.EN,
        ChangeEvent.Type.NEW_AGREEMENT,
        ListKind.PARTICIPATING,
        "Harris County Sheriff's Office signed a 287(g) agreement with ICE (Harris County, TX)",
        "Harris County Sheriff's Office",
        null,
        "Harris County, TX",
        "May 8, 2025",
        "https://www.ice.gov/doclib/287gMOA/r_harristx.pdf",
        "https://www.ice.gov/doclib/287gMOA/r_harristx.pdf",
        null,
        "Task Force Model (TFM)",
        "Local officers question and arrest people for immigration violations.",
        List.of(
            new AlertMessage.Link(
                "Ending 287(g): A Toolkit for Local Organizers (ILRC)",
                "https://www.ilrc.org/resources/ending-287g-toolkit-local-organizers")),
        new AlertMessage.Labels(
            "Agency",
            "Previously listed as",
            "Where",
            "Signed",
            "Agreement (MOA)",
            "Addendum",
            "Model",
            "What you can do"));
  }
}
