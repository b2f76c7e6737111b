package org.watch287g.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.source.UnreadablePublicationException;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;

/**
 * Feeds local publications through the same judge, diff, match and keep stages a poll uses, as if
 * ICE had published them: for {@code demo}, which replays ICE's history.
 */
public final class Replay {
  private final SpreadsheetParser parser;
  private final Ingest ingest;
  private final Clock clock;

  public Replay(SpreadsheetParser parser, Ingest ingest, Clock clock) {
    this.parser = parser;
    this.ingest = ingest;
    this.clock = clock;
  }

  /** What one publication did: changes found and alerts queued. */
  public record Result(int changes, int alerts, List<String> quarantined) {}

  /**
   * Keeps one publication (one or both lists, each a file) as a poll would.
   *
   * @param files each file's name and bytes
   * @throws UnreadablePublicationException if a file is not an ICE list; nothing is kept
   */
  public Result publish(Map<String, byte[]> files) throws UnreadablePublicationException {
    Instant now = clock.instant();
    List<SourceLedger.Arrival> fresh = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String name = file.getKey();
      Publication publication = parser.parse(file.getValue(), name);
      String hash = Provenance.sha256Of(file.getValue());
      Provenance provenance =
          new Provenance(Provenance.Origin.IMPORTED, name, publication.kind(), now, hash);
      SourceCursor cursor = new SourceCursor(publication.kind(), name, null, null, hash, now, now);
      fresh.add(new SourceLedger.Arrival(cursor, provenance, publication, name));
    }
    Ingest.Result result = ingest.keep(fresh, now);
    int alerts = result.found().stream().mapToInt(f -> f.channels().size()).sum();
    List<String> quarantined =
        result.kept().stream()
            .filter(k -> !k.good())
            .map(k -> k.judged().arrival().next().url() + ": " + k.judged().verdict().reason())
            .toList();
    return new Result(result.found().size(), alerts, quarantined);
  }
}
