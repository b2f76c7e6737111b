package org.watch287g.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.config.SlackConfig;
import org.watch287g.web.HttpAnswer;
import org.watch287g.web.HttpCall;
import org.watch287g.web.HttpRoute;

/**
 * "Add to Slack": {@code GET /slack/install} shows the button, with a new {@code state} that can be
 * used once within {@link #STATE_LIFETIME}; {@code GET /slack/oauth_redirect} is where Slack sends
 * the admin back with a {@code code}. The state is used up first (so a replayed or forged redirect
 * never reaches Slack), then the code is exchanged with {@code oauth.v2.access}, and the
 * workspace's installation stored (replacing an earlier one: the new token wins). Every failure is
 * a page that says what happened and what to do, and a log line that names neither code nor token.
 */
final class OAuthPages implements HttpRoute {
  static final String INSTALL = "/slack/install";
  static final String REDIRECT = "/slack/oauth_redirect";

  /** How long an install may take from the button to the redirect. */
  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  /**
   * Install pages handed out and not yet used, at most: each visit stores a state for 10 minutes,
   * so without a bound anyone could fill the database by reloading the page. A network's groups
   * install a few at a time; 500 within 10 minutes is far beyond that.
   */
  static final int MAX_INSTALLS_UNDER_WAY = 500;

  private static final Logger log = LoggerFactory.getLogger(OAuthPages.class);

