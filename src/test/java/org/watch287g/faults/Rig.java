package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.dataset.UsState;
import org.watch287g.store.Database;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;

/** What the fault tests share: the jar's configuration, a baseline, seeded channels, waiting. */
final class Rig {
  static final String TOKEN = "xoxb-faults-token";
  static final String SECRET = "faults-signing-secret";
  static final String ADMIN = "C0ADMIN";

  /** The long form: {@code -Dfaults.long=true}. */
  static boolean longForm() {
    return Boolean.getBoolean("faults.long");
  }

  private Rig() {}

  static Map<String, String> slackEnv() {
    return Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET);
  }

  /** A config for the jar: Slack over HTTP against the fake, the given ICE page, no admin port. */
  static String config(Path db, FakeIce ice, SlackApi slack, int slackPort, String pollInterval) {
    return "{\"storage\":{\"path\":\""
        + db
        + "\"},\"source\":{\"pageUrl\":\""
        + ice.pageUrl()
        + "\",\"pollInterval\":\""
        + pollInterval
        + "\"},\"admin\":{\"enabled\":false},"
        + "\"slack\":{\"botToken\":\"${SLACK_BOT_TOKEN}\","
        + "\"signingSecret\":\"${SLACK_SIGNING_SECRET}\",\"apiUrl\":\""
        + slack.apiUrl()
        + "\",\"port\":"
        + slackPort
        + ",\"adminChannel\":\""
        + ADMIN
        + "\"}}";
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Imports ICE's 2025-05-16 participating and 2025-05-15 pending lists with the jar's {@code
   * import}: the installation's baseline, which the 2025-05-19 publication changes (Beauregard
   * Parish, Louisiana, signs).
   */
  static void baseline(Path dir, Path db) throws IOException, InterruptedException {
    Path part = dir.resolve("2025-05-16-participating.xlsx");
    Path pend = dir.resolve("2025-05-15-pending.xlsx");
    Files.write(part, BundledSnapshots.read(part.getFileName().toString()));
    Files.write(pend, BundledSnapshots.read(pend.getFileName().toString()));
    Bot.Result r =
        Bot.command(dir, "import", part.toString(), pend.toString(), "--db", db.toString());
    if (r.status() != 0) {
      throw new AssertionError("import failed: " + r.output());
    }
  }

  /** Publishes 2025-05-19 on the fake ICE site. */
  static void publishNext(FakeIce ice) throws IOException {
    ice.publish(
        "05192025am",
        BundledSnapshots.read("2025-05-19-participating.xlsx"),
        BundledSnapshots.read("2025-05-19-pending.xlsx"));
  }

  /** Publishes 2025-05-16 / 2025-05-15 (the baseline's files) on the fake ICE site. */
  static void publishBaseline(FakeIce ice) throws IOException {
    ice.publish(
        "05162025am",
        BundledSnapshots.read("2025-05-16-participating.xlsx"),
        BundledSnapshots.read("2025-05-15-pending.xlsx"));
  }

  static String channel(int i) {
    return String.format("C%05d", i);
  }

  /** Subscribes Slack channels C00000.. to the whole of Louisiana, straight in the database. */
  static void seedLouisiana(Path db, int channels) {
    try (Database d = Database.open(db, Duration.ofSeconds(10))) {
      SubscriptionRepository subs = new SubscriptionRepository(d);
      for (int i = 0; i < channels; i++) {
        subs.follow(
            new ChannelRef("slack", "T1", channel(i)),
            Target.state(UsState.LA),
            Instant.now(),
            "seed");
      }
    }
  }

  /** Subscribes these Slack channels to the whole of Louisiana, straight in the database. */
  static void seedLouisiana(Path db, String... channels) {
    try (Database d = Database.open(db, Duration.ofSeconds(10))) {
      SubscriptionRepository subs = new SubscriptionRepository(d);
      for (String c : channels) {
        subs.follow(
            new ChannelRef("slack", "T1", c), Target.state(UsState.LA), Instant.now(), "seed");
      }
    }
  }

  /**
   * Whether the bot has finished starting: its first poll found the baseline unchanged. Slack
   * listens earlier, before the start's own writes (held alerts released) and the first poll's: a
   * fault put in then meets the start, not the running bot.
   */
  static boolean firstPollDone(Bot bot) {
    return bot.log().contains(" unchanged ");
  }

  /**
   * Asserts that each of the {@code channels} followers gets its alert, within two minutes, and
   * then (after two more seconds for any repeat to arrive) that none got it twice. Returns how many
   * channels were told.
   */
  static int assertEachToldOnce(SlackApi slack, int channels, Bot bot, String when)
      throws InterruptedException {
    assertTrue(
        await(Duration.ofMinutes(2), () -> slack.counts(c -> !c.equals(ADMIN)).size() >= channels),
        "every channel told " + when + "\n" + bot.tail());
    Thread.sleep(2000);
    Map<String, Integer> told = slack.counts(c -> !c.equals(ADMIN));
    assertTrue(told.values().stream().allMatch(n -> n == 1), told.toString());
    return told.size();
  }

  /** Waits (generously) until the condition holds; whether it did is for the caller to assert. */
  static boolean await(Duration within, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }

  /** The text of the first column of the first row of a query (e.g. a PRAGMA). */
  static String text(Path db, String sql) {
    try (Database d = Database.open(db, Duration.ofSeconds(10))) {
      return d.read(
          c -> {
            try (var s = c.createStatement();
                var r = s.executeQuery(sql)) {
              return r.next() ? String.valueOf(r.getString(1)) : "";
            }
          });
    }
  }

  /** Counts rows with one SQL query on the database file (a short read, beside the bot). */
  static long count(Path db, String sql) {
    try (Database d = Database.open(db, Duration.ofSeconds(10))) {
      return d.read(
          c -> {
            try (var s = c.createStatement();
                var r = s.executeQuery(sql)) {
              return r.next() ? r.getLong(1) : 0L;
            }
          });
    }
  }
}
