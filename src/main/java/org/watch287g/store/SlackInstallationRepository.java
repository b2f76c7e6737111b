package org.watch287g.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code slack_installation} and {@code slack_oauth_state} tables: which workspaces installed
 * the Slack app through "Add to Slack", with their tokens sealed by a {@link TokenCipher}, and the
 * single-use states of installs under way.
 */
public final class SlackInstallationRepository {
  private static final String COLUMNS =
      "team_id, app_id, bot_user_id, bot_token, bot_refresh_token, bot_token_expires_at, scopes,"
          + " installer_user_id, installed_at";

  /** The platform name of Slack's channels ({@code SlackDeliverer.PLATFORM}). */
  private static final String PLATFORM = "slack";

  private final Database database;
  private final TokenCipher cipher;

  public SlackInstallationRepository(Database database, TokenCipher cipher) {
    this.database = database;
    this.cipher = cipher;
  }

  /** Stores a workspace's installation, replacing any earlier one (a new install's token wins). */
  public void save(StoredInstallation i) {
    database.write(
        c -> {
          delete(c, i.team());
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO slack_installation (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)")) {
            s.setString(1, i.team());
            s.setString(2, i.appId());
            s.setString(3, i.botUserId());
            s.setString(4, cipher.seal(i.botToken(), place(i.team(), "bot_token")));
            Parameters.text(
                s,
                5,
                i.refreshToken() == null
                    ? null
                    : cipher.seal(i.refreshToken(), place(i.team(), "bot_refresh_token")));
            if (i.expiresAtMillis() == null) {
              s.setNull(6, Types.BIGINT);
            } else {
              s.setLong(6, i.expiresAtMillis());
            }
            s.setString(7, i.scopes());
            s.setString(8, i.installerUserId());
            s.setLong(9, i.installedAtMillis());
            s.executeUpdate();
          }
        });
  }

  /**
   * A workspace's installation, its tokens opened.
   *
   * @throws StorageException if they do not open with this key
   */
  public Optional<StoredInstallation> find(String team) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM slack_installation WHERE team_id = ?")) {
            s.setString(1, team);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
          }
        });
  }

  /** The installed workspaces' IDs. */
  public List<String> teams() {
    return database.read(
        c -> {
          List<String> teams = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement("SELECT team_id FROM slack_installation ORDER BY team_id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              teams.add(r.getString(1));
            }
          }
          return teams;
        });
  }

  /**
   * Opens one stored token, if any, to tell at start whether {@code WATCH287G_SECRET_KEY} is the
   * key they were stored with.
   *
   * @throws StorageException naming the fix, if it is not
   */
  public void checkKey() {
    List<String> teams = teams();
    if (!teams.isEmpty()) {
      find(teams.get(0));
    }
  }

  /**
   * Forgets a workspace in one transaction: its installation (tokens and all), its channels, their
   * subscriptions, and the alerts still waiting for them (given up, so never sent).
   *
   * @return whether it was installed
   */
  public boolean remove(String team) {
    return database.transaction(
        c -> {
          SubscriptionRepository.forgetWorkspaceIn(c, PLATFORM, team);
          return delete(c, team) > 0;
        });
  }

  private static int delete(Connection c, String team) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM slack_installation WHERE team_id = ?")) {
      s.setString(1, team);
      return s.executeUpdate();
    }
  }

  /**
   * Records a new install's state, valid until {@code until}, unless {@code limit} states are
   * already waiting; drops states already expired.
   *
   * @return whether it was recorded
   */
  public boolean addState(String state, Instant until, Instant now, int limit) {
    return database.transaction(
        c -> {
          try (PreparedStatement old =
              c.prepareStatement("DELETE FROM slack_oauth_state WHERE expires_at <= ?")) {
            old.setLong(1, now.toEpochMilli());
            old.executeUpdate();
          }
          try (PreparedStatement count =
                  c.prepareStatement("SELECT count(*) FROM slack_oauth_state");
              ResultSet r = count.executeQuery()) {
            if (r.next() && r.getLong(1) >= limit) {
              return false;
            }
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO slack_oauth_state (state, expires_at) VALUES (?,?)")) {
            s.setString(1, state);
            s.setLong(2, until.toEpochMilli());
            s.executeUpdate();
          }
          return true;
        });
  }

  /**
   * Uses a state up: true only the first time, and only before it expires. One conditional DELETE,
   * so two requests with one state cannot both succeed.
   */
  public boolean consumeState(String state, Instant now) {
    return database.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM slack_oauth_state WHERE state = ? AND expires_at > ?")) {
            s.setString(1, state);
            s.setLong(2, now.toEpochMilli());
            return s.executeUpdate() == 1;
          }
        });
  }

  private StoredInstallation row(ResultSet r) throws SQLException {
    String team = r.getString(1);
    String refresh = r.getString(5);
    long expires = r.getLong(6);
    @Nullable Long expiresAt = r.wasNull() ? null : expires;
    return new StoredInstallation(
        team,
        r.getString(2),
        r.getString(3),
        cipher.open(r.getString(4), place(team, "bot_token")),
        refresh == null ? null : cipher.open(refresh, place(team, "bot_refresh_token")),
        expiresAt,
        r.getString(7),
        r.getString(8),
        r.getLong(9));
  }

  /** What a sealed value is bound to: its table, column and row. */
  private static String place(String team, String column) {
    return "slack_installation." + column + "/" + team;
  }
}
