package org.watch287g.config;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Discord bot. Empty {@code token} turns Discord off.
 *
 * @param token the bot token ({@code DISCORD_TOKEN})
 * @param apiUrl the REST base URL
 * @param gatewayUrl the gateway WebSocket URL
 * @param adminChannel the channel ID for operator notices; empty for none
 * @param shards how many shards the bot has in all ({@code discord.shards}); 0 for the number
 *     Discord recommends ({@code GET /gateway/bot})
 * @param shardRange which of them this process runs ({@code discord.shardRange})
 */
public record DiscordConfig(
    String token,
    URI apiUrl,
    URI gatewayUrl,
    String adminChannel,
    int shards,
    ShardRange shardRange) {

  public static final URI DISCORD_API = URI.create("https://discord.com/api/v10/");
  public static final URI DISCORD_GATEWAY = URI.create("wss://gateway.discord.gg/");

  /** Discord's recommended shard count, every shard in this process: one bot, one process. */
  public DiscordConfig(String token, URI apiUrl, URI gatewayUrl, String adminChannel) {
    this(token, apiUrl, gatewayUrl, adminChannel, 0, ShardRange.ALL);
  }

  /** Whether Discord is on: a token is set. */
  public boolean enabled() {
    return !token.isEmpty();
  }

  /**
   * Shards {@code first} to {@code last}, both included, or {@link #ALL}.
   *
   * @param last the last shard, or -1 for every shard from {@code first} on
   */
  public record ShardRange(int first, int last) {
    /** Every shard, however many there are. */
    public static final ShardRange ALL = new ShardRange(0, -1);

    /** Whether this is every shard. */
    public boolean all() {
      return first == 0 && last == -1;
    }

    /** The shards of {@code total} this range names; shards past the total are not among them. */
    public List<Integer> of(int total) {
      int end = last < 0 ? total - 1 : Math.min(last, total - 1);
      return IntStream.rangeClosed(first, end).boxed().toList();
    }

    /** Whether every shard this range names exists when there are {@code total}. */
    public boolean fits(int total) {
      return first < total && last < total;
    }

    @Override
    public String toString() {
      return all() ? "all" : first == last ? Integer.toString(first) : first + "-" + last;
    }
  }
}
