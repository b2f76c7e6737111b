package org.watch287g.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.ChannelOptions;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Mention;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;
import org.watch287g.commands.Webhooks;

/**
 * The {@code webhook} table, and every statement that keeps a webhook in step with the chat channel
 * it mirrors (run by {@link SubscriptionRepository} inside its own transactions, so the channel and
 * its webhook never disagree).
 *
 * <p>A webhook's destination is an ordinary channel of platform {@link Webhooks#PLATFORM}: the
 * matcher, the outbox and delivery need nothing else. Its digest threshold is the highest there is:
 * a program reads each alert, and only a burst of more than {@link
 * ChannelOptions#MAX_DIGEST_THRESHOLD} comes as digests. It never pings anyone: mentions belong to
 * a chat platform.
 */
public final class WebhookRepository implements Webhooks {
  private static final String OWNER =
      "owner_platform = ? AND owner_workspace = ? AND owner_channel = ?";

  /** The destinations mirroring the channel bound to parameters {@code from}..{@code from+2}. */
  private static final String MIRRORS =
      "EXISTS (SELECT 1 FROM webhook w WHERE w.workspace = %1$s.workspace"
          + " AND w.channel = %1$s.channel AND w.owner_platform = ? AND w.owner_workspace = ?"
          + " AND w.owner_channel = ?)";

  private final Database database;
  private final SubscriptionRepository subscriptions;

  public WebhookRepository(Database database, SubscriptionRepository subscriptions) {
    this.database = database;
    this.subscriptions = subscriptions;
  }

