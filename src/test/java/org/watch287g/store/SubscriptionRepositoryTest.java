package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
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
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.testing.TestStores;

@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class SubscriptionRepositoryTest {
  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();

  static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  static final ChannelRef LEE = new ChannelRef("slack", "T0001", "C0LEE");
  static final ChannelRef LA = new ChannelRef("discord", "900", "901");

  @TempDir Path dir;
  SubscriptionRepository subscriptions;

  @BeforeEach
  void open() {
    subscriptions = new SubscriptionRepository(stores.open(kind, dir.resolve("bot.db")));
  }

  @Test
  @DisplayName("a channel follows counties and states, once each, and keeps them across restarts")
  void followAndReopen() {
    assertTrue(subscriptions.follow(LEE, Target.county("12071"), T0, "U1"));
    assertFalse(subscriptions.follow(LEE, Target.county("12071"), T0, "U1"), "already followed");
    subscriptions.follow(LEE, Target.state(UsState.GA), T0, "U1");
    // Created later: channels come back in the order they were created.
    subscriptions.follow(LA, Target.state(UsState.LA), T0.plusSeconds(1), null);

    SubscriptionRepository reopened =
        new SubscriptionRepository(stores.open(kind, dir.resolve("bot.db")));
    List<Subscription> all = reopened.all();

    assertEquals(2, all.size());
    assertEquals(Set.of(Target.county("12071"), Target.state(UsState.GA)), all.get(0).targets());
    assertEquals(ChannelOptions.defaults(), all.get(0).options());
  }

  @Test
  @DisplayName("unfollowing removes one place and says whether it was followed")
  void unfollow() {
    subscriptions.follow(LEE, Target.county("12071"), T0, null);

    assertTrue(subscriptions.unfollow(LEE, Target.county("12071")));
    assertFalse(subscriptions.unfollow(LEE, Target.county("12071")));
    assertEquals(Set.of(), subscriptions.find(LEE).orElseThrow().targets());
  }

  @Test
  @DisplayName("a channel's language, pending, models and digest options are kept")
  void optionsAreKept() {
    ChannelOptions options =
        ChannelOptions.defaults()
            .withLanguage(Language.ES)
            .withIncludePending(false)
            .withModels(EnumSet.of(Model.JEM, Model.WSO))
            .withDigestThreshold(3);

    subscriptions.setOptions(LEE, options, T0);

    assertEquals(options, subscriptions.options(LEE));
    assertEquals(ChannelOptions.defaults(), subscriptions.options(LA), "never seen: defaults");
  }

  @Test
  @DisplayName("forgetting a channel removes everything it followed")
  void forget() {
    subscriptions.follow(LA, Target.state(UsState.LA), T0, null);

    subscriptions.forget(LA);

    assertTrue(subscriptions.all().isEmpty());
  }
}
