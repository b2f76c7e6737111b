package org.watch287g.config;

/** A setting that cannot work, with the key it concerns and what to do about it. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String key, String problem, String fix) {
    super(key + ": " + problem + " (" + fix + ")");
  }

  public ConfigException(String message) {
    super(message);
  }
}
