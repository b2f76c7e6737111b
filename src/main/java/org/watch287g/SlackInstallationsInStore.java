package org.watch287g;

import java.time.Instant;
import java.util.Optional;
import org.watch287g.config.ConfigException;
import org.watch287g.config.ConfigLoader;
import org.watch287g.slack.Installation;
import org.watch287g.slack.InstallationStore;
import org.watch287g.store.Database;
import org.watch287g.store.SlackInstallationRepository;
import org.watch287g.store.StorageException;
import org.watch287g.store.StoredInstallation;
import org.watch287g.store.TokenCipher;

/**
 * Slack's installations in the bot's database: joins the Slack port to the store's repository, so
 * that neither knows the other (the platforms never see storage).
 */
final class SlackInstallationsInStore implements InstallationStore {
  private final SlackInstallationRepository rows;

  /**
   * Opens the installations with the key, and checks that the key opens what is stored.
   *
   * @throws ConfigException with one line saying what to do, when it does not
   */
  SlackInstallationsInStore(Database database, String secretKey) {
    this.rows = new SlackInstallationRepository(database, new TokenCipher(secretKey));
    try {
      rows.checkKey();
    } catch (StorageException e) {
      throw new ConfigException(
          ConfigLoader.SECRET_KEY,
          "does not open the Slack tokens stored in " + database.path(),
          "set it to the key they were stored with (or reinstall each workspace after deleting"
              + " the slack_installation rows)");
    }
  }

  @Override
  public void save(Installation i) {
    rows.save(
        new StoredInstallation(
            i.team(),
            i.appId(),
            i.botUserId(),
            i.botToken(),
            i.refreshToken(),
            i.expiresAtMillis(),
            i.scopes(),
            i.installerUserId(),
            i.installedAtMillis()));
  }

  @Override
  public Optional<Installation> find(String team) {
    return rows.find(team)
        .map(
            r ->
                new Installation(
                    r.team(),
                    r.appId(),
                    r.botUserId(),
                    r.botToken(),
                    r.refreshToken(),
                    r.expiresAtMillis(),
                    r.scopes(),
                    r.installerUserId(),
                    r.installedAtMillis()));
  }

  @Override
  public boolean remove(String team) {
    return rows.remove(team);
  }

  @Override
  public boolean addState(String state, Instant until, Instant now, int limit) {
    return rows.addState(state, until, now, limit);
  }

  @Override
  public boolean consumeState(String state, Instant now) {
    return rows.consumeState(state, now);
  }
}
