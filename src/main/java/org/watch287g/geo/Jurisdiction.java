package org.watch287g.geo;

/** What level of government an agency belongs to, which decides how far its agreement reaches. */
public enum Jurisdiction {
  /** A county sheriff, jail, corrections department or board: one county. */
  COUNTY,
  /** A city, town, village or township, or its police: the county or counties it lies in. */
  MUNICIPALITY,
  /** A state government or state agency: the whole state. */
  STATE,
  /** A regional jail, district or multi-county authority: its member counties. */
  REGIONAL,
  /** A university, airport, port, prosecutor, constable or marshal: where it sits. */
  OTHER
}
