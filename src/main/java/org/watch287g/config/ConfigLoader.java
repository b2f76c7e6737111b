package org.watch287g.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.commands.WebhookUrl;

/**
 * Reads {@code config.yml} (any YAML, JSON included) into a {@link Config}.
 *
 * <p>Every key is optional: a missing file or key takes the default, and the defaults of the secret
 * keys are the platforms' own environment variables ({@code ${SLACK_BOT_TOKEN}}, ...), so a bot
 * with no file still picks up its tokens. {@code ${VAR}} anywhere in a value is replaced from the
 * environment ({@code ${VAR:-fallback}} gives a fallback); an unset variable is empty. Unknown keys
 * are errors, so a typo cannot silently fall back to a default.
 */
public final class ConfigLoader {
  private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);
  private static final Set<String> SECTIONS =
      Set.of("source", "storage", "slack", "discord", "alerts", "admin", "web", "webhooks");

  private final Map<String, String> environment;

  /**
   * The environment variable holding the key that encrypts workspaces' Slack tokens at rest: never
   * a key of the file, so that a copied config or database alone reveals no token.
   */
  public static final String SECRET_KEY = "WATCH287G_SECRET_KEY";

  /** A loader that substitutes from these environment variables. */
  public ConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Loads the file, or the defaults when {@code file} is null.
   *
   * @throws ConfigException naming the key and the fix when anything is invalid
   */
  public Config load(@Nullable Path file) {
    if (file == null) {
      return fromTree(MissingNode.getInstance());
    }
    if (Files.isDirectory(file)) {
      throw new ConfigException(
          "--config: "
              + file
              + " is a directory: Docker Compose creates one when the file is missing; create"
              + " deploy/config.yml first (or copy config.example.yml there), then remove the"
              + " directory");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "--config: " + file + " does not exist (copy config.example.yml to start one)");
    } catch (IOException e) {
      throw new ConfigException("--config: cannot read " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses YAML text; {@code origin} names it in messages. */
  public Config parse(String yaml, String origin) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JacksonException e) {
      throw new ConfigException(
          origin + " is not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return fromTree(MissingNode.getInstance());
    }
    if (!root.isObject()) {
      throw new ConfigException(origin + " must be a mapping of sections (source:, storage:, ...)");
    }
    Set<String> unknown = new LinkedHashSet<>();
    root.fieldNames().forEachRemaining(unknown::add);
    unknown.removeAll(SECTIONS);
    if (!unknown.isEmpty()) {
      String key = unknown.iterator().next();
      throw new ConfigException(key, "unknown section", "the sections are " + sorted(SECTIONS));
    }
    return fromTree(root);
  }

  private Config fromTree(JsonNode root) {
    // The web section first: Slack's OAuth redirect defaults to a path under web.publicUrl.
    WebConfig web = web(section(root, "web"));
    Config config =
        new Config(
            source(section(root, "source")),
            storage(section(root, "storage")),
            slack(section(root, "slack"), web.publicUrl()),
            discord(section(root, "discord")),
            alerts(section(root, "alerts")),
            admin(section(root, "admin")),
            web,
            webhooks(section(root, "webhooks")));
    if (config.source().pollInterval().toSeconds() < 60) {
      log.warn(
          "source.pollInterval is {}: under a minute is meant for tests and local fakes only",
          config.source().pollInterval());
    }
    return config;
  }

  private ConfigSection section(JsonNode root, String name) {
    return new ConfigSection(name, root.path(name), environment);
  }

  private static SourceConfig source(ConfigSection s) {
    SourceConfig d = SourceConfig.defaults();
    SourceConfig config =
        new SourceConfig(
            s.httpUrl("pageUrl", d.pageUrl()),
            s.positiveDuration("pollInterval", d.pollInterval()),
            s.positiveDuration("connectTimeout", d.connectTimeout()),
            s.positiveDuration("readTimeout", d.readTimeout()),
            s.positiveLong("maxPageBytes", d.maxPageBytes()),
            s.positiveLong("maxWorkbookBytes", d.maxWorkbookBytes()),
            s.integer("retries", d.retries(), 0, 10),
            s.text("userAgent", d.userAgent()));
    s.rejectUnknownKeys();
    return config;
  }

  private static StorageConfig storage(ConfigSection s) {
    StorageConfig d = StorageConfig.defaults();
    StorageConfig config =
        new StorageConfig(
            Path.of(s.nonEmptyText("path", d.path().toString())),
            s.positiveDuration("busyTimeout", d.busyTimeout()),
            s.text("url", "${WATCH287G_DB_URL}"),
            s.text("user", "${WATCH287G_DB_USER}"),
            s.text("password", "${WATCH287G_DB_PASSWORD}"),
            s.integer("poolSize", StorageConfig.DEFAULT_POOL_SIZE, 2, 100));
    s.rejectUnknownKeys();
    if (config.postgres() && !config.url().startsWith("jdbc:postgresql://")) {
      throw new ConfigException(
          "storage.url",
          "is not a PostgreSQL JDBC URL",
          "write jdbc:postgresql://host:5432/database, or leave it empty for SQLite");
    }
    return config;
  }

  private SlackConfig slack(ConfigSection s, @Nullable URI publicUrl) {
    String redirect = s.text("redirectUri", "");
    URI redirectUri =
        !redirect.isEmpty()
            ? s.httpUrl("redirectUri", SlackConfig.SLACK_AUTHORIZE)
            : publicUrl == null
                ? null
                : URI.create(publicUrl.toString().replaceAll("/+$", "") + "/slack/oauth_redirect");
    SlackConfig.Distribution distribution =
        new SlackConfig.Distribution(
            s.text("clientId", "${SLACK_CLIENT_ID}"),
            s.text("clientSecret", "${SLACK_CLIENT_SECRET}"),
            s.nonEmptyText("scopes", SlackConfig.DEFAULT_SCOPES),
            s.httpUrl("authorizeUrl", SlackConfig.SLACK_AUTHORIZE),
            redirectUri,
            environment.getOrDefault(SECRET_KEY, "").strip());
    SlackConfig config =
        new SlackConfig(
            s.text("botToken", "${SLACK_BOT_TOKEN}"),
            s.text("signingSecret", "${SLACK_SIGNING_SECRET}"),
            s.text("appToken", "${SLACK_APP_TOKEN}"),
            s.httpUrl("apiUrl", SlackConfig.SLACK_API),
            s.integer("port", 3000, 0, 65535),
            // SLACK_BIND_ADDRESS lets a container (the Dockerfile sets it) listen on every
            // interface without a config file.
            s.nonEmptyText("bindAddress", "${SLACK_BIND_ADDRESS:-" + SlackConfig.LOOPBACK + "}"),
            s.text("adminChannel", ""),
            s.subscribePermission("subscribePermission"),
            s.integer("historyPerMinute", SlackConfig.DEFAULT_HISTORY_PER_MINUTE, 0, 50),
            distribution);
    s.rejectUnknownKeys();
    if (config.multiWorkspace()) {
      checkDistribution(config);
      return config;
    }
    if (config.enabled() && config.signingSecret().isEmpty() && !config.socketMode()) {
      throw new ConfigException(
          "slack.signingSecret",
          "empty while slack.botToken is set, so Slack's requests could not be verified",
          "set SLACK_SIGNING_SECRET from your app's Basic Information page, or SLACK_APP_TOKEN"
              + " for Socket Mode, or unset SLACK_BOT_TOKEN to turn Slack off");
    }
    if (!config.enabled() && (!config.signingSecret().isEmpty() || config.socketMode())) {
      throw new ConfigException(
          "slack.botToken",
          "empty while the other Slack secrets are set",
          "set SLACK_BOT_TOKEN to the app's xoxb- token, or unset SLACK_SIGNING_SECRET and"
              + " SLACK_APP_TOKEN to turn Slack off");
    }
    return config;
  }

  /** "Add to Slack" needs its secret, a way back from Slack, and a key for the tokens it gets. */
  private static void checkDistribution(SlackConfig config) {
    SlackConfig.Distribution d = config.distribution();
    if (d.clientSecret().isEmpty()) {
      throw new ConfigException(
          "slack.clientSecret",
          "empty while slack.clientId is set",
          "set SLACK_CLIENT_SECRET from your app's Basic Information page");
    }
    if (config.signingSecret().isEmpty()) {
      throw new ConfigException(
          "slack.signingSecret",
          "empty while slack.clientId is set, so Slack's requests could not be verified",
          "set SLACK_SIGNING_SECRET from your app's Basic Information page");
    }
    if (d.redirectUri() == null) {
      throw new ConfigException(
          "slack.redirectUri",
          "no address for Slack to send installers back to",
          "set web.publicUrl (the bot's public https address) or slack.redirectUri");
    }
    if (!config.botToken().isEmpty()) {
      throw new ConfigException(
          "slack.botToken",
          "set together with slack.clientId: each installed workspace brings its own token",
          "unset SLACK_BOT_TOKEN for \"Add to Slack\", or unset SLACK_CLIENT_ID for one workspace");
    }
    if (!config.adminChannel().isEmpty()) {
      // A channel ID alone does not say which workspace's token may post there.
      throw new ConfigException(
          "slack.adminChannel",
          "not supported with slack.clientId yet: operator notices go to the log (and to"
              + " discord.adminChannel if set)",
          "remove slack.adminChannel");
    }
    String key = d.secretKey();
    String make = "make one with: openssl rand -base64 32, and keep it with your backups";
    if (key.isEmpty()) {
      throw new ConfigException(
          SECRET_KEY, "not set, and Slack workspaces' tokens are kept encrypted with it", make);
    }
    byte[] bytes;
    try {
      bytes = java.util.Base64.getDecoder().decode(key);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SECRET_KEY, "is not base64", make);
    }
    if (bytes.length != 32) {
      throw new ConfigException(
          SECRET_KEY, "is " + bytes.length + " bytes, not the 32 of an AES-256 key", make);
    }
  }

  private static DiscordConfig discord(ConfigSection s) {
    DiscordConfig config =
        new DiscordConfig(
            s.text("token", "${DISCORD_TOKEN}"),
            s.httpUrl("apiUrl", DiscordConfig.DISCORD_API),
            s.webSocketUrl("gatewayUrl", DiscordConfig.DISCORD_GATEWAY),
            s.text("adminChannel", ""),
            shards(s),
            DiscordConfig.ShardRange.ALL);
    DiscordConfig.ShardRange range = shardRange(s);
    s.rejectUnknownKeys();
    if (config.shards() > 0 && !range.fits(config.shards())) {
      throw new ConfigException(
          "discord.shardRange",
          range
              + " names shards past discord.shards ("
              + config.shards()
              + " shards are numbered 0 to "
              + (config.shards() - 1)
              + ")",
          "name shards from 0 to " + (config.shards() - 1) + ", e.g. 0-" + (config.shards() - 1));
    }
    return new DiscordConfig(
        config.token(),
        config.apiUrl(),
        config.gatewayUrl(),
        config.adminChannel(),
        config.shards(),
        range);
  }

  /** The most shards Discord gives a bot (1,000 guilds each at most: far past any network). */
  static final int MAX_SHARDS = 4096;

  /**
   * {@code discord.shards}: empty for Discord's recommendation ({@code WATCH287G_DISCORD_SHARDS}
   * sets it without a config file, for the acceptance kit and containers).
   */
  private static int shards(ConfigSection s) {
    String value = s.text("shards", "${WATCH287G_DISCORD_SHARDS:-}");
    if (value.isEmpty()) {
      return 0;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1 && parsed <= MAX_SHARDS) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // the message below
    }
    throw s.invalid(
        "shards",
        "\"" + value + "\" is not a number of shards from 1 to " + MAX_SHARDS,
        "remove the key to run the number Discord recommends, or write e.g. shards: 2");
  }

  private static final Pattern RANGE = Pattern.compile("([0-9]{1,9})(?:\\s*-\\s*([0-9]{1,9}))?");

  /**
   * {@code discord.shardRange}: "0-1" or "3"; empty for every shard ({@code
   * WATCH287G_DISCORD_SHARD_RANGE} sets it without a config file).
   */
  private static DiscordConfig.ShardRange shardRange(ConfigSection s) {
    String value = s.text("shardRange", "${WATCH287G_DISCORD_SHARD_RANGE:-}");
    if (value.isEmpty() || value.equalsIgnoreCase("all")) {
      return DiscordConfig.ShardRange.ALL;
    }
    Matcher m = RANGE.matcher(value);
    String fix = "write the first and last shard this process runs, e.g. 0-1, or one shard, e.g. 2";
    if (!m.matches()) {
      throw s.invalid("shardRange", "\"" + value + "\" is not a range of shards", fix);
    }
    int first = Integer.parseInt(m.group(1));
    int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
    if (last < first) {
      throw s.invalid(
          "shardRange", "\"" + value + "\" ends before it starts", "write the lower shard first");
    }
    if (last >= MAX_SHARDS) {
      throw s.invalid("shardRange", "\"" + value + "\" names shards past " + (MAX_SHARDS - 1), fix);
    }
    return new DiscordConfig.ShardRange(first, last);
  }

  private static AlertsConfig alerts(ConfigSection s) {
    String toolkit = s.text("toolkit", "");
    AlertsConfig config =
        new AlertsConfig(
            toolkit.isEmpty() ? null : Path.of(toolkit),
            s.share("maxRemoval", AlertsConfig.DEFAULT_MAX_REMOVAL),
            s.integer("inFlight", AlertsConfig.DEFAULT_IN_FLIGHT, 1, AlertsConfig.MAX_IN_FLIGHT),
            deliveryLease(s));
    s.rejectUnknownKeys();
    return config;
  }

  private static Duration deliveryLease(ConfigSection s) {
    Duration lease = s.positiveDuration("deliveryLease", AlertsConfig.DEFAULT_DELIVERY_LEASE);
    if (lease.compareTo(AlertsConfig.MIN_DELIVERY_LEASE) < 0
        || lease.compareTo(AlertsConfig.MAX_DELIVERY_LEASE) > 0) {
      throw s.invalid(
          "deliveryLease",
          "must be from 30s to 2m, not " + lease.toSeconds() + " s",
          "shorter risks taking over a send still under way (a send may take 20 s); longer lets"
              + " Discord forget a crashed alert's nonce; the default is 60s");
    }
    return lease;
  }

  private static AdminConfig admin(ConfigSection s) {
    AdminConfig d = AdminConfig.defaults();
    AdminConfig config =
        new AdminConfig(
            s.bool("enabled", d.enabled()),
            // The Docker image sets WATCH287G_ADMIN_BIND_ADDRESS=0.0.0.0, so that a published
            // port reaches the endpoint; a key in the config file still wins.
            s.nonEmptyText(
                "bindAddress", "${WATCH287G_ADMIN_BIND_ADDRESS:-" + d.bindAddress() + "}"),
            s.integer("port", "${WATCH287G_ADMIN_PORT:-" + d.port() + "}", 1, 65535),
            s.positiveDuration("platformGrace", d.platformGrace()),
            s.text("password", "${WATCH287G_ADMIN_PASSWORD:-}"));
    s.rejectUnknownKeys();
    return config;
  }

  private static WebConfig web(ConfigSection s) {
    WebConfig d = WebConfig.defaults();
    String publicUrl = s.text("publicUrl", "");
    WebConfig config =
        new WebConfig(
            s.bool("enabled", d.enabled()),
            s.nonEmptyText("bindAddress", d.bindAddress()),
            s.integer("port", d.port(), 0, 65535),
            publicUrl.isEmpty() ? null : s.httpUrl("publicUrl", URI.create("https://example.org/")),
            s.integer("cacheSize", d.cacheSize(), 0, 100_000));
    s.rejectUnknownKeys();
    return config;
  }

  private static WebhooksConfig webhooks(ConfigSection s) {
    WebhooksConfig d = WebhooksConfig.defaults();
    boolean allowFromChat = s.bool("allowFromChat", d.allowFromChat());
    List<WebhooksConfig.Endpoint> endpoints = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigSection e : s.sections("endpoints")) {
      String name = e.nonEmptyText("name", "coalition-site");
      if (!WebhooksConfig.Endpoint.NAME.matcher(name).matches() || !names.add(name)) {
        throw e.invalid(
            "name",
            "\"" + name + "\" is not a unique name of letters, digits, dots and dashes",
            "e.g. name: coalition-site");
      }
      String url = e.nonEmptyText("url", "https://example.org/hooks/287g");
      if (!(WebhookUrl.read(url) instanceof WebhookUrl.Accepted accepted)) {
        throw e.invalid(
            "url",
            "is not an https URL on the public internet",
            "webhooks only post to https addresses that are not local, private or reserved");
      }
      String secret = e.text("secret", "");
      if (secret.length() < WebhooksConfig.Endpoint.MIN_SECRET) {
        throw e.invalid(
            "secret",
            "must be at least " + WebhooksConfig.Endpoint.MIN_SECRET + " characters",
            "e.g. secret: ${COALITION_WEBHOOK_SECRET}, set to the output of openssl rand -hex 32");
      }
      List<String> places = e.texts("places");
      if (places.isEmpty()) {
        throw e.invalid("places", "is empty", "list what it follows, e.g. places: [TX, 48201]");
      }
      String language = e.nonEmptyText("language", "en");
      if (!language.equals("en") && !language.equals("es")) {
        throw e.invalid("language", "must be en or es", "e.g. language: es");
      }
      endpoints.add(
          new WebhooksConfig.Endpoint(
              name, accepted.url(), secret, places, language, e.bool("pending", true)));
      e.rejectUnknownKeys();
    }
    s.rejectUnknownKeys();
    return new WebhooksConfig(allowFromChat, endpoints);
  }

  static String sorted(Set<String> names) {
    return String.join(", ", names.stream().sorted().map(n -> n.toLowerCase(Locale.ROOT)).toList());
  }
}
