package org.watch287g.store;

import org.sqlite.SQLiteJDBCLoader;

/**
 * SQLite's native library, loaded once per process, with one line that says what to do when it
 * cannot be.
 *
 * <p>sqlite-jdbc unpacks the library from the jar into {@code org.sqlite.tmpdir} (by default {@code
 * java.io.tmpdir}) and maps it from there, which a folder mounted {@code noexec} refuses ("failed
 * to map segment from shared object"): a hardened container's {@code tmpfs /tmp} is one. Its own
 * messages then end in "Error opening connection", which says nothing of the folder. With {@code
 * org.sqlite.lib.path} set, the library is loaded from that folder instead and nothing is unpacked:
 * the Docker image does that with a copy it unpacks at build time.
 */
final class NativeLibrary {
  static final String TMPDIR = "org.sqlite.tmpdir";
  static final String LIB_PATH = "org.sqlite.lib.path";

  private NativeLibrary() {}

  /**
   * Loads the library if it is not loaded yet.
   *
   * @throws StorageException if it cannot be loaded, with a message that names the folder and the
   *     settings that fix it
   */
  static void load() {
    try {
      SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      throw new StorageException(whyNot(), e);
    }
  }

  /** One line: where the library was looked for, and what to set. */
  static String whyNot() {
    String libPath = System.getProperty(LIB_PATH);
    if (libPath != null) {
      return "cannot load SQLite's native library from -D"
          + LIB_PATH
          + "="
          + libPath
          + ": that folder must hold libsqlitejdbc.so for this machine, unpacked from the same"
          + " watch287g.jar (see deploy/OPERATIONS.md, \"SQLite's native library\")";
    }
    String folder = System.getProperty(TMPDIR, System.getProperty("java.io.tmpdir"));
    return "cannot load SQLite's native library: it is unpacked into "
        + folder
        + ", which must be writable and allow running code (a folder mounted noexec does not):"
        + " start Java with -D"
        + TMPDIR
        + "=<a folder that does>, or mount "
        + folder
        + " with exec (see deploy/OPERATIONS.md, \"SQLite's native library\")";
  }
}
