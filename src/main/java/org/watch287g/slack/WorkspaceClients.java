package org.watch287g.slack;

import com.slack.api.methods.MethodsClient;
import org.jspecify.annotations.Nullable;

/** Each workspace's Web API client, carrying that workspace's bot token. */
@FunctionalInterface
interface WorkspaceClients {
  /**
   * The client for a workspace (team ID); null when it has not installed the app.
   *
   * @throws RuntimeException when its token cannot be read or renewed right now
   */
  @Nullable MethodsClient forTeam(String team);
}
