package org.watch287g.commands;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.ChannelRef;

/**
 * {@code /287g webhook <https URL>|off}: a channel's managers send the channel's alerts on to a URL
 * of theirs as signed JSON (their own site, an automation, a feed tool). The webhook hears what the
 * channel hears, as the channel's subscriptions change. Its secret is shown once, privately, to the
 * person who registered it; registering again makes a new one.
 */
final class WebhookCommand {
  /** 32 random bytes: as strong as the HMAC-SHA256 they key. */
  private static final int SECRET_BYTES = 32;

  private final @Nullable Webhooks webhooks;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  WebhookCommand(@Nullable Webhooks webhooks, Clock clock) {
    this.webhooks = webhooks;
    this.clock = clock;
  }

  Reply handle(Command command) {
    if (webhooks == null) {
      return Reply.Text.privately(Phrase.of("reply.webhook.disabled"));
    }
    ChannelRef channel = command.invoker().channel();
    String text = command.argument().strip();
    if (text.isEmpty()) {
      Optional<Webhooks.Webhook> current = webhooks.ownedBy(channel);
      return Reply.Text.privately(
          current.isEmpty()
              ? Phrase.of("reply.webhook.none")
              : Phrase.of("reply.webhook.current", shown(current.get().url())));
    }
    String word = text.toLowerCase(Locale.ROOT);
    if (word.equals("off") || word.equals("none") || word.equals("no")) {
      return webhooks.remove(channel)
          ? Reply.Text.shared(Phrase.of("reply.webhook.removed"))
          : Reply.Text.privately(Phrase.of("reply.webhook.none"));
    }
    WebhookUrl.Reading reading = WebhookUrl.read(text);
    if (reading instanceof WebhookUrl.Refused refused) {
      return new Reply.Invalid(Phrase.of(refused.problem().key()), Verb.WEBHOOK);
    }
    URI url = ((WebhookUrl.Accepted) reading).url();
    String secret = newSecret();
    webhooks.register(channel, url, secret, clock.instant(), command.invoker().user());
    return Reply.Text.privately(
        Phrase.of("reply.webhook.done", shown(url)),
        Phrase.of("reply.webhook.secret", secret),
        Phrase.of("reply.webhook.verify"));
  }

  /** The URL as replies show it: scheme, host and path; a query may hold the receiver's token. */
  static String shown(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    return url.getScheme() + "://" + url.getHost() + port + path;
  }

  private String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
