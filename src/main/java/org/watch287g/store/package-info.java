/**
 * Persistence: one SQLite file ({@link org.watch287g.store.Database}: WAL, busy timeout, numbered
 * migrations from {@code db/migration} run by {@link org.watch287g.store.Migrations}), reached
 * through one small repository per table.
 *
 * <p>An edge: SQL lives only here, always parameterised. Callers never see a {@code Connection};
 * they pass lambdas to {@code read} or {@code transaction}, and a transaction either commits whole
 * or leaves nothing behind.
 */
@NullMarked
package org.watch287g.store;

import org.jspecify.annotations.NullMarked;
