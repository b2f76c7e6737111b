package org.watch287g.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.watch287g.alerts.AdminNotices;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.ChannelOptions;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.DeliveryWorker;
import org.watch287g.alerts.Matcher;
import org.watch287g.alerts.RetryPolicy;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.config.ToolkitLoader;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.Coverage;
import org.watch287g.geo.Gazetteer;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SqlOutbox;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.RecordingDeliverer;
import org.watch287g.watch.BundledSnapshots;
import org.watch287g.watch.IngestMeasurement;

/**
 * Issue 4's figures, measured (a main, not a test: timings are never asserted). Run after {@code
 * mvn -q -DskipTests package test-compile}:
 *
 * <pre>java -cp target/watch287g.jar:target/test-classes org.watch287g.bench.PipelineMeasurements
 * </pre>
 *
 * Prints the pipeline time for the largest real pair, the fan-out of one statewide event to 10,000
 * channels through the real outbox and delivery workers (recording deliverers), and the duplicates
 * counted over 20 crashes forced between a platform's acceptance and the outbox mark.
 */
public final class PipelineMeasurements {
  private PipelineMeasurements() {}

  public static void main(String[] a) throws Exception {
    SpreadsheetParser parser = new SpreadsheetParser();
    byte[] newP = BundledSnapshots.read("2026-05-18-participating.xlsx");
    AgencyResolver resolver = AgencyResolver.bundled();
    Matcher matcher = new Matcher();
    Path dir = Files.createTempDirectory("m");
    // The pipeline is timed as ./bench ingest times it: parse, then Ingest.keep (guard,
    // diff, match, one commit), with a channel following each state.
    long[] t = new long[15];
    try (IngestMeasurement ingest = new IngestMeasurement(UsState.values().length)) {
      for (int i = 0; i < t.length; i++) {
        IngestMeasurement.Result result = ingest.once();
        t[i] = result.nanos();
        if (i == 0) {
          System.out.println("events " + result.events() + ", queued " + result.alertsQueued());
        }
      }
    }
    long[] warm = Arrays.copyOfRange(t, 5, t.length);
    Arrays.sort(warm);
    System.out.printf(
        "pipeline parse+guard+diff+match+commit, 2026-01-23 -> 2026-05-18: cold %.0f ms, warm"
            + " median %.0f ms (min %.0f, max %.0f)%n",
        t[0] / 1e6, warm[warm.length / 2] / 1e6, warm[0] / 1e6, warm[warm.length - 1] / 1e6);

    // fan-out: one statewide event to 10,000 channels
    Database db2 = Database.open(dir.resolve("f.db"), Duration.ofSeconds(5));
    SnapshotRepository s2 = new SnapshotRepository(db2);
    EventStore e2 = new EventStore(db2);
    SourceLedger l2 = new SourceLedger(db2, s2, e2);
    SqlOutbox o2 = new SqlOutbox(db2, e2);
    SubscriptionRepository sub2 = new SubscriptionRepository(db2);
    List<Subscription> many = new ArrayList<>();
    for (int i = 0; i < Integer.getInteger("n", 10000); i++)
      many.add(
          new Subscription(
              new ChannelRef(i % 2 == 0 ? "slack" : "discord", "W", "C" + i),
              Set.of(Target.state(UsState.FL)),
              ChannelOptions.defaults()));
    Publication p1 = parser.parse(newP, "p1");
    Agreement fhp =
        p1.agreements().stream()
            .filter(x -> x.agency().contains("Highway Patrol") && x.state() == UsState.FL)
            .findFirst()
            .orElseThrow();
    ChangeEvent ev =
        new ChangeEvent(
            ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, fhp, null, Set.of());
    long f0 = System.nanoTime();
    Coverage c = resolver.resolve(fhp);
    List<ChannelRef> to = matcher.channels(c, fhp.model(), ListKind.PARTICIPATING, many);
    long f1 = System.nanoTime();
    l2.keep(
        List.of(
            SourceLedger.Judged.good(
                new SourceLedger.Arrival(
                    new SourceCursor(
                        ListKind.PARTICIPATING, "p", null, null, "h", Instant.now(), Instant.now()),
                    new Provenance(
                        Provenance.Origin.FETCHED, "p", ListKind.PARTICIPATING, Instant.now(), "h"),
                    p1,
                    "d"))),
        List.of(new SourceLedger.Found(ev, c.predictedFips(), to)),
        Instant.now());
    long f2 = System.nanoTime();
    AlertComposer composer = new AlertComposer(Gazetteer.bundled(), new ToolkitLoader().bundled());
    RecordingDeliverer slack =
        new RecordingDeliverer("slack", new Deliverer.DigestBudget(25, 2900));
    RecordingDeliverer discord =
        new RecordingDeliverer("discord", new Deliverer.DigestBudget(25, 4000));
    DeliveryWorker ws =
        new DeliveryWorker(
            o2,
            slack,
            sub2,
            composer,
            RetryPolicy.defaults(),
            AdminNotices.logOnly(notice -> {}, Clock.systemUTC()),
            Clock.systemUTC());
    DeliveryWorker wd =
        new DeliveryWorker(
            o2,
            discord,
            sub2,
            composer,
            RetryPolicy.defaults(),
            AdminNotices.logOnly(notice -> {}, Clock.systemUTC()),
            Clock.systemUTC());
    boolean busy = true;
    while (busy) {
      // Both platforms get a round each time, as their loops run side by side.
      boolean slackBusy = !ws.deliverDue().idle();
      boolean discordBusy = !wd.deliverDue().idle();
      busy = slackBusy || discordBusy;
    }
    long f3 = System.nanoTime();
    System.out.printf(
        "fan-out to %d channels: match %.0f ms, commit %d outbox rows %.0f ms, deliver through the recording deliverers %.0f ms (%d + %d accepted, %.0f alerts/s)%n",
        to.size(),
        (f1 - f0) / 1e6,
        to.size(),
        (f2 - f1) / 1e6,
        (f3 - f2) / 1e6,
        slack.accepted().size(),
        discord.accepted().size(),
        to.size() / ((f3 - f2) / 1e9));

    // 20 forced crashes between acceptance and mark
    Database db3 = Database.open(dir.resolve("c.db"), Duration.ofSeconds(5));
    SnapshotRepository s3 = new SnapshotRepository(db3);
    EventStore e3 = new EventStore(db3);
    SourceLedger l3 = new SourceLedger(db3, s3, e3);
    SqlOutbox o3 = new SqlOutbox(db3, e3);
    SubscriptionRepository sub3 = new SubscriptionRepository(db3);
    List<SourceLedger.Found> fs = new ArrayList<>();
    List<Agreement> rows = p1.agreements();
    for (int i = 0; i < 2000; i++)
      fs.add(
          new SourceLedger.Found(
              new ChangeEvent(
                  ChangeEvent.Type.NEW_AGREEMENT,
                  ListKind.PARTICIPATING,
                  rows.get(i % rows.size()),
                  null,
                  Set.of()),
              "",
              List.of(new ChannelRef("slack", "W", "C" + (i % 500)))));
    l3.keep(
        List.of(
            SourceLedger.Judged.good(
                new SourceLedger.Arrival(
                    new SourceCursor(
                        ListKind.PARTICIPATING, "p", null, null, "h", Instant.now(), Instant.now()),
                    new Provenance(
                        Provenance.Origin.FETCHED, "p", ListKind.PARTICIPATING, Instant.now(), "h"),
                    p1,
                    "d"))),
        fs,
        Instant.now());
    RecordingDeliverer rec = new RecordingDeliverer("slack", new Deliverer.DigestBudget(25, 2900));
    Random rnd = new Random(287);
    int crashes = 0;
    while (crashes < 20) {
      if (o3.depth("slack") == 0) break;
      int skip = rnd.nextInt(80);
      for (int k = 0; k < skip; k++) rec.then(new DeliveryResult.Sent());
      rec.crashAfterAccepting();
      try {
        new DeliveryWorker(
                o3,
                rec,
                sub3,
                composer,
                RetryPolicy.defaults(),
                AdminNotices.logOnly(notice -> {}, Clock.systemUTC()),
                Clock.systemUTC())
            .deliverDue();
      } catch (RecordingDeliverer.Crash x) {
        crashes++;
      }
    }
    DeliveryWorker last =
        new DeliveryWorker(
            o3,
            rec,
            sub3,
            composer,
            RetryPolicy.defaults(),
            AdminNotices.logOnly(notice -> {}, Clock.systemUTC()),
            Clock.systemUTC());
    while (!last.deliverDue().idle()) {}
    List<String> texts = rec.accepted().stream().map(x -> x.channel() + "|" + x.text()).toList();
    long unique = texts.stream().distinct().count();
    System.out.printf(
        "%d forced crashes over 2000 alerts to 500 channels: %d accepted, %d unique, %d lost, %d duplicates%n",
        crashes, texts.size(), unique, 2000 - unique, texts.size() - unique);
  }
}
