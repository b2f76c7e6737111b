/**
 * Settings: one record per section of {@code config.yml}, read by {@link
 * org.watch287g.config.ConfigLoader} with {@code ${ENV_VAR}} substitution. Every default lives in
 * the records, so a missing file runs the defaults; every invalid value fails at start with a
 * {@link org.watch287g.config.ConfigException} that names the key and the fix.
 */
@NullMarked
package org.watch287g.config;

import org.jspecify.annotations.NullMarked;
