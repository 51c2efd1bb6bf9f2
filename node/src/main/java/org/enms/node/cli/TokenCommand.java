package org.enms.node.cli;

import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.enms.http.security.ApiKeys;
import org.enms.http.security.BearerTokens;
import org.enms.http.security.Role;
import org.enms.http.security.SecuritySettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./enms token --role operator}: mints a bearer token with the node's own secret ({@code
 * ENMS_JWT_SECRET} or {@code enms.security.jwt.secret}, issuer and audience as configured), for
 * tests and scripts; {@code --hash-key KEY} prints the entry an API key needs in {@code
 * ENMS_API_KEYS}.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Mint a JWT for the API with the configured secret, or hash an API key.")
public final class TokenCommand implements Callable<Integer> {
  @Option(
      names = "--role",
      defaultValue = "viewer",
      description = "viewer, operator or admin. Default: ${DEFAULT-VALUE}.")
  String role;

  @Option(
      names = "--subject",
      defaultValue = "enms-cli",
      description = "The token's subject (its rate-limit bucket). Default: ${DEFAULT-VALUE}.")
  String subject;

  @Option(
      names = "--ttl-minutes",
      defaultValue = "720",
      description = "How long the token is valid. Default: ${DEFAULT-VALUE}.")
  long ttlMinutes;

  @Option(
      names = "--hash-key",
      paramLabel = "KEY",
      description = "Print NAME:ROLE:SHA256 for ENMS_API_KEYS instead (NAME from --subject).")
  String hashKey;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Role parsed = Role.parse(role).orElse(null);
    if (parsed == null) {
      spec.commandLine().getErr().println("error: --role must be viewer, operator or admin");
      return 2;
    }
    if (hashKey != null) {
      out.println(subject + ":" + parsed.wireName() + ":" + ApiKeys.hashHex(hashKey));
      out.flush();
      return 0;
    }
    SecuritySettings settings = SecuritySettings.fromConfig(ConfigFactory.load());
    if (settings.jwtSecret().isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("error: no JWT secret: set ENMS_JWT_SECRET (at least 32 bytes) as the node has");
      return 1;
    }
    BearerTokens tokens =
        new BearerTokens(settings.jwtSecret(), settings.jwtIssuer(), settings.jwtAudience());
    out.println(tokens.mint(subject, parsed, Duration.ofMinutes(ttlMinutes), Instant.now()));
    out.flush();
    return 0;
  }
}
