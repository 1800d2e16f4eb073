package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.tls.TlsSetting;
import org.prochat.tls.PemFiles;
import org.prochat.tls.SelfSignedCertificates;
import org.prochat.tls.TlsIdentity;
import picocli.CommandLine;

class ServerMainTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private PrintStream originalOut;

  @BeforeEach
  void captureOutput() {
    originalErr = System.err;
    originalOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setErr(originalErr);
    System.setOut(originalOut);
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    assertThat(ServerMain.run(new String[] {"--help"})).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--bind", "--port", "Default: 9090", "--http-port", "Default: 9080", "--ws-port", "Default: 9081",
            "--http-bind", "127.0.0.1.", "--admin-token", "--data-dir", "--config", "--flood-burst", "--max-connections-per-ip", "--limit-loopback");
  }

  @Test
  void aValueThatIsNotANumberExitsWithTwoAndOneLine() {
    assertThat(ServerMain.run(new String[] {"--port", "ninety"})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("--port", "ninety");
  }

  @Test
  void aPortOutOfRangeExitsWithTwoAndSaysWhy() {
    assertThat(ServerMain.run(new String[] {"--port", "70000", "--data-dir", dir.toString()})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("prochat-server: chat port must be 0 to 65535, got 70000");
  }

  @Test
  void anUnknownFlagExitsWithTwo() {
    assertThat(ServerMain.run(new String[] {"--colour", "blue"})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--colour");
  }

  @Test
  void theConfigFileSuppliesSettingsAndFlagsWinOverIt() throws Exception {
    Path config = Files.writeString(dir.resolve("prochat.properties"),
        "port=9191\nhistory=7\nflood-burst=9\nheartbeat-timeout=12\n");
    ServerMain main = new ServerMain();

    new CommandLine(main).setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(config.toFile()))
        .parseArgs("--config", config.toString(), "--history", "3");
    CoordinatorSettings settings = main.settings();

    assertThat(settings.chatPort()).isEqualTo(9191);
    assertThat(settings.historyOnJoin()).isEqualTo(3);
    assertThat(settings.flood().burst()).isEqualTo(9);
    assertThat(settings.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void presenceBatchingStartsAtAHundredUsersUnlessTheConfigFileSaysOtherwise() throws Exception {
    ServerMain defaults = new ServerMain();
    new CommandLine(defaults).parseArgs();
    Path config = Files.writeString(dir.resolve("prochat.properties"), "presence-batch-from=500\n");
    ServerMain configured = new ServerMain();
    new CommandLine(configured).setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(config.toFile()))
        .parseArgs("--config", config.toString());

    assertThat(defaults.settings().presenceBatchFrom()).isEqualTo(100);
    assertThat(configured.settings().presenceBatchFrom()).isEqualTo(500);
  }

  @Test
  void presenceBatchingFromNoUsersExitsWithTwoAndSaysWhy() {
    assertThat(ServerMain.run(new String[] {"--presence-batch-from", "0", "--data-dir", dir.toString()})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("prochat-server: presence batching must start at 1 user or more, got 0");
  }

  @Test
  void theWebViewIsOnLoopbackWithAGeneratedTokenUnlessToldOtherwise() {
    ServerMain main = new ServerMain();
    new CommandLine(main).parseArgs();

    CoordinatorSettings settings = main.settings();

    assertThat(settings.httpBind().isLoopbackAddress()).isTrue();
    assertThat(settings.adminToken()).isNull();
  }

  @Test
  void theConfigFileSetsTheWebViewBindAndToken() throws Exception {
    Path config = Files.writeString(dir.resolve("prochat.properties"),
        "http-bind=0.0.0.0\nadmin-token=from-the-config-file-123\nhttp-port=8080\nws-port=8081\n");
    ServerMain main = new ServerMain();

    new CommandLine(main).setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(config.toFile()))
        .parseArgs("--config", config.toString());
    CoordinatorSettings settings = main.settings();

    assertThat(settings.httpBind().isAnyLocalAddress()).isTrue();
    assertThat(settings.adminToken().matches("from-the-config-file-123")).isTrue();
    assertThat(settings.httpPort()).isEqualTo(8080);
    assertThat(settings.wsPort()).isEqualTo(8081);
  }

  @Test
  void aShortAdminTokenExitsWithTwoAndSaysWhy() {
    assertThat(ServerMain.run(new String[] {"--admin-token", "secret", "--data-dir", dir.toString()})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("prochat-server: the admin token must have 16 to 256 characters, got 6");
  }

  @Test
  void theSameWebPortTwiceExitsWithTwo() {
    assertThat(ServerMain.run(new String[] {"--http-port", "9500", "--ws-port", "9500", "--data-dir", dir.toString()}))
        .isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("must differ");
  }

  @Test
  void anUnknownKeyInTheConfigFileExitsWithTwoNamingIt() throws Exception {
    Path config = Files.writeString(dir.resolve("prochat.properties"), "prot=9191\n");

    assertThat(ServerMain.run(new String[] {"--config", config.toString()})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown setting 'prot'");
  }

  @Test
  void aBadValueInTheConfigFileExitsWithTwo() throws Exception {
    Path config = Files.writeString(dir.resolve("prochat.properties"), "port=lots\n");

    assertThat(ServerMain.run(new String[] {"--config", config.toString()})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("lots");
  }

  @Test
  void aMissingConfigFileExitsWithTwo() {
    assertThat(ServerMain.run(new String[] {"--config", dir.resolve("nope.properties").toString()})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read config file");
  }

  @Test
  void helpListsTheOverlayOptionsAndTheSubcommands() {
    assertThat(ServerMain.run(new String[] {"--help"})).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--max-children", "--root-slots", "--max-depth", "--grace", "--relay-secret", "relay", "bench");
  }

  @Test
  void overlaySettingsComeFromFlagsAndTheConfigFile() throws Exception {
    Path config = Files.writeString(dir.resolve("overlay.properties"), "max-children=3\nroot-slots=2\n");
    ServerMain main = new ServerMain();

    new CommandLine(main).setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(config.toFile()))
        .parseArgs("--config", config.toString(), "--max-depth", "5", "--grace", "7", "--relay-secret", "long enough");
    CoordinatorSettings settings = main.settings();

    assertThat(settings.overlay()).isEqualTo(new OverlayLimits(3, 2, 5, Duration.ofSeconds(7)));
    assertThat(settings.relaySecret()).isEqualTo("long enough");
  }

  @Test
  void aShortRelaySecretExitsWithTwo() {
    assertThat(ServerMain.run(new String[] {"--relay-secret", "short", "--data-dir", dir.toString()})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("relay secret must have at least 8 characters");
  }

  @Test
  void theRelayNeedsAnUpstreamAndASecret() {
    assertThat(ServerMain.run(new String[] {"relay", "--secret", "long enough"})).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--upstream");
  }

  @Test
  void theRelayRefusesABadUpstreamWithOneLine() {
    assertThat(ServerMain.run(new String[] {"relay", "--upstream", "host:notaport", "--secret", "long enough"}))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("prochat-server relay:").contains("notaport");
  }

  @Test
  void anUnknownBenchScenarioExitsWithTwo() {
    assertThat(ServerMain.run(new String[] {"bench", "teleport"})).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown scenario 'teleport'");
  }
  @Test
  void aMissingCertificateFileExitsWithTwoNamingIt() {
    Path missing = dir.resolve("missing.pem");

    assertThat(ServerMain.run(new String[] {"--tls-cert", missing.toString(), "--tls-key", missing.toString(),
        "--data-dir", dir.toString()})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("cannot read " + missing);
  }

  @Test
  void aCertificateWithoutItsKeyExitsWithTwo() {
    assertThat(ServerMain.run(new String[] {"--tls-cert", "cert.pem", "--data-dir", dir.toString()})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo(
        "prochat-server: --tls-cert and --tls-key go together: give both or neither");
  }

  @Test
  void aKeyThatDoesNotBelongToTheCertificateExitsWithTwo() throws Exception {
    TlsIdentity one = SelfSignedCertificates.generate("one", new SecureRandom());
    TlsIdentity other = SelfSignedCertificates.generate("other", new SecureRandom());
    Path cert = Files.writeString(dir.resolve("cert.pem"), PemFiles.certificatePem(one.certificate()));
    Path key = Files.writeString(dir.resolve("key.pem"), PemFiles.privateKeyPem(other.key()));

    assertThat(ServerMain.run(new String[] {"--tls-cert", cert.toString(), "--tls-key", key.toString(),
        "--data-dir", dir.toString()})).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("does not belong to the certificate");
  }

  @Test
  void theConfigFileTurnsTlsOnWithGivenFiles() throws Exception {
    TlsIdentity identity = SelfSignedCertificates.generate("given", new SecureRandom());
    Path cert = Files.writeString(dir.resolve("cert.pem"), PemFiles.certificatePem(identity.certificate()));
    Path key = Files.writeString(dir.resolve("key.pem"), PemFiles.privateKeyPem(identity.key()));
    Path config = Files.writeString(dir.resolve("prochat.properties"),
        "tls-cert=" + cert.toString().replace("\\", "/") + "\ntls-key=" + key.toString().replace("\\", "/") + "\n");
    ServerMain main = new ServerMain();

    new CommandLine(main).setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(config.toFile()))
        .parseArgs("--config", config.toString());
    CoordinatorSettings settings = main.settings();

    assertThat(settings.tls().enabled()).isTrue();
    assertThat(settings.tls().given().fingerprint()).isEqualTo(identity.fingerprint());
  }

  @Test
  void withoutTlsOptionsTheChatPortIsPlain() {
    ServerMain main = new ServerMain();
    new CommandLine(main).parseArgs();

    assertThat(main.settings().tls()).isEqualTo(TlsSetting.OFF);
  }
}
