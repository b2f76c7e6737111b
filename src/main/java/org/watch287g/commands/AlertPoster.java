package org.watch287g.commands;

import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.DeliveryResult;

/**
 * Posts one alert to a channel now, through its platform's {@link org.watch287g.alerts.Deliverer}:
 * what {@code /287g test} uses to show a channel's organizers that the bot can post there. Never
 * throws.
 */
@FunctionalInterface
public interface AlertPoster {
  DeliveryResult post(ChannelRef channel, AlertMessage alert);
}
