package org.watch287g.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.CellText;
import org.watch287g.dataset.IceColumn;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;

/**
 * Turns one data row into an {@link Agreement}, repairing what ICE's typing makes repairable and
 * skipping, with a warning, what it does not.
 *
 * <p>Blank rows (ICE pads some files with hundreds) are skipped silently. A row without an agency
 * name, or whose STATE or SUPPORT TYPE cannot be read, is skipped with a warning naming the row and
 * the value. Everything else yields an agreement; an unreadable TYPE or date becomes null and a
 * warning.
 */
final class RowReader {
  private static final IceColumn[] COLUMNS = IceColumn.values();

  private final ValueCache values = new ValueCache();
  private final HeaderRow header;
  private final Warnings warnings;
  private final String dateTitle;

  RowReader(HeaderRow header, Warnings warnings) {
    this.header = header;
    this.warnings = warnings;
    int signed = header.index(IceColumn.SIGNED);
    this.dateTitle = signed < 0 ? "" : CellText.clean(header.cells().get(signed));
  }

  /** The row's agreement, or null when the row is blank or had to be skipped. */
  @Nullable Agreement read(SheetRow row) {
    if (isBlank(row)) {
      return null;
    }
    String agency = text(row, IceColumn.AGENCY);
    String stateText = CellText.clean(row.text(header.index(IceColumn.STATE)));
    String modelText = CellText.clean(row.text(header.index(IceColumn.SUPPORT_TYPE)));
    if (agency == null) {
      warnings.row(
          row.number(), "no agency name (" + describe(stateText, modelText) + "); skipped");
      return null;
    }
    Optional<UsState> state = values.state(stateText);
    if (state.isEmpty()) {
      warnings.row(row.number(), unreadable("STATE", stateText) + " for " + agency + "; skipped");
      return null;
    }
    Model model = model(row, modelText, agency);
    if (model == null) {
      return null;
    }
    return agreement(row, state.get(), agency, model);
  }

  private Agreement agreement(SheetRow row, UsState state, String agency, Model model) {
    int moa = header.index(IceColumn.MOA);
    return new Agreement(
        row.number(),
        state,
        agency,
        type(row),
        text(row, IceColumn.COUNTY),
        model,
        signed(row),
        LinkCell.url(row, moa, "MOA", warnings),
        moa >= 0 && LinkCell.isPending(row.text(moa)),
        LinkCell.url(row, header.index(IceColumn.ADDENDUM), "ADDENDUM", warnings));
  }

  // Only ICE's own columns count: a stray value in a foreign column does not make a row.
  private boolean isBlank(SheetRow row) {
    for (IceColumn column : COLUMNS) {
      int c = header.index(column);
      if (c >= 0 && !CellText.clean(row.text(c)).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private @Nullable String text(SheetRow row, IceColumn column) {
    return CellText.value(row.text(header.index(column)));
  }

  private @Nullable Model model(SheetRow row, String text, String agency) {
    Optional<Model> model = values.model(text);
    if (model.isEmpty()) {
      warnings.row(row.number(), unreadable("SUPPORT TYPE", text) + " for " + agency + "; skipped");
      return null;
    }
    if (values.namesSeveralModels(text)) {
      warnings.row(
          row.number(),
          "SUPPORT TYPE '" + text + "' names several models; read as " + model.get().title());
    }
    return model.get();
  }

  private @Nullable AgencyType type(SheetRow row) {
    String text = text(row, IceColumn.TYPE);
    if (text == null) {
      return null;
    }
    Optional<AgencyType> type = values.type(text);
    if (type.isEmpty()) {
      warnings.row(row.number(), "unknown TYPE '" + text + "'; left blank");
    }
    return type.orElse(null);
  }

  private @Nullable LocalDate signed(SheetRow row) {
    int c = header.index(IceColumn.SIGNED);
    if (c < 0) {
      return null;
    }
    LocalDate serial = row.date(c);
    if (serial != null && SigningDates.isPlausible(serial)) {
      return serial;
    }
    String text = CellText.clean(row.text(c));
    if (serial != null) {
      return plausible(row, serial, text);
    }
    if (CellText.value(text) == null) {
      warnings.row(row.number(), "no " + dateTitle + " date");
      return null;
    }
    return fromText(row, text);
  }

  private @Nullable LocalDate fromText(SheetRow row, String text) {
    List<LocalDate> dates = SigningDates.in(text);
    if (dates.isEmpty()) {
      warnings.row(row.number(), dateTitle + " '" + text + "' is not a date; left blank");
      return null;
    }
    LocalDate latest = dates.stream().max(LocalDate::compareTo).orElseThrow();
    if (dates.size() > 1) {
      warnings.row(
          row.number(),
          dateTitle + " '" + text + "' has " + dates.size() + " dates; kept the latest, " + latest);
    } else if (SigningDates.isMissingSlash(text)) {
      warnings.row(row.number(), dateTitle + " '" + text + "' lacks a '/'; read as " + latest);
    }
    return plausible(row, latest, text);
  }

  private @Nullable LocalDate plausible(SheetRow row, LocalDate date, String text) {
    if (SigningDates.isPlausible(date)) {
      return date;
    }
    warnings.row(
        row.number(),
        dateTitle + " '" + text + "' is " + date + ", not a plausible date; left blank");
    return null;
  }

  private static String unreadable(String column, String text) {
    return text.isEmpty() ? "no " + column : "unreadable " + column + " '" + text + "'";
  }

  private static String describe(String state, String model) {
    String seen = (state + " " + model).trim();
    return seen.isEmpty() ? "only other columns filled" : "has '" + seen + "'";
  }
}
