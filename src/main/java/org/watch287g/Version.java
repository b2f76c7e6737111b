package org.watch287g;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version, if packaged. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = App.class.getPackage().getImplementationVersion();
    return new String[] {"watch287g " + (version == null ? "(development build)" : version)};
  }
}
