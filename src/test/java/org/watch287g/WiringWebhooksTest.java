package org.watch287g;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigException;
import org.watch287g.config.ConfigLoader;
import org.watch287g.dataset.UsState;
import org.watch287g.store.Database;
import org.watch287g.store.SubscriptionRepository;

/** The operator's webhooks, as the config file lists them, at the bot's start. */
class WiringWebhooksTest {
  @TempDir Path dir;

  @Test
  @DisplayName(
      "the config file's webhooks follow the places written there, and one taken out of the file is"
          + " gone at the next start")
  void configuredWebhooksFollowTheirPlaces() {
    // Built, not started: the webhooks are registered before anything starts.
    new Wiring(config("[TX, \"Lee County, Florida\"]", "es"), Clock.systemUTC()).close();
    Subscription hook = stored().orElseThrow();
    assertEquals(Set.of(Target.state(UsState.TX), Target.county("12071")), hook.targets());
    assertEquals(Language.ES, hook.options().language());

    new Wiring(configWithout(), Clock.systemUTC()).close();
    assertTrue(stored().isEmpty());
  }

  @Test
  @DisplayName("a webhook place that is not exactly one county or state stops the start, naming it")
  void unclearPlacesStopTheStart() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new Wiring(config("[Springfield]", "en"), Clock.systemUTC()));

    assertTrue(e.getMessage().contains("\"Springfield\""), e.getMessage());
    assertTrue(e.getMessage().contains("coalition-site"), e.getMessage());
  }

  private java.util.Optional<Subscription> stored() {
    Database database = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2));
    try {
      return new SubscriptionRepository(database)
          .find(new ChannelRef("webhook", "config", "coalition-site"));
    } finally {
      database.close();
    }
  }

  private Config config(String places, String language) {
    return load(
        "webhooks:\n  endpoints:\n    - name: coalition-site\n"
            + "      url: https://coalition.example.org/hooks/287g\n"
            + "      secret: 0123456789abcdef0123\n"
            + "      places: "
            + places
            + "\n      language: "
            + language
            + "\n");
  }

  private Config configWithout() {
    return load("webhooks:\n  allowFromChat: true\n");
  }

  private Config load(String webhooks) {
    String yaml =
        "storage: {path: '" + dir.resolve("bot.db") + "'}\nadmin: {enabled: false}\n" + webhooks;
    return new ConfigLoader(Map.of()).parse(yaml, "test config");
  }
}
