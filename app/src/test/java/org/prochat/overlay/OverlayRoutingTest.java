package org.prochat.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.protocol.Attach;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Say;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.room.RoomSnapshot;

/** Unicast frames go down one branch only, and a child can't speak for anyone it does not carry. */
class OverlayRoutingTest {
  @TempDir
  Path dataDir;
  private LiveCoordinator coordinator;
  private final List<OverlayPeer> peers = new ArrayList<>();

  @BeforeEach
  void buildTwoBranches() throws Exception {
    // Two children each and three levels: seven users can only form a complete binary tree.
    coordinator = LiveCoordinator.start(dataDir, settings -> settings
        .overlay(new OverlayLimits(2, 4, 3, Duration.ofSeconds(10))));
    for (String nick : List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace")) {
      OverlayPeer peer = OverlayPeer.join(coordinator.address(), nick);
      peers.add(peer);
      if (!nick.equals("alice")) {
        peer.awaitParent();
      }
    }
  }

  @AfterEach
  void stop() {
    peers.forEach(OverlayPeer::quit);
    coordinator.close();
  }

  @Test
  void aWhisperAcrossBranchesReachesOnlyItsTarget() throws Exception {
    RoomSnapshot room = snapshot();
    // Two users at depth 3 whose parents differ: their whisper must climb one branch and descend another.
    List<RoomSnapshot.UserView> deep = room.users().stream().filter(u -> u.depth() == 3).toList();
    RoomSnapshot.UserView from = deep.getFirst();
    RoomSnapshot.UserView to = deep.stream().filter(u -> !u.parentNick().equals(from.parentNick())).findFirst().orElseThrow();
    OverlayPeer sender = peer(from.nick());
    OverlayPeer target = peer(to.nick());

    sender.client.whisper(target.nick, "only for you").join();
    sender.client.say("a public line after the whisper").join();

    assertThat(target.heard.awaitFirst(PrivateMessage.class, m -> true).text()).isEqualTo("only for you");
    for (OverlayPeer peer : peers) {
      peer.heard.awaitMessage("a public line after the whisper");
      if (peer != target) {
        assertThat(peer.heard.all(PrivateMessage.class)).as(peer.nick).isEmpty();
      }
    }
  }

  @Test
  void aRawSocketThatClaimsAnotherSessionAtAProxyIsRefusedAndLogged() throws Exception {
    OverlayPeer proxy = peers.get(1);
    OverlayPeer victim = peers.getLast();
    String victimSid = snapshot().users().stream().filter(u -> u.nick().equals(victim.nick)).findFirst().orElseThrow().sid();
    int proxyPort = proxy.client.peerPort().orElseThrow();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    List<Object> answers = new ArrayList<>();
    try (Socket hostile = new Socket("127.0.0.1", proxyPort)) {
      OutputStream out = hostile.getOutputStream();
      out.write(line(new Attach(ProtocolLimits.VERSION, victimSid, "a guessed token")));
      out.write(line(new Say(victimSid, "forged-1", "I am " + victim.nick)));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(hostile.getInputStream(), StandardCharsets.UTF_8));
      hostile.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      for (String l; (l = in.readLine()) != null; ) {
        answers.add(FrameCodec.instance().decode(l));
      }
    } finally {
      System.setErr(originalErr);
    }

    assertThat(answers).as("refused, and the link closed").isNotEmpty().allSatisfy(a ->
        assertThat(a).isInstanceOfSatisfying(ErrorFrame.class, e -> assertThat(e.code())
            .isIn(ErrorCode.ATTACH_REFUSED, ErrorCode.FOREIGN_SESSION)));
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("Refused");
    peers.getFirst().client.say("still fine").join();
    for (OverlayPeer peer : peers) {
      peer.heard.awaitMessage("still fine");
      assertThat(peer.heard.messages()).noneMatch(m -> m.text().startsWith("I am "));
    }
  }

  private static byte[] line(Object frame) {
    return (FrameCodec.instance().encodeToString((org.prochat.protocol.Frame) frame) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private OverlayPeer peer(String nick) {
    return peers.stream().filter(p -> p.nick.equals(nick)).findFirst().orElseThrow();
  }

  private RoomSnapshot snapshot() throws Exception {
    var room = coordinator.coordinator().room();
    return room.loop().submit(room::snapshot).get();
  }
}
