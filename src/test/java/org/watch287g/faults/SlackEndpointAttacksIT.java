package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;

/**
 * Issue 12's attacks on Slack's endpoint, reproduced against the built jar on loopback: a flood of
 * unsigned requests that Bolt used to answer (or log) before checking any signature, clients that
 * send slowly, and a signed command naming a response_url that is not Slack's.
 */
class SlackEndpointAttacksIT {
  /** Slack gives up on a command after three seconds; so does the client here. */
  static final Duration SLACKS_DEADLINE = Duration.ofSeconds(3);

  @TempDir Path dir;

  @Test
  @DisplayName(
      "a flood of unsigned ssl_check and malformed requests is refused 401, leaves the log a"
          + " few lines long with no forged entry, and signed commands still get answers")
  void unsignedFlood() throws Exception {
    try (Running r = Running.start(dir)) {
      int before = r.bot.log().length();
      long ahead = Instant.now().getEpochSecond() + 55;
      String forged = "v0=" + "0".repeat(64);
      Map<String, String> headers =
          Map.of("X-Slack-Request-Timestamp", "" + ahead, "X-Slack-Signature", forged);
      int notRefused = 0;
      for (int i = 0; i < 2000; i++) {
        SlackCommands.Reply reply = r.commands.post("ssl_check=1&token=x" + i, headers);
        if (reply.status() != 401) {
          notRefused++;
        }
      }
      // A malformed interaction payload whose text tries to pass for a log entry of its own.
      String fakeEntry =
          "\n06:55:22.504 ERROR SlackPlatform - Slack refused the bot token; click "
              + "https://evil.example/login to re-authorise\n";
      String malformed = "payload=" + fakeEntry.repeat(500);
      for (int i = 0; i < 300; i++) {
        SlackCommands.Reply reply = r.commands.post(malformed, headers);
        if (reply.status() != 401) {
          notRefused++;
        }
      }
      SlackCommands.Reply help = r.commands.send("help", "CHELP");

      assertEquals(0, notRefused, "every unsigned request refused");
      assertEquals(200, help.status(), "a signed command is answered after the flood");
      String grown = r.bot.log().substring(before);
      assertTrue(grown.length() < 16 * 1024, "the log grew by " + grown.length() + " chars");
      assertFalse(
          grown.lines().anyMatch(l -> l.startsWith("06:55:22.504 ERROR SlackPlatform")),
          "no line of the log is the attacker's");
      assertTrue(r.bot.alive(), r.bot.tail());
    }
  }

  @Test
  @DisplayName(
      "ten signed commands are each answered within Slack's three seconds while 80 clients"
          + " trickle their headers and 20 their bodies, one byte at a time")
  void slowClients() throws Exception {
    try (Running r = Running.start(dir)) {
      AtomicBoolean stop = new AtomicBoolean();
      List<Socket> slow = new ArrayList<>();
      ExecutorService tricklers = Executors.newFixedThreadPool(4);
      try {
        for (int i = 0; i < 100; i++) {
          Socket s = new Socket(InetAddress.getLoopbackAddress(), r.port);
          slow.add(s);
          if (i >= 80) {
            String headers =
                "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type:"
                    + " application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\n";
            s.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
          }
        }
        // Every slow client sends one more byte every 200 ms: never idle, never finished.
        for (int t = 0; t < 4; t++) {
          int part = t;
          tricklers.execute(
              () -> {
                byte[] header =
                    "POST /slack/events HTTP/1.1\r\nX-Padding: "
                        .getBytes(StandardCharsets.US_ASCII);
                int sent = 0;
                while (!stop.get()) {
                  for (int i = part; i < slow.size(); i += 4) {
                    try {
                      OutputStream out = slow.get(i).getOutputStream();
                      out.write(i < 80 ? header[Math.min(sent, header.length - 1)] : 'a');
                      out.flush();
                    } catch (IOException e) {
                      // closed by the server: the bot may close slow clients
                    }
                  }
                  sent++;
                  try {
                    Thread.sleep(200);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
        }
        Thread.sleep(500);
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          String channel = "CSLOW" + i;
          answers.add(clients.submit(() -> r.commands.send("status harris tx", channel).status()));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<Integer> answer : answers) {
          try {
            outcomes.add("" + answer.get(SLACKS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
          } catch (java.util.concurrent.TimeoutException e) {
            outcomes.add("no answer within 3 s");
          }
        }
        clients.shutdownNow();

        assertEquals(Collections.nCopies(10, "200"), outcomes);
        assertTrue(r.bot.alive(), r.bot.tail());
      } finally {
        stop.set(true);
        tricklers.shutdownNow();
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  @Test
  @DisplayName(
      "a signed subscribe naming a response_url that is not Slack's is refused with an apology,"
          + " and the bot never connects there")
  void foreignResponseUrl() throws Exception {
    try (Running r = Running.start(dir);
        ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      Thread watcher =
          new Thread(
              () -> {
                while (!trap.isClosed()) {
                  try {
                    trap.accept().close();
                    connections.incrementAndGet();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      watcher.setDaemon(true);
      watcher.start();
      String url = "http://127.0.0.1:" + trap.getLocalPort() + "/internal/admin";

      SlackCommands.Reply reply =
          r.commands.sendSigned(r.commands.body("subscribe harris tx", "CTRAP", url));
      SlackCommands.Reply genuine = r.commands.send("subscribe harris tx", "CREAL");

      assertEquals(200, reply.status());
      assertTrue(reply.body().contains("Something went wrong"), reply.body());
      assertEquals(200, genuine.status());
      // The genuine subscribe answers through its own response_url: once it has, the foreign
      // one would have been called long since, had it been.
      assertTrue(
          Rig.await(
              Duration.ofSeconds(20),
              () -> r.slack.responses().stream().anyMatch(p -> p.startsWith("/response/CREAL"))),
          r.bot.tail());
      assertEquals(0, connections.get(), "connections to the foreign response_url");
      assertEquals(
          0,
          Rig.count(r.db, "SELECT count(*) FROM subscription WHERE channel = 'CTRAP'"),
          "nothing subscribed for the request naming a foreign response_url");
    }
  }

  /** The jar, serving Slack's endpoint, against fakes of ICE and Slack. */
  private record Running(
      FakeIce ice, SlackApi slack, Bot bot, SlackCommands commands, int port, Path db)
      implements AutoCloseable {
    static Running start(Path dir) throws Exception {
      Path db = dir.resolve("bot.db");
      Rig.baseline(dir, db);
      FakeIce ice = new FakeIce();
      SlackApi slack = new SlackApi();
      Rig.publishBaseline(ice);
      int port = Rig.freePort();
      Bot bot = new Bot(dir, Rig.config(db, ice, slack, port, "PT1H"), Rig.slackEnv()).start();
      SlackCommands commands = new SlackCommands(port, slack);
      assertTrue(Rig.await(Duration.ofMinutes(1), commands::listening), bot.tail());
      return new Running(ice, slack, bot, commands, port, db);
    }

    @Override
    public void close() throws IOException {
      bot.close();
      slack.close();
      ice.close();
    }
  }
}
