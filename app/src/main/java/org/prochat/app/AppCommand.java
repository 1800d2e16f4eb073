package org.prochat.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.prochat.app.console.ConsoleClient;
import org.prochat.app.console.ConsoleStreams;
import org.prochat.app.gui.DesktopPrefill;
import org.prochat.app.gui.settings.SettingsLocation;
import org.prochat.app.trust.ProfileTrust;
import org.prochat.app.trust.ServerKeyChange;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ClientTrust;
import org.prochat.client.ServerAddress;
import org.prochat.node.PeerNodeOptions;
import org.prochat.protocol.NicknameRules;
import org.prochat.protocol.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The app's command line: which client to start, where to connect and as whom. Without {@code
 * --console} the desktop window starts, its connect dialog pre-filled with the options given.
 */
@Command(
    name = AppCommand.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = AppVersion.class,
    description = {"ProChat: chat with everyone connected to a ProChat coordinator.",
        "Opens the desktop window, its connect dialog filled in from the options given; --console chats in this terminal instead."})
final class AppCommand implements Callable<Integer> {
  static final String NAME = "prochat-app";

  private final ConsoleStreams streams;
  private final ToIntFunction<DesktopPrefill> desktop;
  private final Path settingsFile;

  @Spec
  private CommandSpec spec;

  @Option(names = "--console", description = "Chat in this terminal, or read lines from standard input when it is not a terminal.")
  private boolean console;

  @Option(names = "--server", paramLabel = "HOST[:PORT]", defaultValue = "localhost:" + ServerAddress.DEFAULT_PORT,
      converter = ServerAddressConverter.class, description = "The coordinator to connect to (default: ${DEFAULT-VALUE}).")
  private ServerAddress server;

  @Option(names = "--nick", paramLabel = "NAME", defaultValue = "${sys:user.name}",
      description = "Your nickname; if it is taken you get a variant (default: your user name, ${DEFAULT-VALUE}).")
  private String nick;

  @Option(names = "--peer-port", paramLabel = "PORT", defaultValue = "" + PeerNodeOptions.DEFAULT_PORT,
      description = "Port on which this computer relays for others; a free one is used when it is taken, 0 always picks a free one (default: ${DEFAULT-VALUE}).")
  private int peerPort;

  @Option(names = "--no-relay", description = "Do not relay for other users (no peer port is opened).")
  private boolean noRelay;

  @Option(names = "--tls", description = "Speak TLS from the first connect (by default the app moves to TLS by itself when the server requires it).")
  private boolean tls;

  @Option(names = ConsoleClient.ACCEPT_NEW_CERTIFICATE,
      description = "Trust the server's new certificate when it changed (check its fingerprint with the server's admin first).")
  private boolean acceptNewCertificate;

  @Option(names = ConsoleClient.ACCEPT_NEW_IDENTITY,
      description = "Trust the coordinator's new identity when it changed (check its fingerprint with the server's admin first).")
  private boolean acceptNewIdentity;

  /**
   * @param desktop runs the desktop app with the given pre-fill and returns its exit status
   * @param settingsFile the user's settings file; the console keeps its pins and whisper key next to it
   */
  AppCommand(ConsoleStreams streams, ToIntFunction<DesktopPrefill> desktop, Path settingsFile) {
    this.streams = streams;
    this.desktop = desktop;
    this.settingsFile = settingsFile;
  }

  @Override
  public Integer call() {
    if (!console) {
      return desktop.applyAsInt(prefill());
    }
    // Checked here so a typo costs no connection, and the answer is the same as for any bad option.
    Violation badNick = NicknameRules.check(nick).orElse(null);
    if (badNick != null) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--nick': " + badNick.message());
    }
    if (peerPort < 0 || peerPort > 65_535) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--peer-port': " + peerPort
          + " is not a port (0 to 65535)");
    }
    ClientTrust trust;
    try {
      trust = ProfileTrust.load(settingsFile);
    } catch (IOException e) {
      streams.err().println(NAME + ": " + e.getMessage());
      return ExitCode.SOFTWARE;
    }
    ChatClientOptions options = ChatClientOptions.DEFAULTS
        .withPeer(noRelay ? null : PeerNodeOptions.defaults().withPort(peerPort))
        .withTlsPinFile(SettingsLocation.tlsPinFileNextTo(settingsFile))
        .withRequireTls(tls)
        .withTrust(trust);
    return new ConsoleClient(streams, options, ConsoleClient.DEFAULT_DRAIN_TIMEOUT, ZoneId.systemDefault(),
        acceptedChanges()).run(server, nick);
  }

  private Set<ServerKeyChange.Kind> acceptedChanges() {
    Set<ServerKeyChange.Kind> accepted = EnumSet.noneOf(ServerKeyChange.Kind.class);
    if (acceptNewCertificate) {
      accepted.add(ServerKeyChange.Kind.CERTIFICATE);
    }
    if (acceptNewIdentity) {
      accepted.add(ServerKeyChange.Kind.IDENTITY);
    }
    return accepted;
  }

  /** Only what was given counts: defaults must not hide what the dialog remembered. */
  private DesktopPrefill prefill() {
    var given = spec.commandLine().getParseResult();
    return new DesktopPrefill(
        given.hasMatchedOption("--server") ? server.toString() : null,
        given.hasMatchedOption("--nick") ? nick : null,
        given.hasMatchedOption("--no-relay") ? Boolean.valueOf(!noRelay) : null,
        given.hasMatchedOption("--peer-port") ? Integer.valueOf(peerPort) : null);
  }

  /** Reads {@code --server}; picocli prefixes the reason with the option's name. */
  static final class ServerAddressConverter implements ITypeConverter<ServerAddress> {
    @Override
    public ServerAddress convert(String value) {
      try {
        return ServerAddress.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
