package org.watch287g.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  @DisplayName("with no config file the defaults run: ICE's page every ten minutes, console only")
  void noFileGivesTheDefaults() {
    Config config = new ConfigLoader(NO_ENV).load(null);

    assertEquals(
        URI.create("https://www.ice.gov/identify-and-arrest/287g"), config.source().pageUrl());
    assertEquals(Duration.ofMinutes(10), config.source().pollInterval());
    assertEquals(Path.of("watch287g.db"), config.storage().path());
    assertFalse(config.slack().enabled());
    assertFalse(config.discord().enabled());
    assertEquals(List.of("console (no Slack or Discord token set)"), config.platforms());
  }

  @Test
  @DisplayName("the platforms' own environment variables turn them on even without a file")
  void environmentTokensTurnPlatformsOn() {
    Config config =
        new ConfigLoader(
                Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-1",
                    "SLACK_SIGNING_SECRET", "s3cret",
                    "DISCORD_TOKEN", "d.token"))
            .load(null);

    assertEquals("xoxb-1", config.slack().botToken());
    assertEquals(List.of("Slack (HTTP)", "Discord"), config.platforms());
  }

  @Test
  @DisplayName("the acceptance kit's JSON config is read, with ${VAR} taken from the environment")
  void jsonConfigWithVariablesIsRead() {
    String json =
        "{\"storage\":{\"path\":\"/tmp/x/bot.db\"},"
            + "\"source\":{\"pageUrl\":\"http://127.0.0.1:8123/identify-and-arrest/287g\","
            + "\"pollInterval\":\"PT3S\"},"
            + "\"slack\":{\"botToken\":\"${SLACK_BOT_TOKEN}\","
            + "\"signingSecret\":\"${SLACK_SIGNING_SECRET}\","
            + "\"apiUrl\":\"http://127.0.0.1:8124/api/\",\"port\":8125,\"adminChannel\":\"C0ADMIN\"},"
            + "\"discord\":{\"token\":\"${DISCORD_TOKEN}\","
            + "\"apiUrl\":\"http://127.0.0.1:8126/api/v10/\","
            + "\"gatewayUrl\":\"ws://127.0.0.1:8126/gateway\"}}";

    Config config =
        new ConfigLoader(Map.of("SLACK_BOT_TOKEN", "xoxb-e2e-token", "SLACK_SIGNING_SECRET", "sig"))
            .parse(json, "config.yml");

    assertEquals(Path.of("/tmp/x/bot.db"), config.storage().path());
    assertEquals(Duration.ofSeconds(3), config.source().pollInterval());
    assertEquals(8125, config.slack().port());
    assertEquals("C0ADMIN", config.slack().adminChannel());
    assertTrue(config.slack().enabled());
    assertFalse(config.discord().enabled(), "an unset ${DISCORD_TOKEN} is empty: Discord is off");
    assertEquals(URI.create("ws://127.0.0.1:8126/gateway"), config.discord().gatewayUrl());
  }

  @Test
  @DisplayName("a variable with a fallback uses the fallback when unset")
  void variableFallback() {
    Config config =
        new ConfigLoader(NO_ENV).parse("storage:\n  path: ${DATA_DIR:-/data}/bot.db\n", "c.yml");

    assertEquals(Path.of("/data/bot.db"), config.storage().path());
  }

  @Test
  @DisplayName("a Slack token without its signing secret is a config error that says what to set")
  void halfConfiguredSlackIsAnError() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new ConfigLoader(Map.of("SLACK_BOT_TOKEN", "xoxb-1")).load(null));

    assertTrue(e.getMessage().startsWith("slack.signingSecret:"), e.getMessage());
    assertTrue(e.getMessage().contains("SLACK_SIGNING_SECRET"), e.getMessage());
  }

  @Test
  @DisplayName("Socket Mode needs no signing secret")
  void socketModeNeedsNoSigningSecret() {
    Config config =
        new ConfigLoader(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"))
            .load(null);

    assertEquals(List.of("Slack (Socket Mode)"), config.platforms());
  }

  @Test
  @DisplayName("a poll interval that is neither ISO-8601 nor 10m-style names the key and the fix")
  void badDurationNamesKeyAndFix() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new ConfigLoader(NO_ENV).parse("source:\n  pollInterval: ten\n", "c.yml"));

    assertEquals(
        "source.pollInterval: \"ten\" is not an ISO-8601 duration (write e.g. PT10M for ten"
            + " minutes, PT30S for thirty seconds, PT1H for an hour)",
        e.getMessage());
  }

  @Test
  @DisplayName("a poll interval written as 10m, 30s, 1h or 90m is read as well as PT10M")
  void shorthandDurationsAreRead() {
    Map<String, Duration> written =
        Map.of(
            "10m", Duration.ofMinutes(10),
            "30s", Duration.ofSeconds(30),
            "1h", Duration.ofHours(1),
            "90m", Duration.ofMinutes(90),
            "PT10M", Duration.ofMinutes(10),
            "pt1h", Duration.ofHours(1));
    written.forEach(
        (text, expected) ->
            assertEquals(
                expected,
                new ConfigLoader(NO_ENV)
                    .parse("source:\n  pollInterval: " + text + "\n", "c.yml")
                    .source()
                    .pollInterval(),
                text));
  }

  @Test
  @DisplayName("a 10m-style poll interval of zero is refused like PT0S")
  void shorthandZeroIsRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new ConfigLoader(NO_ENV).parse("source:\n  pollInterval: 0m\n", "c.yml"));

    assertTrue(
        e.getMessage().startsWith("source.pollInterval: must be longer than zero"), e.getMessage());
  }

  @Test
  @DisplayName(
      "a config path that is a directory says Compose made it and to create deploy/config.yml")
  void configDirectoryIsExplained(@TempDir Path dir) throws Exception {
    Path config = Files.createDirectory(dir.resolve("config.yml"));

    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader(NO_ENV).load(config));

    assertTrue(
        e.getMessage()
            .startsWith(
                "--config: "
                    + config
                    + " is a directory: Docker Compose creates one when the file is missing;"
                    + " create deploy/config.yml first"),
        e.getMessage());
  }

  @Test
  @DisplayName("a misspelt key is an error listing the keys that exist, not a silent default")
  void unknownKeyIsAnError() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new ConfigLoader(NO_ENV).parse("source:\n  polInterval: PT5M\n", "c.yml"));

    assertTrue(e.getMessage().startsWith("source.polInterval: unknown key"), e.getMessage());
    assertTrue(e.getMessage().contains("pollInterval"), e.getMessage());
  }

  @Test
  @DisplayName("an unknown section is an error")
  void unknownSectionIsAnError() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new ConfigLoader(NO_ENV).parse("sorce:\n  pageUrl: http://x/\n", "c.yml"));

    assertTrue(e.getMessage().startsWith("sorce: unknown section"), e.getMessage());
  }

  @Test
  @DisplayName("a page URL that is not http(s) is refused")
  void badUrlIsRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new ConfigLoader(NO_ENV).parse("source:\n  pageUrl: ftp://x/287g\n", "c.yml"));

    assertTrue(e.getMessage().startsWith("source.pageUrl:"), e.getMessage());
  }

  @Test
  @DisplayName("broken YAML is reported as such with the file name")
  void brokenYamlIsReported() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new ConfigLoader(NO_ENV).parse("source: [unclosed\n", "my.yml"));

    assertTrue(e.getMessage().startsWith("my.yml is not valid YAML"), e.getMessage());
  }

  @Test
  @DisplayName("a missing config file says so and how to start one")
  void missingFileIsReported(@TempDir Path dir) {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> new ConfigLoader(NO_ENV).load(dir.resolve("nope.yml")));

    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("config.example.yml"), e.getMessage());
  }

  @Test
  @DisplayName("subscribePermission takes members, admins or a list of user IDs")
  void subscribePermissionForms() {
    ConfigLoader loader =
        new ConfigLoader(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"));

    assertEquals(
        SlackConfig.SubscribePermission.Mode.ADMINS,
        loader
            .parse("slack:\n  subscribePermission: admins\n", "c")
            .slack()
            .subscribePermission()
            .mode());
    SlackConfig.SubscribePermission users =
        loader
            .parse("slack:\n  subscribePermission: [U012ABC, U034DEF]\n", "c")
            .slack()
            .subscribePermission();
    assertEquals(SlackConfig.SubscribePermission.Mode.USERS, users.mode());
    assertEquals(2, users.users().size());
    assertThrows(
        ConfigException.class,
        () -> loader.parse("slack:\n  subscribePermission: everyone\n", "c"));
  }

  @Test
  @DisplayName("the guard's removal share is read as 0.25 or 25%, and nonsense names the key")
  void maxRemovalShare() {
    ConfigLoader loader = new ConfigLoader(NO_ENV);

    assertEquals(0.20, loader.load(null).alerts().maxRemoval());
    assertEquals(0.25, loader.parse("alerts:\n  maxRemoval: 25%\n", "c").alerts().maxRemoval());
    assertEquals(0.5, loader.parse("alerts:\n  maxRemoval: 0.5\n", "c").alerts().maxRemoval());
    ConfigException e =
        assertThrows(ConfigException.class, () -> loader.parse("alerts:\n  maxRemoval: 2\n", "c"));
    assertTrue(e.getMessage().startsWith("alerts.maxRemoval:"), e.getMessage());
  }

  @Test
  @DisplayName(
      "the delivery lease is a minute unless set, from 30s to 2m, and one outside that names the"
          + " key and why")
  void deliveryLease() {
    ConfigLoader loader = new ConfigLoader(NO_ENV);

    assertEquals(Duration.ofSeconds(60), loader.load(null).alerts().deliveryLease());
    assertEquals(
        Duration.ofSeconds(30),
        loader.parse("alerts:\n  deliveryLease: 30s\n", "c").alerts().deliveryLease());
    assertEquals(
        Duration.ofMinutes(2),
        loader.parse("alerts:\n  deliveryLease: PT2M\n", "c").alerts().deliveryLease());
    for (String bad : new String[] {"10s", "5m"}) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> loader.parse("alerts:\n  deliveryLease: " + bad + "\n", "c"));
      assertTrue(e.getMessage().startsWith("alerts.deliveryLease:"), e.getMessage());
      assertTrue(e.getMessage().contains("from 30s to 2m"), e.getMessage());
    }
  }

  @Test
  @DisplayName(
      "the admin endpoint listens on loopback unless the environment or the file says otherwise")
  void adminAddressFromEnvironment() {
    assertEquals("127.0.0.1", new ConfigLoader(NO_ENV).load(null).admin().bindAddress());
    Map<String, String> container =
        Map.of("WATCH287G_ADMIN_BIND_ADDRESS", "0.0.0.0", "WATCH287G_ADMIN_PORT", "9300");

    AdminConfig fromEnv = new ConfigLoader(container).load(null).admin();
    AdminConfig fromFile =
        new ConfigLoader(container)
            .parse("admin:\n  bindAddress: 10.0.0.2\n  platformGrace: PT30S\n", "c.yml")
            .admin();

    assertEquals("0.0.0.0", fromEnv.bindAddress());
    assertEquals(9300, fromEnv.port());
    assertEquals(AdminConfig.DEFAULT_PLATFORM_GRACE, fromEnv.platformGrace());
    assertEquals("10.0.0.2", fromFile.bindAddress());
    assertEquals(java.time.Duration.ofSeconds(30), fromFile.platformGrace());
  }

  @Test
  @DisplayName(
      "an operator's webhook is read with its secret from the environment, and chat webhooks are"
          + " allowed unless turned off")
  void webhooksAreRead() {
    Config config =
        new ConfigLoader(Map.of("HOOK_SECRET", "0123456789abcdef0123"))
            .parse(
                """
                webhooks:
                  endpoints:
                    - name: coalition-site
                      url: https://coalition.example.org/hooks/287g
                      secret: ${HOOK_SECRET}
                      places: [TX, "Lee County, FL"]
                      language: es
                      pending: false
                """,
                "c.yml");

    WebhooksConfig.Endpoint hook = config.webhooks().endpoints().get(0);
    assertTrue(config.webhooks().allowFromChat());
    assertEquals("coalition-site", hook.name());
    assertEquals("0123456789abcdef0123", hook.secret());
    assertEquals(List.of("TX", "Lee County, FL"), hook.places());
    assertEquals("es", hook.language());
    assertTrue(!hook.pending());
    assertTrue(!hook.toString().contains(hook.secret()), "a webhook's secret is never printed");
    assertTrue(
        !new ConfigLoader(NO_ENV)
            .parse("webhooks:\n  allowFromChat: false\n", "c.yml")
            .webhooks()
            .allowFromChat());
  }

  @Test
  @DisplayName(
      "an operator's webhook to http, to a private address, with a short secret or with no places"
          + " stops the start, naming the key")
  void badWebhooksAreRefused() {
    String good = "      secret: 0123456789abcdef0123\n      places: [TX]\n";
    Map<String, String> cases =
        Map.of(
            "url: http://coalition.example.org/hook\n" + good,
            "webhooks.endpoints[0].url",
            "url: https://10.0.0.8/hook\n" + good,
            "webhooks.endpoints[0].url",
            "url: https://coalition.example.org/hook\n      secret: short\n      places: [TX]\n",
            "webhooks.endpoints[0].secret",
            "url: https://coalition.example.org/hook\n      secret: 0123456789abcdef0123\n",
            "webhooks.endpoints[0].places");
    cases.forEach(
        (yaml, key) -> {
          ConfigException e =
              assertThrows(
                  ConfigException.class,
                  () ->
                      new ConfigLoader(NO_ENV)
                          .parse("webhooks:\n  endpoints:\n    - name: a\n      " + yaml, "c.yml"));
          assertTrue(e.getMessage().startsWith(key), e.getMessage());
        });
  }

  @Test
  @DisplayName("config.example.yml, as shipped, loads and documents every key")
  void exampleConfigLoads() throws Exception {
    Path example = Path.of("config.example.yml");
    Config config = new ConfigLoader(NO_ENV).load(example);

    assertEquals(Duration.ofMinutes(10), config.source().pollInterval());
    String text = Files.readString(example);
    for (String key :
        List.of(
            "pageUrl",
            "pollInterval",
            "connectTimeout",
            "readTimeout",
            "maxPageBytes",
            "maxWorkbookBytes",
            "retries",
            "userAgent",
            "path",
            "busyTimeout",
            "botToken",
            "signingSecret",
            "appToken",
            "apiUrl",
            "port",
            "adminChannel",
            "subscribePermission",
            "token",
            "gatewayUrl",
            "shards",
            "shardRange",
            "allowFromChat",
            "endpoints")) {
      assertTrue(text.contains(key + ":"), "config.example.yml documents " + key);
    }
  }

  @Test
  @DisplayName(
      "Add to Slack without a key, or with a bad one, stops with one line saying how to make one")
  void addToSlackNeedsAKey() {
    Map<String, String> env =
        Map.of(
            "SLACK_CLIENT_ID", "1.2",
            "SLACK_CLIENT_SECRET", "s",
            "SLACK_SIGNING_SECRET", "x");
    String yaml = "web:\n  publicUrl: https://bot.example.org/\n";
    ConfigException missing =
        assertThrows(ConfigException.class, () -> new ConfigLoader(env).parse(yaml, "test"));
    assertTrue(missing.getMessage().startsWith("WATCH287G_SECRET_KEY:"), missing.getMessage());
    assertTrue(missing.getMessage().contains("openssl rand -base64 32"), missing.getMessage());
    java.util.HashMap<String, String> shortKey = new java.util.HashMap<>(env);
    shortKey.put("WATCH287G_SECRET_KEY", "c2hvcnQ=");
    ConfigException bad =
        assertThrows(ConfigException.class, () -> new ConfigLoader(shortKey).parse(yaml, "test"));
    assertTrue(bad.getMessage().contains("5 bytes"), bad.getMessage());
    assertFalse(bad.getMessage().contains("c2hvcnQ"), bad.getMessage());
    shortKey.put("WATCH287G_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    SlackConfig ok = new ConfigLoader(shortKey).parse(yaml, "test").slack();
    assertTrue(ok.multiWorkspace());
    assertEquals(
        URI.create("https://bot.example.org/slack/oauth_redirect"),
        ok.distribution().redirectUri());
    assertFalse(ok.distribution().toString().contains("MDEy"));
  }

  @Test
  @DisplayName(
      "Discord runs every shard it recommends unless discord.shards and discord.shardRange say"
          + " otherwise, from the file or the environment")
  void discordShardsAndTheirRange() {
    DiscordConfig defaults = new ConfigLoader(NO_ENV).load(null).discord();
    assertEquals(0, defaults.shards(), "0: the number Discord recommends");
    assertTrue(defaults.shardRange().all());

    DiscordConfig two =
        new ConfigLoader(NO_ENV)
            .parse("discord:\n  shards: 4\n  shardRange: 2-3\n", "test")
            .discord();
    assertEquals(4, two.shards());
    assertEquals(List.of(2, 3), two.shardRange().of(4));

    DiscordConfig fromEnvironment =
        new ConfigLoader(
                Map.of("WATCH287G_DISCORD_SHARDS", "2", "WATCH287G_DISCORD_SHARD_RANGE", "1"))
            .load(null)
            .discord();
    assertEquals(2, fromEnvironment.shards());
    assertEquals(List.of(1), fromEnvironment.shardRange().of(2));
  }

  @Test
  @DisplayName("a nonsense shard count or range names the key and what to write instead")
  void nonsenseShardsAreRefusedWithTheFix() {
    Map<String, String> cases =
        Map.of(
            "discord:\n  shards: -2\n",
            "discord.shards: \"-2\" is not a number of shards from 1 to 4096",
            "discord:\n  shards: 0\n",
            "discord.shards: \"0\" is not a number of shards",
            "discord:\n  shardRange: \"-1\"\n",
            "discord.shardRange: \"-1\" is not a range of shards",
            "discord:\n  shardRange: 3-1\n",
            "discord.shardRange: \"3-1\" ends before it starts",
            "discord:\n  shardRange: one\n",
            "discord.shardRange: \"one\" is not a range of shards",
            "discord:\n  shards: 2\n  shardRange: 0-2\n",
            "discord.shardRange: 0-2 names shards past discord.shards (2 shards are numbered 0 to"
                + " 1)");
    cases.forEach(
        (yaml, message) -> {
          ConfigException e =
              assertThrows(
                  ConfigException.class, () -> new ConfigLoader(NO_ENV).parse(yaml, "test"), yaml);
          assertTrue(e.getMessage().startsWith(message), e.getMessage());
        });
  }
}
