package org.watch287g.changes;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;

/**
 * Both of ICE's lists as they stood at one moment: what the {@link Differ} compares.
 *
 * <p>When only one list changed in a cycle, the caller passes the other list's latest good
 * publication on both sides. A list missing on either side (never fetched, or a diff of one list
 * only) is not diffed; a pending list missing before the change also means no request can be seen
 * to be signed.
 *
 * @param participating the signed agreements, or null when not known
 * @param pending the pending requests, or null when not known
 */
public record Lists(@Nullable Publication participating, @Nullable Publication pending) {

  public Lists {
    if (participating == null && pending == null) {
      throw new IllegalArgumentException("no list given");
    }
    requireKind(participating, ListKind.PARTICIPATING);
    requireKind(pending, ListKind.PENDING);
  }

  /** Both lists. */
  public static Lists of(Publication participating, @Nullable Publication pending) {
    return new Lists(Objects.requireNonNull(participating, "participating"), pending);
  }

  /** One list alone, placed by its shape. */
  public static Lists only(Publication publication) {
    return publication.kind() == ListKind.PARTICIPATING
        ? new Lists(publication, null)
        : new Lists(null, publication);
  }

  private static void requireKind(@Nullable Publication publication, ListKind kind) {
    if (publication != null && publication.kind() != kind) {
      throw new IllegalArgumentException(
          "a " + publication.kind().id() + " list given as the " + kind.id() + " list");
    }
  }
}
