package org.watch287g.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.watch287g.alerts.Language;
import org.watch287g.commands.CommandService;
import org.watch287g.commands.Invoker;
import org.watch287g.commands.MapImage;
import org.watch287g.commands.Reply;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Gazetteer;
import org.watch287g.maps.Outlines;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.PublishedRecords;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.SeededDatabase;

/**
 * Issue 16: {@code /287g map} for Texas, Alaska and the whole country, on the bundled lists. Cold
 * is each map's first ask in this JVM (Texas's also reads the outlines); warm is the same ask again
 * (the image cache); "new service" is an ask on a warmed JVM through a new CommandService, so that
 * neither the resolved lists nor the image are cached. Also the PNG sizes and the heap the outlines
 * hold, counted and measured.
 */
final class MapsSection {
  private static final String SECTION = "maps";
  private static final List<String> MAPS = List.of("TX", "AK", "");

  private MapsSection() {}

  static void run(Figures figures, boolean quick) throws Exception {
    Path dir = Files.createTempDirectory("bench-maps");
    Database db = SeededDatabase.create(dir.resolve("bot.db"));
    CountyQuery query = new CountyQuery(Gazetteer.bundled());
    CommandService service = service(db, query);
    service.respond("status TX", Invoker.console()); // the lists resolved, as a running bot has

    long before = usedHeap();
    long start = System.nanoTime();
    Outlines outlines = Outlines.bundled();
    double loadMs = (System.nanoTime() - start) / 1e6;
    long after = usedHeap();
    figures.context(SECTION, "outlines read", loadMs, "ms", "first use: gunzip + decode, once");
    figures.context(
        SECTION,
        "heap held by outlines (counted)",
        outlines.heapBytes() / 1024.0,
        "KiB",
        "arrays, strings and records summed by Outlines.heapBytes()");
    figures.context(
        SECTION,
        "heap held by outlines (measured)",
        (after - before) / 1024.0,
        "KiB",
        "used heap after GC, before and after the first read");

    for (String place : MAPS) {
      String name = place.isEmpty() ? "US" : place;
      start = System.nanoTime();
      MapImage image = image(service, place);
      double cold = (System.nanoTime() - start) / 1e6;
      figures.context(SECTION, name + " cold", cold, "ms", "first ask in this JVM: data + draw");
      figures.context(SECTION, name + " PNG", image.png().length / 1024.0, "KiB", "1000 x 680");
      List<Double> warm = new ArrayList<>();
      for (int i = 0; i < (quick ? 5 : 20); i++) {
        start = System.nanoTime();
        image(service, place);
        warm.add((System.nanoTime() - start) / 1e6);
      }
      figures.add(
          SECTION,
          name + " warm (median)",
          median(warm),
          "ms",
          "< 50 ms",
          median(warm) < 50,
          "same ask again: the image cache");
    }
    for (String place : MAPS) {
      String name = place.isEmpty() ? "US" : place;
      List<Double> fresh = new ArrayList<>();
      for (int i = 0; i < (quick ? 2 : 5); i++) {
        CommandService another = service(db, query);
        start = System.nanoTime();
        image(another, place);
        fresh.add((System.nanoTime() - start) / 1e6);
      }
      figures.add(
          SECTION,
          name + " new service (median)",
          median(fresh),
          "ms",
          "< 1500 ms",
          median(fresh) < 1500,
          "warmed JVM, nothing cached: lists resolved, data built, drawn, PNG encoded");
    }
  }

  private static MapImage image(CommandService service, String place) {
    Reply reply = service.respond("map " + place, Invoker.console()).reply();
    return reply.image(Language.EN).orElseThrow();
  }

  private static CommandService service(Database db, CountyQuery query) {
    return new CommandService(
        query,
        Gazetteer.bundled(),
        AgencyResolver.bundled(),
        new PublishedRecords(new SnapshotRepository(db), new EventStore(db)),
        new SubscriptionRepository(db),
        Clock.systemUTC());
  }

  @SuppressWarnings("SystemGc") // a measurement of retained heap needs a collection first
  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
