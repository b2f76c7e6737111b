package org.watch287g.ops;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.watch287g.retry.Doubling;

/**
 * Connects a chat platform and keeps trying while the network or the service fails: about 1 s, then
 * 2 s, 4 s, … up to {@link #MAX}, each ±20 % (the shape of the source's backoff, with a longer cap:
 * an outage of the platform can last hours). Only a refusal of the credentials ({@link Refused})
 * stops it, because trying the same token again cannot help.
 *
 * <p>A failure is logged as what it is (a network failure names the host and the exception, never
 * the token), once when it starts and then at most every {@link #LOG_EVERY} while it lasts.
 */
public final class Reconnect {
  public static final Duration FIRST = Duration.ofSeconds(1);
  public static final Duration MAX = Duration.ofMinutes(5);
  public static final Duration LOG_EVERY = Duration.ofMinutes(5);
  private static final Doubling SCHEDULE = new Doubling(FIRST, MAX);

  /** Waits between attempts; tests pass one that only records. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * One try: returns when connected, throws {@link Refused} when the credentials are refused, and
   * anything else for a failure worth another try (DNS, connect, timeout, 5xx, a fake not up yet).
   */
  public interface Attempt {
    void run() throws Exception;
  }

  /** The service refused the credentials: the message says which and why. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** How trying ended. */
  public enum Outcome {
    CONNECTED,
    REFUSED
  }

  private final String what;
  private final String host;
  private final Consumer<String> log;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Clock clock;
  private volatile @Nullable String failure;
  private volatile @Nullable String refusal;
  private @Nullable Instant lastLogged;
  private int failures;

  /**
   * @param what what is being connected, for the log ("Discord login")
   * @param host the host tried, for the log
   * @param log where failures are told (rate-limited here)
   * @param random uniform values in [0, 1), one per delay
   */
  public Reconnect(
      String what,
      String host,
      Consumer<String> log,
      Sleeper sleeper,
      DoubleSupplier random,
      Clock clock) {
    this.what = what;
    this.host = host;
    this.log = log;
    this.sleeper = sleeper;
    this.random = random;
    this.clock = clock;
  }

  /** With real sleeping, jitter and time. */
  public static Reconnect of(String what, String host, Consumer<String> log) {
    return new Reconnect(
        what,
        host,
        log,
        d -> Thread.sleep(d.toMillis()),
        () -> ThreadLocalRandom.current().nextDouble(),
        Clock.systemUTC());
  }

  /** The wait after failure number {@code retry} (0 for the first): 1 s doubling, capped, ±20 %. */
  public static Duration delay(int retry, double random) {
    return SCHEDULE.delay(retry, random);
  }

  /**
   * Tries once here; if that failed for a reason worth retrying, goes on trying on a daemon thread.
   * {@code done} learns how it ended (on whichever thread that happens).
   *
   * @return the thread that goes on trying, to interrupt on close; null when it ended at once
   */
  public @Nullable Thread start(String threadName, Attempt attempt, Consumer<Outcome> done) {
    Outcome now;
    try {
      now = once(attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (now != null) {
      done.accept(now);
      return null;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                done.accept(afterFailure(attempt));
              } catch (InterruptedException e) {
                // closed while trying
              }
            },
            threadName);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Tries until connected or refused, on this thread. */
  public Outcome run(Attempt attempt) throws InterruptedException {
    Outcome now = once(attempt);
    return now != null ? now : afterFailure(attempt);
  }

  private Outcome afterFailure(Attempt attempt) throws InterruptedException {
    while (true) {
      sleeper.sleep(delay(failures() - 1, random.getAsDouble()));
      Outcome now = once(attempt);
      if (now != null) {
        return now;
      }
    }
  }

  /** One attempt: its outcome, or null after a failure worth retrying (logged, counted). */
  private @Nullable Outcome once(Attempt attempt) throws InterruptedException {
    try {
      attempt.run();
    } catch (Refused e) {
      refusal = e.getMessage();
      failure = null;
      return Outcome.REFUSED;
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      failed(e);
      return null;
    }
    if (failures > 0) {
      log.accept(what + ": connected to " + host + " after " + failures + " failed attempts");
    }
    failure = null;
    return Outcome.CONNECTED;
  }

  private synchronized void failed(Exception e) {
    failures++;
    String described = describe(host, e);
    failure = described;
    Instant now = clock.instant();
    if (lastLogged == null || !now.isBefore(lastLogged.plus(LOG_EVERY))) {
      lastLogged = now;
      log.accept(
          what
              + " failed: "
              + described
              + "; trying again with backoff up to every "
              + MAX.toMinutes()
              + " min (attempt "
              + failures
              + ")");
    }
  }

  /** The last failure while still trying, for readiness; null when none or done. */
  public @Nullable String failure() {
    return failure;
  }

  /** Why the credentials were refused, once they were. */
  public @Nullable String refusal() {
    return refusal;
  }

  /** How many attempts failed for a reason worth retrying. */
  public synchronized int failures() {
    return failures;
  }

  /**
   * A failure in words: "network failure reaching HOST (UnknownHostException: …)" when an I/O error
   * is among its causes, else what the service answered.
   */
  public static String describe(String host, Throwable e) {
    IOException io = networkCause(e);
    if (io != null) {
      return "network failure reaching " + host + " (" + brief(io) + ")";
    }
    return host + " answered with an error (" + brief(e) + ")";
  }

  /** The first I/O exception among the causes, or null: what makes a failure a network one. */
  public static @Nullable IOException networkCause(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 10; depth++) {
      if (t instanceof IOException) {
        return (IOException) t;
      }
      t = t.getCause();
    }
    return null;
  }

  private static String brief(Throwable e) {
    String message = e.getMessage();
    String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
    if (line.length() > 200) {
      line = line.substring(0, 200) + "…";
    }
    return e.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + line);
  }
}
