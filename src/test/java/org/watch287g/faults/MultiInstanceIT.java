package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.dataset.UsState;
import org.watch287g.store.Database;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.FakeIce;
import org.watch287g.testing.Latency;
import org.watch287g.testing.TestPostgres;
import org.watch287g.watch.BundledSnapshots;

/**
 * Issue 20's fault suite: two and three bot processes (the packaged jar) on one fresh PostgreSQL
 * database, each reading its own fake ICE site (so a request names the instance that polled) and
 * all posting to one fake Slack, 400 ms away so that a fan-out to {@value #CHANNELS} channels is
 * seconds long. The leader is killed with SIGKILL mid-poll and mid-fan-out; PostgreSQL becomes
 * unreachable for 20 s (a {@link TcpProxy} in front of it, cut); the leader alone is partitioned
 * from it. Each publication must reach every channel exactly once: every outbox row ends sent, and
 * no outbox key is posted twice. Invariants, not timings: the fail-over times are printed as
 * figures. Fast form (in {@code mvn verify}): one kill of each kind; long form ({@code
 * -Dfaults.long=true}): ten leader kills mid-poll, each restarted, then one mid-fan-out.
 */
class MultiInstanceIT {
  private static final int CHANNELS = 200;

  /** The shortest lease the configuration allows: a dead instance's alerts go after 30 s. */
  private static final String LEASE = "30s";

  private static final Pattern OUTBOX_ROW = Pattern.compile("\"outbox_row\"\\s*:\\s*\"?(\\d+)");

  @TempDir Path dir;
  private @Nullable String database;
  private int round;

