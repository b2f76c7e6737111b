/**
 * The commands of {@code java -jar watch287g.jar}: each parses its options with picocli, builds
 * what it needs through {@link org.watch287g.Wiring}, and prints for people (or JSON with {@code
 * --json}). Output for people goes to stdout; the log goes to stderr.
 */
@NullMarked
package org.watch287g.cli;

import org.jspecify.annotations.NullMarked;
