/**
 * What people ask the bot, on any platform: {@code /287g status harris tx}, {@code subscribe},
 * {@code unsubscribe}, {@code list}, {@code language}, the channel options ({@code pending}, {@code
 * models}, {@code digest}) and {@code help}.
 *
 * <p>{@link org.watch287g.commands.Verb} is the command specification every platform shares (the
 * words, what each takes, who may use it, its help). {@link org.watch287g.commands.CommandParser}
 * reads the text after {@code /287g} into a {@link org.watch287g.commands.Command}; {@link
 * org.watch287g.commands.CommandService} answers it with a platform-neutral {@link
 * org.watch287g.commands.Reply}, from local state only (latest good snapshots, stored events,
 * subscriptions), reached through the ports {@link org.watch287g.commands.PublishedLists} and
 * {@link org.watch287g.commands.ChannelSettings}. Platforms render replies; every reply can also
 * render itself as plain text for the console. Every word comes from the {@code i18n/messages}
 * bundles, in English or Spanish.
 */
@NullMarked
package org.watch287g.commands;

import org.jspecify.annotations.NullMarked;
