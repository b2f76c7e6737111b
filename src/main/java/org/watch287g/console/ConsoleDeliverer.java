package org.watch287g.console;

import java.io.PrintStream;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Notice;

/**
 * The console platform: alerts printed as readable blocks, for trying the bot without Slack or
 * Discord and for {@code demo}. A terminal has no rate limit and no length limit, so every message
 * is sent.
 */
public final class ConsoleDeliverer implements Deliverer {
  public static final String PLATFORM = "console";

  private final PrintStream out;
  private final ConsoleText text = new ConsoleText();

  public ConsoleDeliverer(PrintStream out) {
    this.out = out;
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public DigestBudget digestBudget() {
    return new DigestBudget(100, 100_000);
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, AlertMessage alert) {
    return print(to(channel) + text.render(alert));
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, DigestPart digest) {
    return print(to(channel) + text.render(digest));
  }

  @Override
  public DeliveryResult deliver(ChannelRef adminChannel, Notice notice) {
    return print("⚠ " + notice.text());
  }

  /**
   * Names the channel when there are several (as in {@code demo}); the console's own needs none.
   */
  private static String to(ChannelRef channel) {
    return channel.equals(ChannelRef.console()) ? "" : "» #" + channel.channel() + "\n";
  }

  private DeliveryResult print(String block) {
    synchronized (out) {
      out.println(block);
      out.flush();
    }
    return out.checkError()
        ? new DeliveryResult.Failed("the console cannot be written to")
        : new DeliveryResult.Sent();
  }
}
