package org.watch287g.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.watch287g.config.AdminConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code healthcheck}: asks the running bot's admin endpoint whether it is alive (or ready), for a
 * supervisor or a shell where no curl may be installed. The Docker image's HEALTHCHECK asks {@code
 * /readyz} with bash instead, so that no JVM starts every 30 s.
 */
@Command(
    name = "healthcheck",
    mixinStandardHelpOptions = true,
    description = {
      "Ask the running bot (on admin.bindAddress:admin.port) whether it is alive; with --ready,"
          + " whether it is ready (database answers, ICE read recently, platforms connected)."
          + " Exits 0 if so, 1 if not, printing what it was told."
    })
public final class HealthcheckCommand implements Callable<Integer> {
  @Option(names = "--ready", description = "check /readyz instead of /healthz")
  boolean ready;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() throws InterruptedException {
    AdminConfig admin = options.load().admin();
    String host = admin.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : admin.bindAddress();
    URI uri = URI.create("http://" + host + ":" + admin.port() + (ready ? "/readyz" : "/healthz"));
    PrintWriter out = spec.commandLine().getOut();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      out.print(response.body());
      out.flush();
      return response.statusCode() == 200 ? 0 : 1;
    } catch (IOException e) {
      out.println("no answer from " + uri + ": " + e);
      out.flush();
      return 1;
    }
  }
}