  @Override
  public Optional<Webhook> ownedBy(ChannelRef owner) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT workspace, channel, url, secret FROM webhook WHERE " + OWNER)) {
            bind(s, 1, owner);
            return one(s);
          }
        });
  }

  @Override
  public Optional<Webhook> at(ChannelRef destination) {
    if (!destination.platform().equals(PLATFORM)) {
      return Optional.empty();
    }
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT workspace, channel, url, secret FROM webhook"
                      + " WHERE workspace = ? AND channel = ?")) {
            s.setString(1, destination.workspace());
            s.setString(2, destination.channel());
            return one(s);
          }
        });
  }

  @Override
  public Webhook register(
      ChannelRef owner, URI url, String secret, Instant at, @Nullable String by) {
    ChannelRef destination = Webhooks.mirrorOf(owner);
    Webhook webhook = new Webhook(destination, url, secret);
    database.write(
        c -> {
          upsert(c, webhook, owner, at, by);
          // What the channel follows and how, copied now; kept in step from here on.
          Optional<Subscription> channel = subscriptions.find(c, owner);
          subscriptions.replace(
              c,
              destination,
              channel.map(Subscription::targets).orElse(Set.of()),
              forWebhook(channel.map(Subscription::options).orElse(ChannelOptions.defaults())),
              at,
              by);
        });
    return webhook;
  }

  /**
   * Makes the operator's webhooks those of the config file: each one's URL, secret, places and
   * options as written there (a paused one is resumed: the operator may have fixed it), and the
   * ones no longer listed removed, their unsent alerts given up.
   */
  public void configure(List<Configured> configured, Instant at) {
    database.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT channel FROM webhook WHERE workspace = ?")) {
            s.setString(1, CONFIGURED);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                String name = r.getString(1);
                if (configured.stream().noneMatch(w -> w.name().equals(name))) {
                  forget(c, new ChannelRef(PLATFORM, CONFIGURED, name));
                }
              }
            }
          }
          for (Configured w : configured) {
            ChannelRef destination = new ChannelRef(PLATFORM, CONFIGURED, w.name());
            upsert(c, new Webhook(destination, w.url(), w.secret()), null, at, null);
            subscriptions.replace(c, destination, w.targets(), forWebhook(w.options()), at, null);
          }
        });
  }

  /**
   * A webhook the operator lists in the config file.
   *
   * @param name its name there, which is its destination's channel
   * @param targets the places it follows
   */
  public record Configured(
      String name, URI url, String secret, Set<Target> targets, ChannelOptions options) {}

  @Override
  public boolean remove(ChannelRef owner) {
    return database.transaction(
        c -> {
          Optional<Webhook> webhook;
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT workspace, channel, url, secret FROM webhook WHERE " + OWNER)) {
            bind(s, 1, owner);
            webhook = one(s);
          }
          if (webhook.isPresent()) {
            forget(c, webhook.get().destination());
          }
          return webhook.isPresent();
        });
  }

  /** A channel's options as its webhook takes them: no digests under 100 alerts, no mention. */
  private static ChannelOptions forWebhook(ChannelOptions options) {
    return options
        .withDigestThreshold(ChannelOptions.MAX_DIGEST_THRESHOLD)
        .withMention(Mention.NONE);
  }

  private static void upsert(
      Connection c, Webhook webhook, @Nullable ChannelRef owner, Instant at, @Nullable String by)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO webhook (workspace, channel, url, secret, owner_platform, owner_workspace,"
                + " owner_channel, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (workspace, channel) DO UPDATE SET url = excluded.url,"
                + " secret = excluded.secret, created_at = excluded.created_at,"
                + " created_by = excluded.created_by")) {
      s.setString(1, webhook.destination().workspace());
      s.setString(2, webhook.destination().channel());
      s.setString(3, webhook.url().toString());
      s.setString(4, webhook.secret());
      Parameters.text(s, 5, owner == null ? null : owner.platform());
      Parameters.text(s, 6, owner == null ? null : owner.workspace());
      Parameters.text(s, 7, owner == null ? null : owner.channel());
      s.setString(8, at.toString());
      Parameters.text(s, 9, by);
      s.executeUpdate();
    }
  }

  /** Removes a webhook and its destination, giving up what it had not sent yet. */
  private static void forget(Connection c, ChannelRef destination) throws SQLException {
    SqlOutbox.giveUp(
        c,
        "platform = ? AND workspace = ? AND channel = ?",
        SqlOutbox.WEBHOOK_REMOVED,
        destination.platform(),
        destination.workspace(),
        destination.channel());
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM webhook WHERE workspace = ? AND channel = ?")) {
      s.setString(1, destination.workspace());
      s.setString(2, destination.channel());
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM channel WHERE platform = ? AND workspace = ? AND channel = ?")) {
      s.setString(1, destination.platform());
      s.setString(2, destination.workspace());
      s.setString(3, destination.channel());
      s.executeUpdate();
    }
  }

  /** The channel began following {@code target}: so does its webhook. */
  static void mirrorFollow(
      Connection c, ChannelRef owner, Target target, Instant at, @Nullable String by)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO subscription (platform, workspace, channel, target, created_at,"
                + " created_by) SELECT '"
                + PLATFORM
                + "', workspace, channel, ?, ?, ? FROM webhook WHERE "
                + OWNER
                + " ON CONFLICT DO NOTHING")) {
      s.setString(1, target.code());
      s.setString(2, at.toString());
      Parameters.text(s, 3, by);
      bind(s, 4, owner);
      s.executeUpdate();
    }
  }

  /** The channel stopped following {@code target}: so does its webhook. */
  static void mirrorUnfollow(Connection c, ChannelRef owner, Target target) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM subscription WHERE platform = '"
                + PLATFORM
                + "' AND target = ? AND "
                + String.format(MIRRORS, "subscription"))) {
      s.setString(1, target.code());
      bind(s, 2, owner);
      s.executeUpdate();
    }
  }

  /** The channel changed how it hears: its webhook hears the same way. */
  static void mirrorOptions(Connection c, ChannelRef owner, ChannelOptions options)
      throws SQLException {
    ChannelOptions mirrored = forWebhook(options);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE channel SET language = ?, include_pending = ?, models = ?, note = ?"
                + " WHERE platform = '"
                + PLATFORM
                + "' AND "
                + String.format(MIRRORS, "channel"))) {
      s.setString(1, mirrored.language().code());
      s.setInt(2, mirrored.includePending() ? 1 : 0);
      s.setString(3, SubscriptionRepository.models(mirrored.models()));
      s.setString(4, mirrored.note());
      bind(s, 5, owner);
      s.executeUpdate();
    }
  }

  /**
   * The channel (or with a null {@code channel}, every channel of the workspace) is being
   * forgotten: so are the webhooks it owns, since nobody could manage them any more.
   */
  static void forgetMirrors(
      Connection c, String platform, String workspace, @Nullable String channel)
      throws SQLException {
    List<ChannelRef> owned = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT workspace, channel FROM webhook WHERE owner_platform = ?"
                + " AND owner_workspace = ? AND (? IS NULL OR owner_channel = ?)")) {
      s.setString(1, platform);
      s.setString(2, workspace);
      Parameters.text(s, 3, channel);
      Parameters.text(s, 4, channel);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          owned.add(new ChannelRef(PLATFORM, r.getString(1), r.getString(2)));
        }
      }
    }
    for (ChannelRef destination : owned) {
      forget(c, destination);
    }
  }

  private static Optional<Webhook> one(PreparedStatement s) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new Webhook(
              new ChannelRef(PLATFORM, r.getString(1), r.getString(2)),
              URI.create(r.getString(3)),
              r.getString(4)));
    }
  }

  private static void bind(PreparedStatement s, int from, ChannelRef channel) throws SQLException {
    s.setString(from, channel.platform());
    s.setString(from + 1, channel.workspace());
    s.setString(from + 2, channel.channel());
  }
}
