package org.watch287g.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.methods.MethodsClient;
import com.slack.api.token_rotation.RefreshedToken;
import com.slack.api.token_rotation.TokenRotationException;
import com.slack.api.token_rotation.TokenRotator;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspaces that installed the app, over an {@link InstallationStore}: Bolt's {@link
 * InstallationService} (so that Bolt answers each workspace's commands with its own token), and
 * each workspace's Web API client for the deliverer.
 *
 * <p>Token rotation: a workspace whose token expires (the app turned rotation on) has it renewed
 * with {@code oauth.v2.access} ({@code grant_type=refresh_token}) {@link #RENEW_BEFORE} before it
 * expires, by whichever caller first needs it, under that workspace's lock: two callers never renew
 * one token twice (Slack would refuse the second refresh token). Bolt's own renewal, which has no
 * lock, never sees a token within its window, since this one renews earlier.
 */
final class Installations implements InstallationService, WorkspaceClients {
  private static final Logger log = LoggerFactory.getLogger(Installations.class);

  /** How long before its expiry a token is renewed. Bolt's own window is shorter. */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(30);

  private final InstallationStore store;
  private final Slack slack;
  private final TokenRotator rotator;
  private final Clock clock;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  /**
   * The app each workspace installed, as last read: Bolt looks the installation up ({@link
   * #findBot}) before any handler runs, so checking a request's app needs no second read. Never
   * stale in a way that matters: a workspace not installed is refused before the check, and a
   * workspace can only install this one app again.
   */
  private final ConcurrentMap<String, String> appIds = new ConcurrentHashMap<>();

  Installations(
      InstallationStore store, Slack slack, String clientId, String clientSecret, Clock clock) {
    this.store = store;
    this.slack = slack;
    this.rotator =
        new TokenRotator(slack.methods(), RENEW_BEFORE.toMillis(), clientId, clientSecret);
    this.clock = clock;
  }

  /** The store beneath, for states and removals. */
  InstallationStore store() {
    return store;
  }

  /**
   * A workspace's installation with a token good for at least {@link #RENEW_BEFORE} (renewed now if
   * need be); empty when it is not installed.
   *
   * @throws IllegalStateException when the token is due and cannot be renewed now
   */
  Optional<Installation> current(String team) {
    Optional<Installation> found = store.find(team);
    found.ifPresent(i -> appIds.put(team, i.appId()));
    if (found.isEmpty() || !due(found.get())) {
      return found;
    }
    synchronized (locks.computeIfAbsent(team, t -> new Object())) {
      // Another caller may have renewed it while this one waited.
      Optional<Installation> again = store.find(team);
      if (again.isEmpty() || !due(again.get())) {
        return again;
      }
      return Optional.of(renew(again.get()));
    }
  }

  /** The app {@code team} installed, from its last look-up; empty when it is not installed. */
  Optional<String> appId(String team) {
    String known = appIds.get(team);
    return known != null ? Optional.of(known) : current(team).map(Installation::appId);
  }

  private boolean due(Installation i) {
    Long expires = i.expiresAtMillis();
    return i.refreshToken() != null
        && expires != null
        && expires - RENEW_BEFORE.toMillis() <= clock.millis();
  }

  private Installation renew(Installation i) {
    try {
      Optional<RefreshedToken> r =
          rotator.performTokenRotation(
              t ->
                  t.accessToken(i.botToken())
                      .refreshToken(i.refreshToken())
                      .expiresAt(i.expiresAtMillis() == null ? 0 : i.expiresAtMillis()));
      if (r.isEmpty()) {
        return i;
      }
      RefreshedToken t = r.get();
      Installation renewed = i.renewed(t.getAccessToken(), t.getRefreshToken(), t.getExpiresAt());
      store.save(renewed);
      log.info("Slack: renewed workspace {}'s token", i.team());
      return renewed;
    } catch (TokenRotationException e) {
      // The message is Slack's error code; it never carries the token.
      throw new IllegalStateException(
          "cannot renew workspace " + i.team() + "'s token: " + e.getMessage(), e);
    }
  }

  @Override
  public @Nullable MethodsClient forTeam(String team) {
    return current(team).map(i -> slack.methods(i.botToken(), team)).orElse(null);
  }

  @Override
  public boolean isHistoricalDataEnabled() {
    return false;
  }

  @Override
  public void setHistoricalDataEnabled(boolean enabled) {
    // Only the latest installation of a workspace is kept.
  }

  /** Bolt's own OAuth flow is not used ({@link OAuthPages} is); kept for completeness. */
  @Override
  public void saveInstallerAndBot(Installer installer) {
    store.save(
        new Installation(
            installer.getTeamId(),
            installer.getAppId(),
            installer.getBotUserId(),
            installer.getBotAccessToken(),
            installer.getBotRefreshToken(),
            installer.getBotTokenExpiresAt(),
            installer.getBotScope() == null ? "" : installer.getBotScope(),
            installer.getInstallerUserId(),
            clock.millis()));
  }

  @Override
  public void deleteBot(Bot bot) {
    store.remove(bot.getTeamId());
  }

  @Override
  public void deleteInstaller(Installer installer) {
    store.remove(installer.getTeamId());
  }

  @Override
  public void deleteAll(@Nullable String enterpriseId, String teamId) {
    store.remove(teamId);
  }

  /** The workspace's bot for Bolt; null when it is not installed, which Bolt answers 401. */
  @Override
  public @Nullable Bot findBot(@Nullable String enterpriseId, @Nullable String teamId) {
    if (teamId == null) {
      return null;
    }
    Optional<Installation> found = current(teamId);
    if (found.isEmpty()) {
      log.info("Slack: a request from workspace {}, which has not installed the app", teamId);
      return null;
    }
    Installation i = found.get();
    DefaultBot bot = new DefaultBot();
    bot.setAppId(i.appId());
    bot.setTeamId(i.team());
    bot.setBotUserId(i.botUserId());
    bot.setBotAccessToken(i.botToken());
    bot.setBotRefreshToken(i.refreshToken());
    bot.setBotTokenExpiresAt(i.expiresAtMillis());
    bot.setBotScope(i.scopes());
    bot.setInstalledAt(i.installedAtMillis());
    return bot;
  }

  /** Bolt asks for an installer only for user tokens, which this app never asks for. */
  @Override
  public @Nullable Installer findInstaller(
      @Nullable String enterpriseId, @Nullable String teamId, @Nullable String userId) {
    return null;
  }
}
