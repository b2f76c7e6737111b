package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.watch287g.alerts.ChannelOptions;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Target;
import org.watch287g.commands.Webhooks;
import org.watch287g.dataset.UsState;
import org.watch287g.testing.TestStores;

/** Webhooks in the store, on both databases: kept in step with their channel, and gone with it. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class WebhookRepositoryTest {
  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();

  static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  static final ChannelRef GUILD_CHANNEL = new ChannelRef("discord", "900", "901");
  static final URI URL = URI.create("https://hooks.example.org/287g");

  @TempDir Path dir;
  Database database;
  SubscriptionRepository subscriptions;
  WebhookRepository webhooks;

  @BeforeEach
  void open() {
    database = stores.open(kind, dir.resolve("bot.db"));
    subscriptions = new SubscriptionRepository(database);
    webhooks = new WebhookRepository(database, subscriptions);
  }

  @Test
  @DisplayName(
      "a webhook starts with what its channel follows and how, never pings anyone, and takes no"
          + " digest under 100 alerts")
  void aWebhookCopiesItsChannel() {
    subscriptions.follow(GUILD_CHANNEL, Target.state(UsState.LA), T0, "U1");
    subscriptions.setOptions(
        GUILD_CHANNEL,
        subscriptions
            .options(GUILD_CHANNEL)
            .withLanguage(Language.ES)
            .withMention("role:123456789012345678"),
        T0);

    Webhooks.Webhook hook = webhooks.register(GUILD_CHANNEL, URL, "whsec_x", T0, "U1");

    ChannelOptions options = subscriptions.options(hook.destination());
    assertEquals(
        Set.of(Target.state(UsState.LA)),
        subscriptions.find(hook.destination()).orElseThrow().targets());
    assertEquals(Language.ES, options.language());
    assertEquals("", options.mention());
    assertEquals(ChannelOptions.MAX_DIGEST_THRESHOLD, options.digestThreshold());
    assertEquals(hook, webhooks.at(hook.destination()).orElseThrow());
  }

  @Test
  @DisplayName("registering again replaces the URL and the secret, and resumes a paused webhook")
  void registeringAgainReplaces() {
    Webhooks.Webhook first = webhooks.register(GUILD_CHANNEL, URL, "whsec_old", T0, "U1");
    subscriptions.pause(first.destination(), "the webhook answered 410", T0);

    webhooks.register(
        GUILD_CHANNEL, URI.create("https://other.example.org/hook"), "whsec_new", T0, "U2");

    Webhooks.Webhook now = webhooks.ownedBy(GUILD_CHANNEL).orElseThrow();
    assertEquals("whsec_new", now.secret());
    assertEquals("other.example.org", now.url().getHost());
    assertTrue(subscriptions.pausedReason(first.destination()).isEmpty());
  }

  @Test
  @DisplayName("when the bot leaves a server, the webhooks its channels added go too")
  void leavingAServerForgetsItsWebhooks() {
    subscriptions.follow(GUILD_CHANNEL, Target.state(UsState.LA), T0, "U1");
    Webhooks.Webhook hook = webhooks.register(GUILD_CHANNEL, URL, "whsec_x", T0, "U1");

    subscriptions.forgetWorkspace("discord", "900");

    assertTrue(webhooks.ownedBy(GUILD_CHANNEL).isEmpty());
    assertTrue(subscriptions.find(hook.destination()).isEmpty());
    assertTrue(subscriptions.all().isEmpty());
  }

  @Test
  @DisplayName("the operator's webhooks are exactly the config file's, and never mirror a channel")
  void configuredWebhooks() {
    WebhookRepository.Configured a =
        new WebhookRepository.Configured(
            "a",
            URL,
            "0123456789abcdef",
            Set.of(Target.county("48201")),
            ChannelOptions.defaults());
    WebhookRepository.Configured b =
        new WebhookRepository.Configured(
            "b",
            URL,
            "0123456789abcdef",
            Set.of(Target.state(UsState.TX)),
            ChannelOptions.defaults());
    webhooks.configure(List.of(a, b), T0);
    webhooks.configure(List.of(b), T0);

    ChannelRef kept = new ChannelRef(Webhooks.PLATFORM, Webhooks.CONFIGURED, "b");
    assertEquals(List.of(kept), subscriptions.all().stream().map(s -> s.channel()).toList());
    assertTrue(webhooks.at(new ChannelRef(Webhooks.PLATFORM, Webhooks.CONFIGURED, "a")).isEmpty());
  }
}
