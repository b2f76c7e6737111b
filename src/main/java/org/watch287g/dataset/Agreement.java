package org.watch287g.dataset;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of an ICE list: an agency's agreement (or request) for one 287(g) model.
 *
 * <p>Text is cleaned (trimmed, inner whitespace collapsed) but otherwise kept as ICE wrote it,
 * typos included: correcting county names is the job of county resolution, not of reading. Missing
 * values ("#N/A", "#NA", "N/A", blanks) are {@code null}.
 *
 * @param row the 1-based row of the source sheet, for messages that point at the file
 * @param state where the agency is
 * @param agency the agency's name, e.g. "Colbert County Sheriff's Office"
 * @param type ICE's TYPE column (since 2025-03); null when absent or unrecognised
 * @param county ICE's COUNTY column (since 2025-04) as written, e.g. "Pulaksi County"; null if
 *     absent
 * @param model the 287(g) model
 * @param signed the signing date; null on the pending list (and where ICE left it blank)
 * @param moaUrl the link behind the MOA cell, unwrapped to ICE's own URL; null if none
 * @param moaPending whether the MOA cell says "link pending"
 * @param addendumUrl the link behind the ADDENDUM cell (since 2025-07); null if none
 */
public record Agreement(
    int row,
    UsState state,
    String agency,
    @Nullable AgencyType type,
    @Nullable String county,
    Model model,
    @Nullable LocalDate signed,
    @Nullable String moaUrl,
    boolean moaPending,
    @Nullable String addendumUrl) {

  public Agreement {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(model, "model");
    if (agency.isBlank()) {
      throw new IllegalArgumentException("agency name is blank");
    }
  }

  /** The identity of this agreement across publications: state, folded agency name and model. */
  public AgreementKey key() {
    return AgreementKey.of(state, agency, model);
  }
}
