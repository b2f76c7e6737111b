package org.watch287g.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.ChannelDirectory;
import org.watch287g.alerts.ChannelOptions;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Mention;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;
import org.watch287g.commands.ChannelSettings;
import org.watch287g.dataset.Model;

/** The {@code channel} and {@code subscription} tables: who follows what, and how. */
public final class SubscriptionRepository implements ChannelDirectory, ChannelSettings {
  private static final Pattern COMMA = Pattern.compile(",");
  private static final String KEY = "platform = ? AND workspace = ? AND channel = ?";

  private final Database database;

  public SubscriptionRepository(Database database) {
    this.database = database;
  }

  /**
   * Makes a channel follow a place (creating the channel with default options if new).
   *
   * @return false if it already followed it
   */
  @Override
  public boolean follow(ChannelRef channel, Target target, Instant at, @Nullable String by) {
    return database.transaction(
        c -> {
          ensureChannel(c, channel, at);
          resume(c, channel);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO subscription (platform, workspace, channel, target, created_at,"
                      + " created_by) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
            bindKey(s, channel);
            s.setString(4, target.code());
            s.setString(5, at.toString());
            Parameters.text(s, 6, by);
            boolean added = s.executeUpdate() == 1;
            WebhookRepository.mirrorFollow(c, channel, target, at, by);
            return added;
          }
        });
  }

