/**
 * Reading ICE: {@link org.watch287g.source.SourceClient} finds the current workbook links on the
 * 287(g) page and downloads them (conditional GET, timeouts, size caps, retries); {@link
 * org.watch287g.source.SpreadsheetParser} turns the bytes of any era's XLSX or CSV into a {@link
 * org.watch287g.dataset.Publication}.
 *
 * <p>An edge: it may use OkHttp and fastexcel; the core never imports it. Expected failures (HTTP
 * errors, HTML instead of a workbook, a corrupt file) are reported as exceptions with one-line
 * messages, never as stack traces.
 */
@NullMarked
package org.watch287g.source;

import org.jspecify.annotations.NullMarked;
