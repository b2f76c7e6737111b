package org.watch287g.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One section of the config file, read key by key. Each reader takes the key and its default,
 * substitutes {@code ${VAR}}, validates, and on failure throws a {@link ConfigException} naming
 * {@code section.key} and how to fix it. It remembers the keys it was asked for, so {@link
 * #rejectUnknownKeys} can catch typos.
 */
final class ConfigSection {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::-([^}]*))?}");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");
  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

  private final String name;
  private final JsonNode node;
  private final Map<String, String> environment;
  private final Set<String> known = new LinkedHashSet<>();

  ConfigSection(String name, JsonNode node, Map<String, String> environment) {
    this.name = name;
    this.node = node;
    this.environment = environment;
    if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
      throw new ConfigException(name, "must be a mapping of keys", "indent its keys under it");
    }
  }

  String text(String key, String fallback) {
    known.add(key);
    JsonNode value = node.path(key);
    String raw;
    if (value.isMissingNode() || value.isNull()) {
      raw = fallback;
    } else if (value.isValueNode()) {
      raw = value.asText();
    } else {
      throw error(key, "must be a single value", "write it on one line after the colon");
    }
    return substitute(raw).trim();
  }

  String nonEmptyText(String key, String fallback) {
    String value = text(key, fallback);
    if (value.isEmpty()) {
      throw error(key, "is empty", "remove the key to use the default, " + fallback);
    }
    return value;
  }

  Duration positiveDuration(String key, Duration fallback) {
    String value = text(key, fallback.toString());
    Duration duration;
    Matcher shorthand = SHORTHAND.matcher(value);
    if (shorthand.matches()) {
      duration = shorthand(Long.parseLong(shorthand.group(1)), shorthand.group(2));
    } else {
      try {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw error(
            key,
            "\"" + value + "\" is not an ISO-8601 duration",
            "write e.g. PT10M for ten minutes, PT30S for thirty seconds, PT1H for an hour");
      }
    }
    if (duration.isNegative() || duration.isZero()) {
      throw error(key, "must be longer than zero", "e.g. " + fallback);
    }
    return duration;
  }

  /** {@code 30s}, {@code 10m}, {@code 1h}, {@code 90m}: a whole number and one unit. */
  private static final Pattern SHORTHAND = Pattern.compile("([0-9]{1,9})\\s*([smhd])");

  private static Duration shorthand(long amount, String unit) {
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  long positiveLong(String key, long fallback) {
    String value = text(key, Long.toString(fallback));
    try {
      long parsed = Long.parseLong(value.replace("_", ""));
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw error(key, "\"" + value + "\" is not a positive whole number", "e.g. " + fallback);
  }

  /** A share above 0 and at most 1, written 0.2 or 20%. */
  double share(String key, double fallback) {
    String value = text(key, Double.toString(fallback));
    try {
      double parsed =
          value.endsWith("%")
              ? Double.parseDouble(value.substring(0, value.length() - 1).trim()) / 100
              : Double.parseDouble(value);
      if (parsed > 0 && parsed <= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw error(key, "\"" + value + "\" is not a share", "write e.g. 0.2 or 20% for a fifth");
  }

  boolean bool(String key, boolean fallback) {
    String value = text(key, Boolean.toString(fallback)).trim().toLowerCase(java.util.Locale.ROOT);
    return switch (value) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error(key, "\"" + value + "\" is not true or false", "");
    };
  }

  int integer(String key, int fallback, int min, int max) {
    return integer(key, Integer.toString(fallback), min, max);
  }

  /** A whole number whose default may name an environment variable, {@code ${VAR:-9287}}. */
  int integer(String key, String fallback, int min, int max) {
    String value = text(key, fallback);
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw error(key, "\"" + value + "\" is not a whole number from " + min + " to " + max, "");
  }

  URI httpUrl(String key, URI fallback) {
    return url(key, fallback, Set.of("http", "https"));
  }

  URI webSocketUrl(String key, URI fallback) {
    return url(key, fallback, Set.of("ws", "wss"));
  }

  private URI url(String key, URI fallback, Set<String> schemes) {
    String value = text(key, fallback.toString());
    try {
      URI uri = new URI(value);
      if (uri.getScheme() != null
          && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // fall through to the message below
    }
    throw error(
        key,
        "\"" + value + "\" is not a " + String.join(" or ", new TreeSet<>(schemes)) + " URL",
        "e.g. " + fallback);
  }

  SlackConfig.SubscribePermission subscribePermission(String key) {
    known.add(key);
    JsonNode value = node.path(key);
    Set<String> users = new LinkedHashSet<>();
    if (value.isArray()) {
      value.forEach(v -> users.add(substitute(v.asText()).trim()));
    } else {
      String text = text(key, "members").toLowerCase(Locale.ROOT);
      if (text.equals("members")) {
        return new SlackConfig.SubscribePermission(
            SlackConfig.SubscribePermission.Mode.MEMBERS, Set.of());
      }
      if (text.equals("admins")) {
        return new SlackConfig.SubscribePermission(
            SlackConfig.SubscribePermission.Mode.ADMINS, Set.of());
      }
      LIST_SEPARATOR.splitAsStream(text).forEach(part -> users.add(part.toUpperCase(Locale.ROOT)));
    }
    users.remove("");
    for (String user : users) {
      if (!USER_ID.matcher(user.toUpperCase(Locale.ROOT)).matches()) {
        throw error(
            key,
            "\"" + user + "\" is neither members, admins nor a Slack user ID",
            "write members, admins, or a list of user IDs like [U012ABCDEF]");
      }
    }
    return new SlackConfig.SubscribePermission(
        SlackConfig.SubscribePermission.Mode.USERS, Set.copyOf(users));
  }

  /** A list of mappings, each read as its own section ({@code webhooks.endpoints[0]}). */
  List<ConfigSection> sections(String key) {
    known.add(key);
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw error(key, "must be a list", "write each item on its own line starting with \"- \"");
    }
    List<ConfigSection> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(new ConfigSection(name + "." + key + "[" + i + "]", value.get(i), environment));
    }
    return items;
  }

  /** A list of single values, or one value with items separated by commas. */
  List<String> texts(String key) {
    known.add(key);
    JsonNode value = node.path(key);
    List<String> items = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isValueNode()) {
          throw error(key, "must be a list of single values", "write one value per item");
        }
        items.add(substitute(item.asText()).trim());
      }
    } else if (!value.isMissingNode() && !value.isNull()) {
      for (String item : COMMA.split(text(key, ""), -1)) {
        items.add(item.trim());
      }
    }
    items.removeIf(String::isEmpty);
    return items;
  }

  /** Fails reading {@code key} with what is wrong and how to fix it. */
  ConfigException invalid(String key, String problem, String fix) {
    return error(key, problem, fix);
  }

  void rejectUnknownKeys() {
    if (!node.isObject()) {
      return;
    }
    node.fieldNames()
        .forEachRemaining(
            field -> {
              if (!known.contains(field)) {
                throw error(field, "unknown key", "the keys of " + name + " are " + knownKeys());
              }
            });
  }

  private String knownKeys() {
    return String.join(", ", known);
  }

  private String substitute(String raw) {
    Matcher m = VARIABLE.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = environment.get(m.group(1));
      if (value == null || value.isEmpty()) {
        value = m.group(2) == null ? "" : m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private ConfigException error(String key, String problem, String fix) {
    return new ConfigException(name + "." + key, problem, fix.isEmpty() ? "check the value" : fix);
  }
}