  /**
   * Stops a channel following a place.
   *
   * @return false if it did not follow it
   */
  @Override
  public boolean unfollow(ChannelRef channel, Target target) {
    return database.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM subscription WHERE " + KEY + " AND target = ?")) {
            bindKey(s, channel);
            s.setString(4, target.code());
            boolean removed = s.executeUpdate() == 1;
            WebhookRepository.mirrorUnfollow(c, channel, target);
            return removed;
          }
        });
  }

  /**
   * Forgets a channel and all it follows (it was deleted, or the bot left its server); its pending
   * alerts are given up in the same transaction, since there is no one left to send them to.
   */
  public void forget(ChannelRef channel) {
    database.write(
        c -> {
          SqlOutbox.giveUp(
              c,
              KEY,
              SqlOutbox.CHANNEL_FORGOTTEN,
              channel.platform(),
              channel.workspace(),
              channel.channel());
          WebhookRepository.forgetMirrors(
              c, channel.platform(), channel.workspace(), channel.channel());
          try (PreparedStatement s = c.prepareStatement("DELETE FROM channel WHERE " + KEY)) {
            bindKey(s, channel);
            s.executeUpdate();
          }
        });
  }

  @Override
  public void pause(ChannelRef channel, String reason, Instant at) {
    database.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE channel SET paused_reason = ?, paused_at = ? WHERE " + KEY)) {
            s.setString(1, reason);
            s.setString(2, at.toString());
            s.setString(3, channel.platform());
            s.setString(4, channel.workspace());
            s.setString(5, channel.channel());
            s.executeUpdate();
          }
        });
  }

  /** Why a channel's alerts are on hold, if they are. */
  @Override
  public Optional<String> pausedReason(ChannelRef channel) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT paused_reason FROM channel WHERE " + KEY)) {
            bindKey(s, channel);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Subscribing again is how a person says "the bot can post here now". */
  private static void resume(Connection c, ChannelRef channel) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE channel SET paused_reason = NULL, paused_at = NULL WHERE " + KEY)) {
      bindKey(s, channel);
      s.executeUpdate();
    }
  }

  /** Sets a channel's options (creating the channel if new). */
  @Override
  public void setOptions(ChannelRef channel, ChannelOptions options, Instant at) {
    database.write(
        c -> {
          writeOptions(c, channel, options, at);
          WebhookRepository.mirrorOptions(c, channel, options);
        });
  }

  private static void writeOptions(
      Connection c, ChannelRef channel, ChannelOptions options, Instant at) throws SQLException {
    ensureChannel(c, channel, at);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE channel SET language = ?, include_pending = ?, models = ?,"
                + " digest_threshold = ?, note = ?, mention = ?"
                + " WHERE platform = ? AND workspace = ? AND channel = ?")) {
      s.setString(1, options.language().code());
      s.setInt(2, options.includePending() ? 1 : 0);
      s.setString(3, models(options.models()));
      s.setInt(4, options.digestThreshold());
      s.setString(5, options.note());
      s.setString(6, options.mention());
      s.setString(7, channel.platform());
      s.setString(8, channel.workspace());
      s.setString(9, channel.channel());
      s.executeUpdate();
    }
  }

  /**
   * Makes a channel follow exactly {@code targets}, hear as {@code options} say, and not be paused
   * (creating it if new): a webhook set up or set up again, within its caller's transaction.
   */
  void replace(
      Connection c,
      ChannelRef channel,
      Set<Target> targets,
      ChannelOptions options,
      Instant at,
      @Nullable String by)
      throws SQLException {
    writeOptions(c, channel, options, at);
    resume(c, channel);
    try (PreparedStatement s = c.prepareStatement("DELETE FROM subscription WHERE " + KEY)) {
      bindKey(s, channel);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO subscription (platform, workspace, channel, target, created_at,"
                + " created_by) VALUES (?,?,?,?,?,?)")) {
      for (Target target : targets) {
        bindKey(s, channel);
        s.setString(4, target.code());
        s.setString(5, at.toString());
        Parameters.text(s, 6, by);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** A channel's options, or the defaults for a channel never seen. */
  @Override
  public ChannelOptions options(ChannelRef channel) {
    return find(channel).map(Subscription::options).orElse(ChannelOptions.defaults());
  }

  /** A channel's subscription, if it has ever been set up. */
  @Override
  public Optional<Subscription> find(ChannelRef channel) {
    return database.read(c -> find(c, channel));
  }

  /** A channel's subscription within a transaction, if it has ever been set up. */
  Optional<Subscription> find(Connection c, ChannelRef channel) throws SQLException {
    return query(c, " WHERE c.platform = ? AND c.workspace = ? AND c.channel = ?", channel).stream()
        .findFirst();
  }

  /** Every channel with what it follows (channels following nothing included). */
  public List<Subscription> all() {
    return query("", null);
  }

  private List<Subscription> query(String where, @Nullable ChannelRef channel) {
    return database.read(c -> query(c, where, channel));
  }

  private List<Subscription> query(Connection c, String where, @Nullable ChannelRef channel)
      throws SQLException {
    Map<ChannelRef, ChannelOptions> options = new LinkedHashMap<>();
    Map<ChannelRef, Set<Target>> targets = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT c.platform, c.workspace, c.channel, c.language, c.include_pending,"
                + " c.models, c.digest_threshold, s.target, c.note, c.mention"
                + " FROM channel c"
                + " LEFT JOIN subscription s ON s.platform = c.platform"
                + " AND s.workspace = c.workspace AND s.channel = c.channel"
                + where
                + " ORDER BY "
                + database.dialect().creationOrder("c")
                + ", s.target")) {
      if (channel != null) {
        bindKey(s, channel);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ChannelRef ref = new ChannelRef(r.getString(1), r.getString(2), r.getString(3));
          options.computeIfAbsent(ref, k -> readOptions(r));
          Set<Target> set = targets.computeIfAbsent(ref, k -> new HashSet<>());
          String target = r.getString(8);
          if (target != null) {
            set.add(new Target(target));
          }
        }
      }
    }
    List<Subscription> subscriptions = new ArrayList<>();
    options.forEach(
        (ref, o) ->
            subscriptions.add(new Subscription(ref, targets.getOrDefault(ref, Set.of()), o)));
    return subscriptions;
  }

  private static ChannelOptions readOptions(ResultSet r) {
    try {
      Set<Model> models = EnumSet.noneOf(Model.class);
      for (String m : COMMA.split(r.getString(6), -1)) {
        if (!m.isBlank()) {
          models.add(Model.valueOf(m.trim()));
        }
      }
      return new ChannelOptions(
          Language.parse(r.getString(4)).orElse(Language.EN),
          r.getInt(5) != 0,
          models,
          r.getInt(7),
          r.getString(9),
          // A token written by another version is dropped rather than stop the channel's alerts.
          Mention.wellFormed(r.getString(10)) ? r.getString(10) : Mention.NONE);
    } catch (SQLException e) {
      throw new StorageException("cannot read a channel's options: " + e.getMessage(), e);
    }
  }

  private static void ensureChannel(Connection c, ChannelRef channel, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO channel (platform, workspace, channel, created_at) VALUES (?,?,?,?)"
                + " ON CONFLICT DO NOTHING")) {
      bindKey(s, channel);
      s.setString(4, at.toString());
      s.executeUpdate();
    }
  }

  private static void bindKey(PreparedStatement s, ChannelRef channel) throws SQLException {
    s.setString(1, channel.platform());
    s.setString(2, channel.workspace());
    s.setString(3, channel.channel());
  }

  static String models(Set<Model> models) {
    StringBuilder s = new StringBuilder();
    for (Model m : Model.values()) {
      if (models.contains(m)) {
        s.append(s.length() == 0 ? "" : ",").append(m.name());
      }
    }
    return s.toString();
  }

  /**
   * Forgets every channel of a Slack workspace or Discord guild, and all they follow (the bot was
   * removed from it); their subscriptions go with them (ON DELETE CASCADE), and their pending
   * alerts are given up in the same transaction: left pending, they would be retried forever.
   *
   * @return how many channels were forgotten
   */
  public int forgetWorkspace(String platform, String workspace) {
    return database.transaction(c -> forgetWorkspaceIn(c, platform, workspace));
  }

  /** {@link #forgetWorkspace} within a caller's transaction. */
  static int forgetWorkspaceIn(Connection c, String platform, String workspace)
      throws SQLException {
    SqlOutbox.giveUp(
        c, "platform = ? AND workspace = ?", SqlOutbox.WORKSPACE_FORGOTTEN, platform, workspace);
    WebhookRepository.forgetMirrors(c, platform, workspace, null);
    clearAdminChannel(c, platform, workspace);
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM channel WHERE platform = ? AND workspace = ?")) {
      s.setString(1, platform);
      s.setString(2, workspace);
      return s.executeUpdate();
    }
  }

  @Override
  public Optional<String> adminChannel(String platform, String workspace) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT channel FROM workspace_admin WHERE platform = ? AND workspace = ?")) {
            s.setString(1, platform);
            s.setString(2, workspace);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  @Override
  public void setAdminChannel(ChannelRef channel, Instant at, @Nullable String by) {
    database.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO workspace_admin (platform, workspace, channel, set_by, set_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, workspace) DO UPDATE SET"
                      + " channel = excluded.channel, set_by = excluded.set_by,"
                      + " set_at = excluded.set_at")) {
            s.setString(1, channel.platform());
            s.setString(2, channel.workspace());
            s.setString(3, channel.channel());
            s.setString(4, by);
            s.setLong(5, at.toEpochMilli());
            s.executeUpdate();
          }
        });
  }

  @Override
  public boolean clearAdminChannel(String platform, String workspace) {
    return database.transaction(c -> clearAdminChannel(c, platform, workspace));
  }

  private static boolean clearAdminChannel(Connection c, String platform, String workspace)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM workspace_admin WHERE platform = ? AND workspace = ?")) {
      s.setString(1, platform);
      s.setString(2, workspace);
      return s.executeUpdate() > 0;
    }
  }
}
