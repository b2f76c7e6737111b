package org.watch287g;

/** Placeholder entry point while the build is set up. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    System.out.println("watch287g");
  }
}