  /** What Slack puts in a redirect: a code, a state, or an error; all short. */
  private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9._-]{1,256}");

  private static final String HTML = "text/html; charset=utf-8";
  private static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none';"
              + " frame-ancestors 'none'",
          "X-Content-Type-Options",
          "nosniff",
          // The redirect's address carries the code and the state: never sent on as a Referer.
          "Referrer-Policy",
          "no-referrer",
          "Cache-Control",
          "no-store");

  private final SlackConfig.Distribution config;
  private final InstallationStore store;
  private final Slack slack;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  OAuthPages(SlackConfig.Distribution config, InstallationStore store, Slack slack, Clock clock) {
    this.config = config;
    this.store = store;
    this.slack = slack;
    this.clock = clock;
  }

  @Override
  public int maxBody() {
    return 0;
  }

  @Override
  public Set<String> methods() {
    return Set.of("GET");
  }

  @Override
  public HttpAnswer answer(HttpCall call) {
    return call.path().equals(INSTALL) ? install() : redirect(query(call.query()));
  }

  private HttpAnswer install() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    if (!store.addState(state, now.plus(STATE_LIFETIME), now, MAX_INSTALLS_UNDER_WAY)) {
      log.warn(
          "refused a Slack install page: {} installs already under way in the last {} minutes",
          MAX_INSTALLS_UNDER_WAY,
          STATE_LIFETIME.toMinutes());
      return failure(
          429,
          "Too many installs are under way",
          "Try again in a few minutes. Nothing was installed.");
    }
    String link =
        config.authorizeUrl()
            + "?client_id="
            + encode(config.clientId())
            + "&scope="
            + encode(config.scopes())
            + "&redirect_uri="
            + encode(String.valueOf(config.redirectUri()))
            + "&state="
            + state;
    return page(
        200,
        new OAuthPage(
            "Add watch287g to your Slack",
            "watch287g posts an alert in your channels when ICE's 287(g) lists change for the"
                + " places they follow. Installing needs a workspace admin's approval; this link"
                + " works once, for the next 10 minutes.",
            link,
            List.of()));
  }

  private HttpAnswer redirect(Map<String, String> q) {
    String error = q.get("error");
    if (error != null) {
      log.info("Slack install not approved: {}", safe(error));
      return failure(
          200,
          "The install was cancelled",
          "Slack says the app was not approved (" + safe(error) + "). Nothing was installed.");
    }
    String state = q.get("state");
    String code = q.get("code");
    if (state == null
        || !TOKEN_LIKE.matcher(state).matches()
        || code == null
        || !TOKEN_LIKE.matcher(code).matches()) {
      log.info("refused a Slack install redirect: no valid code and state");
      return failure(400, "This is not a valid install link", "It lacks what Slack adds to it.");
    }
    if (!store.consumeState(state, clock.instant())) {
      log.info("refused a Slack install redirect: its state is unknown, used or expired");
      return failure(
          400,
          "This install link has expired or was already used",
          "Each link works once, within 10 minutes. Nothing was installed.");
    }
    OAuthV2AccessResponse r;
    try {
      r =
          slack
              .methods()
              .oauthV2Access(
                  req ->
                      req.clientId(config.clientId())
                          .clientSecret(config.clientSecret())
                          .code(code)
                          .redirectUri(String.valueOf(config.redirectUri())));
    } catch (SlackApiException e) {
      log.warn("Slack install failed: oauth.v2.access answered HTTP {}", e.getResponse().code());
      return failure(502, "Slack did not answer", "Slack could not finish the install.");
    } catch (IOException | RuntimeException e) {
      log.warn("Slack install failed: cannot reach Slack ({})", e.getClass().getSimpleName());
      return failure(502, "Slack did not answer", "Slack could not be reached.");
    }
    if (!r.isOk()) {
      String why = safe(r.getError());
      log.warn("Slack install failed: oauth.v2.access answered {}", why);
      return failure(
          400, "Slack refused the install", "Slack answered " + why + ". Nothing was installed.");
    }
    if (r.isEnterpriseInstall()
        || r.getTeam() == null
        || r.getAccessToken() == null
        || !"bot".equals(r.getTokenType())) {
      log.warn("Slack install refused: not a workspace's bot install");
      return failure(
          400,
          "This kind of install is not supported",
          "watch287g installs in one workspace at a time, not across an Enterprise Grid"
              + " organisation.");
    }
    Installation installation =
        new Installation(
            r.getTeam().getId(),
            String.valueOf(r.getAppId()),
            String.valueOf(r.getBotUserId()),
            r.getAccessToken(),
            r.getRefreshToken(),
            r.getExpiresIn() == null ? null : clock.millis() + r.getExpiresIn() * 1000L,
            r.getScope() == null ? "" : r.getScope(),
            r.getAuthedUser() == null ? "" : String.valueOf(r.getAuthedUser().getId()),
            clock.millis());
    boolean again = store.find(installation.team()).isPresent();
    store.save(installation);
    log.info(
        "Slack: workspace {} {} the app (by {})",
        installation.team(),
        again ? "installed again" : "installed",
        installation.installerUserId());
    String name = r.getTeam().getName() == null ? "your workspace" : r.getTeam().getName();
    return page(
        200,
        new OAuthPage(
            "watch287g is installed in " + name,
            "Now tell it what to watch, in any channel of " + name + ":",
            "",
            List.of(
                "Type /287g subscribe Texas (a state) or /287g subscribe Harris County, TX"
                    + " (a county) in the channel that should get the alerts.",
                "In a private channel, first type /invite @watch287g.",
                "Type /287g help to see everything else it does.")));
  }

  private HttpAnswer failure(int status, String title, String text) {
    return page(
        status,
        new OAuthPage(
            title,
            text,
            "",
            List.of("To try again, open " + INSTALL + " on this site for a new link.")));
  }

  private HttpAnswer page(int status, OAuthPage page) {
    StringOutput out = new StringOutput();
    templates.render("slack_oauth.jte", page, out);
    HttpAnswer answer =
        new HttpAnswer(status, HTML, out.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    for (Map.Entry<String, String> h : HEADERS.entrySet()) {
      answer = answer.with(h.getKey(), h.getValue());
    }
    return answer;
  }

  /** A short code from outside, fit for a page and a log line. */
  private static String safe(@org.jspecify.annotations.Nullable String code) {
    return code != null && TOKEN_LIKE.matcher(code).matches() ? code : "an unreadable error";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The query's parameters, first value of each; a malformed one is dropped. */
  static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw.length() > 4096) {
      return params;
    }
    for (String pair : raw.split("&", 20)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      try {
        params.putIfAbsent(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed %-escape: not from Slack
      }
    }
    return params;
  }
}
