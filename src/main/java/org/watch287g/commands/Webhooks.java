package org.watch287g.commands;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.ChannelRef;

/**
 * The port through which webhooks are registered and found (implemented in {@code store}). A
 * webhook is a destination of platform {@link #PLATFORM}: it has its own channel, subscriptions and
 * outbox rows, so that matching, retries and exactly-once delivery are the same as for a Slack or
 * Discord channel; this port adds where it posts and with which secret.
 */
public interface Webhooks {

  /** The platform name of webhook destinations, as in {@link ChannelRef#platform()}. */
  String PLATFORM = "webhook";

  /** The workspace of the webhooks the operator lists in the config file. */
  String CONFIGURED = "config";

  /**
   * The destination of the webhook a chat channel registers: one per channel, named after it, so
   * registering again replaces it.
   */
  static ChannelRef mirrorOf(ChannelRef owner) {
    return new ChannelRef(PLATFORM, owner.platform() + "." + owner.workspace(), owner.channel());
  }

  /** The webhook registered in this chat channel, if any. */
  Optional<Webhook> ownedBy(ChannelRef owner);

  /** The webhook a destination stands for, if it is still registered. */
  Optional<Webhook> at(ChannelRef destination);

  /**
   * Registers {@code url} for a chat channel, replacing its webhook if it had one: from now on the
   * webhook hears what the channel hears (the places it follows and its options, now and as they
   * change), and a webhook paused after failures is resumed.
   *
   * @param by the user who asked, recorded; null if unknown
   */
  Webhook register(ChannelRef owner, URI url, String secret, Instant at, @Nullable String by);

  /**
   * Removes a chat channel's webhook; its alerts not yet sent are given up.
   *
   * @return false if the channel had none
   */
  boolean remove(ChannelRef owner);

  /**
   * A registered webhook.
   *
   * @param destination its channel of platform {@link #PLATFORM}
   * @param url where it posts: https, checked by {@link WebhookUrl}
   * @param secret the HMAC-SHA256 key its requests are signed with
   */
  record Webhook(ChannelRef destination, URI url, String secret) {
    public Webhook {
      Objects.requireNonNull(url, "url");
      if (!destination.platform().equals(PLATFORM)) {
        throw new IllegalArgumentException("not a webhook destination: " + destination);
      }
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("a webhook needs a secret");
      }
    }

    /** Never the secret: a webhook may be logged. */
    @Override
    public String toString() {
      return destination + " -> " + url.getScheme() + "://" + url.getHost();
    }
  }
}
