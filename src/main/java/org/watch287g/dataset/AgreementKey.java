package org.watch287g.dataset;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes two rows of different publications the same agreement: state + agency name + model.
 *
 * <p>ICE keeps no identifiers and re-types names between files, so the name is folded before it is
 * compared: case, accents, apostrophes (' and ’), punctuation, "&amp;" vs "and", and runs of
 * whitespace do not count. "St. Lucie County Sheriff’s Office " and "St Lucie County Sheriff's
 * Office" are the same agency.
 *
 * @param state the agency's state
 * @param name the folded agency name (see {@link #fold})
 * @param model the 287(g) model
 */
public record AgreementKey(UsState state, String name, Model model) {
  // Compiled once: fold runs for every row of every publication.
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

  /** The key of an agency's agreement for a model, folding the name as ICE's drift requires. */
  public static AgreementKey of(UsState state, String agency, Model model) {
    return new AgreementKey(state, fold(agency), model);
  }

  /** Folds an agency name so that spelling noise does not change its identity. */
  public static String fold(String name) {
    String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('`', '\'');
    s = s.replace("&", " and ").replace("'", "");
    return NOT_ALNUM.matcher(s).replaceAll(" ").trim();
  }

  @Override
  public String toString() {
    return state.code() + "/" + name + "/" + model;
  }
}
