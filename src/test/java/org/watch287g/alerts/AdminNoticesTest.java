package org.watch287g.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.testing.FakeClock;
import org.watch287g.testing.RecordingDeliverer;

/** Who hears of what: the operator of the bot as a whole, each workspace of its own channels. */
class AdminNoticesTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-05-19T12:00:00Z"));
  private final RecordingDeliverer slack =
      new RecordingDeliverer("slack", new Deliverer.DigestBudget(25, 2900));
  private final ChannelRef operator = ChannelRef.admin("slack", "C0OPERATOR");
  private final List<String> log = new ArrayList<>();

  /** Workspace T0AAA has an installer and an admin channel; T0BBB has no one to tell. */
  private AdminNotices notices() {
    return new AdminNotices(
        List.of(new AdminNotices.Route(slack, operator)),
        channel ->
            channel.workspace().equals("T0AAA")
                ? List.of(
                    new AdminNotices.Route(slack, new ChannelRef("slack", "T0AAA", "C0ADMIN")),
                    new AdminNotices.Route(slack, new ChannelRef("slack", "T0AAA", "U0INSTALL")))
                : List.of(),
        log::add,
        AdminNotices.Limits.defaults(),
        clock);
  }

  private List<String> toldTo() {
    return slack.accepted().stream().map(a -> a.channel().channel()).collect(Collectors.toList());
  }

  @Test
  @DisplayName(
      "a paused channel is told to its own workspace's admin channel and installer, not to the"
          + " operator")
  void aWorkspacesChannelIsToldToThatWorkspace() {
    AdminNotices notices = notices();
    assertTrue(
        notices.tell(
            Notice.channelPaused(new ChannelRef("slack", "T0AAA", "C0AAA"), "channel_not_found")));
    assertEquals(List.of("C0ADMIN", "U0INSTALL"), toldTo());
    assertTrue(slack.accepted().get(0).text().contains("C0AAA"));
    assertTrue(log.get(0).contains("told to workspace T0AAA"), log.toString());
  }

  @Test
  @DisplayName(
      "a notice the platform cannot take yet (still connecting) is posted once the wait it asked"
          + " for is over")
  void aNoticeNotTakenYetIsTriedOnceMore() throws InterruptedException {
    slack.then(
        new DeliveryResult.RetryAfter(
            java.time.Duration.ofMillis(50), "not connected to the Discord gateway yet"));
    notices().tell(Notice.sourceFailing(3, "HTTP 503"));
    long end = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (toldTo().isEmpty() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertEquals(List.of("C0OPERATOR"), toldTo());
    assertTrue(log.stream().anyMatch(l -> l.contains("trying again")), log.toString());
  }

  @Test
  @DisplayName("a workspace with no one to tell, and the source failing, reach the operator")
  void whatNoWorkspaceCanFixReachesTheOperator() {
    AdminNotices notices = notices();
    notices.tell(Notice.channelPaused(new ChannelRef("slack", "T0BBB", "C0BBB"), "is_archived"));
    notices.tell(Notice.sourceFailing(3, "HTTP 503"));
    assertEquals(List.of("C0OPERATOR", "C0OPERATOR"), toldTo());
  }

  @Test
  @DisplayName("one workspace's flood of notices does not use up the operator's hourly share")
  void eachWorkspaceHasItsOwnHourlyShare() {
    AdminNotices notices = notices();
    for (int i = 0; i < 15; i++) {
      notices.tell(
          Notice.channelPaused(new ChannelRef("slack", "T0AAA", "C" + i), "channel_not_found"));
    }
    assertEquals(20, toldTo().size(), "10 notices an hour to the workspace's two places");
    assertTrue(notices.tell(Notice.sourceFailing(3, "HTTP 503")));
    assertEquals("C0OPERATOR", toldTo().get(20));
  }

  @Test
  @DisplayName(
      "once a day the operator hears how many notices went to workspaces, and nothing on a quiet"
          + " day")
  void theOperatorGetsADailySummary() {
    AdminNotices notices = notices();
    notices.tell(Notice.channelPaused(new ChannelRef("slack", "T0AAA", "C1"), "channel_not_found"));
    notices.tell(Notice.deadLettered(new ChannelRef("slack", "T0AAA", "C2"), 3, "msg_too_long"));
    assertFalse(notices.summarizeIfDue(), "not a day yet");
    clock.advance(Duration.ofHours(25));
    assertTrue(notices.summarizeIfDue());
    RecordingDeliverer.Accepted summary = slack.accepted().get(slack.accepted().size() - 1);
    assertEquals(operator, summary.channel());
    assertTrue(summary.text().contains("2 notices"), summary.text());
    assertTrue(summary.text().contains("1 workspace"), summary.text());
    clock.advance(Duration.ofHours(25));
    assertFalse(notices.summarizeIfDue(), "nothing told to workspaces since");
  }
}
