package org.prochat.server.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.prochat.server.room.RoomSnapshot;

/**
 * Kills proxies of a grown tree under a steady load of messages, one after another: each the one
 * below the top level with the most users below it, each once the users below the one before have
 * caught up and everyone is placed in the tree again. For every orphaned user it measures the time
 * from the kill until it has every message sent so far, and at the end whether anyone lost a message
 * or was shown one twice.
 */
final class FailoverDrill {
  /**
   * What to run.
   *
   * @param senders how many users post; the newest ones (mostly leaves of the tree), never killed
   * @param rate messages per second, all senders together, at least 1
   */
  record Plan(int kills, int senders, int rate, int size) {}

  /** One proxy killed, with the users that were below it and how long each took to catch up. */
  record Kill(String proxy, int descendants, Histogram catchUpMillis, long stillBehind) {}

  /**
   * What the drill did.
   *
   * @param treeDepth the tree's depth before the first kill
   * @param catchUpMillis every orphan of every kill
   * @param stillBehind orphans not caught up after {@link BenchWait#SETTLE}
   * @param acknowledged messages the coordinator posted during the drill
   * @param unacknowledged messages posted that the coordinator never acknowledged (or refused)
   * @param expectedDeliveries acknowledged messages times the users that survived
   * @param lost deliveries of acknowledged messages that never arrived
   * @param duplicates messages shown twice, gaps: jumps in the sequence shown, both by survivors
   */
  record Result(int treeDepth, List<Kill> kills, Histogram catchUpMillis, long stillBehind, long acknowledged,
      long unacknowledged, long expectedDeliveries, long lost, long duplicates, long gaps) {}

  /** Load before the first kill, so the kill lands in a flowing room. */
  static final Duration LOAD_BEFORE_FIRST_KILL = Duration.ofMillis(500);

  private final Plan plan;

  FailoverDrill(Plan plan) {
    this.plan = plan;
  }

  Result run(BenchRoom room) throws Exception {
    int depth = room.snapshot().maxDepth();
    List<BenchUser> everyone = List.copyOf(room.users());
    List<BenchUser> senders = everyone.subList(everyone.size() - plan.senders(), everyone.size());
    Map<BenchUser, BenchUser.Tally> before = new HashMap<>();
    everyone.forEach(u -> before.put(u, u.tally()));
    List<Kill> kills = new ArrayList<>();
    MessagePacer load = new MessagePacer(senders, plan.rate(), plan.size());
    try (load) {
      load.start();
      TimeUnit.MILLISECONDS.sleep(LOAD_BEFORE_FIRST_KILL.toMillis()); // the load flowing; not synchronisation
      for (int i = 0; i < plan.kills(); i++) {
        kills.add(killOne(room, senders));
      }
    }
    List<BenchUser> survivors = List.copyOf(room.users());
    long acknowledged = load.acknowledged();
    BenchWait.within(() -> survivors.stream().allMatch(u -> received(u, before) >= acknowledged), BenchWait.SETTLE);
    long lost = 0;
    long duplicates = 0;
    long gaps = 0;
    for (BenchUser user : survivors) {
      BenchUser.Tally since = user.tally().minus(before.get(user));
      lost += Math.max(0, acknowledged - since.messages());
      duplicates += since.duplicates();
      gaps += since.gaps();
    }
    Histogram all = new Histogram(3);
    kills.forEach(k -> all.add(k.catchUpMillis()));
    return new Result(depth, kills, all, kills.stream().mapToLong(Kill::stillBehind).sum(), acknowledged,
        load.unanswered(), acknowledged * survivors.size(), lost, duplicates, gaps);
  }

  /**
   * Once everyone is placed in the tree (again), kills the proxy with the most users below it and
   * waits until each of them has caught up.
   */
  private Kill killOne(BenchRoom room, List<BenchUser> senders) throws Exception {
    BenchWait.within(() -> room.users().stream().allMatch(BenchUser::placed), BenchWait.SETTLE);
    RoomSnapshot tree = room.snapshot();
    Set<String> spared = senders.stream().map(u -> u.client().nick()).collect(Collectors.toSet());
    Set<String> alive = room.users().stream().map(u -> u.client().nick()).collect(Collectors.toSet());
    // Below the top level: killing the top proxy would orphan nearly the whole room at once.
    RoomSnapshot.UserView victim = tree.users().stream()
        .filter(u -> u.depth() >= 2 && alive.contains(u.nick()) && !spared.contains(u.nick()))
        .max(Comparator.comparingInt(u -> tree.below(u.nick()).size()))
        .filter(u -> !tree.below(u.nick()).isEmpty())
        .orElseThrow(() -> new IllegalStateException("no proxy below the top level has users below it to kill;"
            + " use more --clients or fewer --kills"));
    List<BenchUser> orphans = tree.below(victim.nick()).stream().filter(alive::contains).map(room::user).toList();
    room.kill(room.user(victim.nick()));
    // Timed from the moment the proxy is gone: nothing sent after it can still pass through it.
    long killedAt = System.nanoTime();
    orphans.forEach(o -> o.watchForMessagesSentAfter(killedAt));
    BenchWait.within(() -> orphans.stream().allMatch(o -> o.firstArrivalAfterWatch() != 0), BenchWait.SETTLE);
    Histogram catchUp = new Histogram(3);
    long behind = 0;
    for (BenchUser orphan : orphans) {
      // Events arrive in seq order without gaps, so the first message sent after the kill brings
      // everything sequenced before it along.
      long arrived = orphan.firstArrivalAfterWatch();
      if (arrived == 0) {
        behind++;
      } else {
        catchUp.recordValue(Math.max(0, (arrived - killedAt) / 1_000_000));
      }
    }
    return new Kill(victim.nick(), orphans.size(), catchUp, behind);
  }

  private static long received(BenchUser user, Map<BenchUser, BenchUser.Tally> before) {
    return user.tally().minus(before.get(user)).messages();
  }
}