  @BeforeEach
  void database() {
    TestPostgres.assumeAvailable();
    database = TestPostgres.createDatabase("multi_instance");
  }

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      TestPostgres.dropDatabase(database);
    }
  }

  @Test
  @DisplayName(
      "three instances: the leader killed mid-poll, another polls and every channel is told once;"
          + " the leader killed mid-fan-out, the others send what it held after its lease, and no"
          + " channel is told twice")
  void leaderKilled() throws Exception {
    int tries = Rig.longForm() ? 10 : 1;
    prepare();
    try (SlackApi slack = new SlackApi().latency(Latency.ofMillis(400)).historyScope(true);
        Cluster cluster = new Cluster(slack, 3, false)) {
      cluster.startAll();
      List<Long> failovers = new ArrayList<>();
      int duplicatesBefore = 0;
      for (int t = 0; t < tries; t++) {
        Instance leader = cluster.leader();
        Map<String, Integer> before = slack.counts(c -> !c.equals(Rig.ADMIN));
        String tag = cluster.publishSlowly(round++);
        assertTrue(
            Rig.await(Duration.ofMinutes(1), () -> leader.readFile(tag)),
            "the leader fetches the publication\n" + leader.bot.tail());
        long killed = System.nanoTime();
        leader.bot.kill9();
        long firstPoll = cluster.firstPollAfter(killed, Duration.ofMinutes(1));
        assertTrue(
            firstPoll > 0, "another instance polls after the leader died\n" + cluster.tails());
        failovers.add(TimeUnit.NANOSECONDS.toMillis(firstPoll - killed));
        assertEachToldOnceMore(slack, before, cluster);
        duplicatesBefore = duplicates(slack);
        leader.bot.start();
        leader.awaitStarted();
      }

      // Mid-fan-out: the leader holds leases on alerts in flight when it dies.
      Instance leader = cluster.leader();
      Map<String, Integer> before = slack.counts(c -> !c.equals(Rig.ADMIN));
      cluster.publish(round++);
      String owner = "slack-" + leader.bot.pid() + "-%";
      assertTrue(
          Rig.await(Duration.ofMinutes(1), () -> leased(owner) >= 4),
          "the leader sends part of the fan-out\n" + cluster.tails());
      leader.bot.kill9();
      long heldByDead = leased(owner);
      assertEachToldOnceMore(slack, before, cluster);
      assertEquals(0, leased(owner), "nothing left leased to the dead instance");

      Map<String, Integer> told = slack.counts(c -> !c.equals(Rig.ADMIN));
      List<Long> sorted = failovers.stream().sorted().toList();
      System.out.printf(
          Locale.ROOT,
          "multi-instance faults: 3 instances, %d channels; fail-over (leader killed mid-poll to"
              + " first poll by another) over %d tries: min %d ms, median %d ms, max %d ms %s;"
              + " mid-fan-out kill left %d alerts leased to the dead instance; alerts lost 0,"
              + " duplicated %d; %d publications, %d posts%n",
          CHANNELS,
          sorted.size(),
          sorted.get(0),
          sorted.get(sorted.size() / 2),
          sorted.get(sorted.size() - 1),
          failovers,
          heldByDead,
          duplicatesBefore + duplicates(slack),
          round,
          told.values().stream().mapToInt(Integer::intValue).sum());
      assertTrue(heldByDead > 0, "the kill left alerts leased to the dead instance");
      assertEquals(0, duplicates(slack), "no outbox key posted twice");
    }
  }

  @Test
  @DisplayName(
      "two instances: PostgreSQL unreachable for 20 s mid-fan-out, then the leader alone cut off"
          + " from it: the other takes over polling, and every channel is told each publication"
          + " once")
  void databaseOutages() throws Exception {
    prepare();
    try (SlackApi slack = new SlackApi().latency(Latency.ofMillis(400)).historyScope(true);
        Cluster cluster = new Cluster(slack, 2, true)) {
      cluster.startAll();

      Map<String, Integer> before = slack.counts(c -> !c.equals(Rig.ADMIN));
      cluster.publish(round++);
      assertTrue(
          Rig.await(Duration.ofMinutes(1), () -> sentSince(slack, before) >= CHANNELS / 5),
          "the fan-out starts\n" + cluster.tails());
      for (Instance i : cluster.instances) {
        i.proxy().cut();
      }
      int atCut = sentSince(slack, before);
      Thread.sleep(20_000); // the outage itself
      for (Instance i : cluster.instances) {
        i.proxy().heal();
      }
      assertEachToldOnceMore(slack, before, cluster);
      for (Instance i : cluster.instances) {
        assertTrue(i.bot.alive(), i.name + " lived through the outage\n" + i.bot.tail());
      }
      System.out.printf(
          Locale.ROOT, "database outage: 20 s, cut at %d of %d channels told%n", atCut, CHANNELS);

      Instance leader = cluster.leader();
      Instance other =
          cluster.instances.stream().filter(i -> i != leader).findFirst().orElseThrow();
      Map<String, Integer> beforePartition = slack.counts(c -> !c.equals(Rig.ADMIN));
      long cut = System.nanoTime();
      leader.proxy().cut();
      cluster.publish(round++);
      assertTrue(
          Rig.await(Duration.ofMinutes(1), () -> other.pollsAfter(cut)),
          "the other instance takes over polling\n" + cluster.tails());
      long tookOver = TimeUnit.NANOSECONDS.toMillis(other.firstPollAfter(cut) - cut);
      assertTrue(
          Rig.await(
              Duration.ofMinutes(2), () -> eachToldSince(slack, beforePartition) && pending() == 0),
          "the other instance tells every channel while the leader is cut off\n" + cluster.tails());
      leader.proxy().heal();
      Thread.sleep(5_000); // the healed instance back: anything it would repeat comes now
      assertEachToldOnceMore(slack, beforePartition, cluster);
      assertTrue(leader.bot.alive(), "the partitioned instance lived\n" + leader.bot.tail());
      System.out.printf(
          Locale.ROOT,
          "leader partitioned from PostgreSQL: another polled %d ms after the cut; duplicated %d%n",
          tookOver,
          duplicates(slack));
    }
  }

  /** The baseline imported and {@value #CHANNELS} Slack channels following Louisiana. */
  private void prepare() throws IOException, InterruptedException {
    String url = url();
    Path part = dir.resolve("2025-05-16-participating.xlsx");
    Path pend = dir.resolve("2025-05-15-pending.xlsx");
    Files.write(part, BundledSnapshots.read(part.getFileName().toString()));
    Files.write(pend, BundledSnapshots.read(pend.getFileName().toString()));
    Path config = dir.resolve("import.yml");
    Files.writeString(config, "{\"storage\":{\"url\":\"" + url + "\"}}");
    Bot.Result r =
        Bot.command(dir, "import", part.toString(), pend.toString(), "--config", config.toString());
    if (r.status() != 0) {
      throw new AssertionError("import failed: " + r.output());
    }
    try (Database d = Database.openPostgres(TestPostgres.at(url), 2)) {
      SubscriptionRepository subs = new SubscriptionRepository(d);
      for (int i = 0; i < CHANNELS; i++) {
        subs.follow(
            new ChannelRef("slack", "T1", Rig.channel(i)),
            Target.state(UsState.LA),
            Instant.now(),
            "seed");
      }
    }
  }

  /**
   * Waits until every channel has been told of the latest publication (a post more than before),
   * every Slack outbox row is sent, and, a few seconds later (for anything still to come), that no
   * outbox key was posted twice.
   */
  private void assertEachToldOnceMore(SlackApi slack, Map<String, Integer> before, Cluster cluster)
      throws InterruptedException {
    assertTrue(
        Rig.await(Duration.ofMinutes(2), () -> eachToldSince(slack, before) && pending() == 0),
        "every channel told of publication "
            + round
            + " ("
            + sentSince(slack, before)
            + " of "
            + CHANNELS
            + ", "
            + pending()
            + " rows not sent)\n"
            + cluster.tails());
    Thread.sleep(3000);
    assertEquals(0, duplicates(slack), "outbox keys posted twice");
    assertEquals(0, pending(), "outbox rows not sent");
  }

  private static boolean eachToldSince(SlackApi slack, Map<String, Integer> before) {
    return sentSince(slack, before) >= CHANNELS;
  }

  /** How many channels got a post since {@code before}. */
  private static int sentSince(SlackApi slack, Map<String, Integer> before) {
    Map<String, Integer> now = slack.counts(c -> !c.equals(Rig.ADMIN));
    int n = 0;
    for (Map.Entry<String, Integer> e : now.entrySet()) {
      if (e.getValue() > before.getOrDefault(e.getKey(), 0)) {
        n++;
      }
    }
    return n;
  }

  /** Posts beyond the first of one outbox key (channel and row, from the message's metadata). */
  private static int duplicates(SlackApi slack) {
    Map<String, Integer> keys = new TreeMap<>();
    for (SlackApi.Post p : slack.posts(p -> !p.channel().equals(Rig.ADMIN))) {
      Matcher m = OUTBOX_ROW.matcher(p.metadata());
      if (!m.find()) {
        throw new AssertionError("an alert without its outbox row: " + p);
      }
      keys.merge(p.channel() + "/" + m.group(1), 1, Integer::sum);
    }
    return keys.values().stream().mapToInt(n -> n - 1).sum();
  }

  private long pending() {
    return count("SELECT count(*) FROM outbox WHERE platform = 'slack' AND status <> 'sent'", null);
  }

  /** Slack rows not yet sent and leased to this owner (a LIKE pattern). */
  private long leased(String owner) {
    return count(
        "SELECT count(*) FROM outbox WHERE status = 'pending' AND lease_owner LIKE ?", owner);
  }

  /**
   * One count, straight from the server (not through a proxy). A connection attempt that fails is
   * tried again for up to a minute: on a loaded machine the server may take longer to accept than
   * the driver waits, which says nothing about the bots.
   */
  private long count(String sql, @Nullable String parameter) {
    SQLException last = null;
    for (int attempt = 0; attempt < 12; attempt++) {
      try (Connection c = TestPostgres.at(url()).connect();
          PreparedStatement s = c.prepareStatement(sql)) {
        if (parameter != null) {
          s.setString(1, parameter);
        }
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? r.getLong(1) : 0;
        }
      } catch (SQLException e) {
        last = e;
        try {
          Thread.sleep(5_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new AssertionError("cannot count: " + (last == null ? "" : last.getMessage()), last);
  }

  private String url() {
    String url = database;
    if (url == null) {
      throw new IllegalStateException("no database");
    }
    return url;
  }

  /** The server the test database is on, for a proxy to forward to. */
  private InetSocketAddress server() {
    URI uri = URI.create(url().substring("jdbc:".length()));
    return new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
  }

  /** One bot process, its fake ICE site, and (when asked for) its own proxy to PostgreSQL. */
  private final class Instance implements AutoCloseable {
    final String name;
    final FakeIce ice;
    final Bot bot;
    private final @Nullable TcpProxy proxy;

    Instance(String name, SlackApi slack, boolean proxied) throws IOException {
      this.name = name;
      this.ice = new FakeIce();
      this.proxy = proxied ? new TcpProxy(server(), Duration.ofSeconds(11)) : null;
      String url =
          proxy == null
              ? url()
              : url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
      Path home = dir.resolve(name);
      Files.createDirectories(home);
      this.bot = new Bot(home, config(url, slack), Rig.slackEnv());
    }

    private String config(String url, SlackApi slack) throws IOException {
      return "{\"storage\":{\"url\":\""
          + url
          + "\"},\"source\":{\"pageUrl\":\""
          + ice.pageUrl()
          + "\",\"pollInterval\":\"PT1S\"},\"admin\":{\"enabled\":false},"
          + "\"slack\":{\"botToken\":\"${SLACK_BOT_TOKEN}\","
          + "\"signingSecret\":\"${SLACK_SIGNING_SECRET}\",\"apiUrl\":\""
          + slack.apiUrl()
          + "\",\"port\":"
          + Rig.freePort()
          + ",\"adminChannel\":\""
          + Rig.ADMIN
          + "\",\"historyPerMinute\":50},\"alerts\":{\"deliveryLease\":\""
          + LEASE
          + "\"}}";
    }

    TcpProxy proxy() {
      TcpProxy p = proxy;
      if (p == null) {
        throw new IllegalStateException(name + " has no proxy");
      }
      return p;
    }

    void awaitStarted() throws InterruptedException {
      assertTrue(
          Rig.await(
              Duration.ofMinutes(2),
              () -> bot.lastRun().contains("watch287g started") || !bot.alive()),
          name + " starts\n" + bot.tail());
      assertTrue(bot.alive(), name + " died starting\n" + bot.tail());
    }

    /** Whether this instance asked its ICE site for one of the workbooks of {@code tag}. */
    boolean readFile(String tag) {
      return ice.requests().stream().anyMatch(r -> r.contains(tag + ".xlsx"));
    }

    boolean pollsAfter(long nanos) {
      return firstPollAfter(nanos) > 0;
    }

    /** When this instance first read its ICE page after {@code nanos}; 0 if it has not. */
    long firstPollAfter(long nanos) {
      for (long read : ice.pageReads()) {
        if (read - nanos > 0) {
          return read;
        }
      }
      return 0;
    }

    @Override
    public void close() {
      bot.close();
      ice.close();
      if (proxy != null) {
        proxy.close();
      }
    }
  }

  /** The instances of one test, on one database and one Slack. */
  private final class Cluster implements AutoCloseable {
    final List<Instance> instances = new ArrayList<>();

    Cluster(SlackApi slack, int size, boolean proxied) throws IOException {
      for (int i = 0; i < size; i++) {
        instances.add(new Instance("bot" + (char) ('a' + i), slack, proxied));
      }
      for (Instance i : instances) {
        Rig.publishBaseline(i.ice);
      }
    }

    void startAll() throws IOException, InterruptedException {
      for (Instance i : instances) {
        i.bot.start();
      }
      for (Instance i : instances) {
        i.awaitStarted();
      }
      assertTrue(
          Rig.await(
              Duration.ofMinutes(1),
              () -> instances.stream().anyMatch(i -> Rig.firstPollDone(i.bot))),
          "one instance polls\n" + tails());
    }

    /**
     * The instance polling now: the one alive whose site was read last (only the leader reads it),
     * once it has read it again, so that a leader just taking over is the one found.
     */
    Instance leader() throws InterruptedException {
      long now = System.nanoTime();
      assertTrue(
          Rig.await(
              Duration.ofMinutes(1),
              () -> instances.stream().anyMatch(i -> i.bot.alive() && i.pollsAfter(now))),
          "an instance polls\n" + tails());
      Instance leader = null;
      long latest = 0;
      for (Instance i : instances) {
        List<Long> reads = i.ice.pageReads();
        if (!i.bot.alive() || reads.isEmpty()) {
          continue;
        }
        long last = reads.get(reads.size() - 1);
        if (leader == null || last - latest > 0) {
          leader = i;
          latest = last;
        }
      }
      if (leader == null) {
        throw new AssertionError("no instance polls\n" + tails());
      }
      return leader;
    }

    /** The first read of any site after {@code nanos} (by a live instance): 0 if none. */
    long firstPollAfter(long nanos, Duration within) throws InterruptedException {
      long[] first = {0};
      Rig.await(
          within,
          () -> {
            for (Instance i : instances) {
              long read = i.firstPollAfter(nanos);
              if (read != 0 && (first[0] == 0 || read - first[0] < 0)) {
                first[0] = read;
              }
            }
            return first[0] != 0;
          });
      return first[0];
    }

    /**
     * Publishes round {@code n} on every site: the 2025-05-19 lists (Beauregard Parish signs) in
     * even rounds, the baseline's again in odd ones (it ends), each under its own name.
     */
    String publish(int n) throws IOException {
      String tag = String.format(Locale.ROOT, "r%02d", n);
      byte[][] files = files(n);
      for (Instance i : instances) {
        i.ice.publish(tag, files[0], files[1]);
      }
      return tag;
    }

    /** As {@link #publish}, with workbooks that take 4 s to start coming: a poll is long. */
    String publishSlowly(int n) throws IOException {
      String tag = publish(n);
      byte[][] files = files(n);
      for (Instance i : instances) {
        i.ice.serve(
            "/doclib/about/offices/ero/287g/participatingAgencies" + tag + ".xlsx",
            slow(files[0], "\"p-" + tag + "\""));
        i.ice.serve(
            "/doclib/about/offices/ero/287g/pendingAgencies" + tag + ".xlsx",
            slow(files[1], "\"q-" + tag + "\""));
      }
      return tag;
    }

    private byte[][] files(int n) throws IOException {
      return n % 2 == 0
          ? new byte[][] {
            BundledSnapshots.read("2025-05-19-participating.xlsx"),
            BundledSnapshots.read("2025-05-19-pending.xlsx")
          }
          : new byte[][] {
            BundledSnapshots.read("2025-05-16-participating.xlsx"),
            BundledSnapshots.read("2025-05-15-pending.xlsx")
          };
    }

    private static MockResponse slow(byte[] bytes, String etag) {
      return new MockResponse.Builder()
          .code(200)
          .addHeader(
              "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .addHeader("ETag", etag)
          .headersDelay(4, TimeUnit.SECONDS)
          .body(new Buffer().write(bytes))
          .build();
    }

    String tails() {
      Map<String, String> all = new HashMap<>();
      for (Instance i : instances) {
        all.put(i.name, i.bot.tail());
      }
      StringBuilder b = new StringBuilder();
      all.forEach((k, v) -> b.append("----- ").append(k).append(" -----\n").append(v).append('\n'));
      return b.toString();
    }

    @Override
    public void close() {
      for (Instance i : instances) {
        i.close();
      }
    }
  }
}
