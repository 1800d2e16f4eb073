package org.prochat.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Presence;
import org.prochat.protocol.RoomEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room history, offline whispers and known nicknames in one SQLite file, plus the chat log.
 *
 * <p>Threading: the start-up reads ({@link #lastSeq}, {@link #latestEvents}, {@link #knownNickKeys})
 * run on the caller's thread before anything else uses the store; every other method only enqueues
 * work for the store's own thread and returns at once, with a future completed on that thread.
 * Room events are written in group commits: whatever queued up while the last transaction ran is
 * written in the next one, so a burst costs a few transactions, not one per message.
 */
public final class ChatStore implements AutoCloseable {
  static final String FILE_NAME = "prochat.db";
  /** What the log and the live view show instead of an end-to-end whisper's words, which nobody here can read. */
  public static final String END_TO_END_LOGGED = "[end-to-end encrypted]";
  private static final Logger log = LoggerFactory.getLogger(ChatStore.class);

  private final Connection db;
  private final ChatLog chatLog;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "prochat-store"));
  private final Queue<QueuedEvent> unwritten = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean commitScheduled = new AtomicBoolean();

  private ChatStore(Connection db, ChatLog chatLog) {
    this.db = db;
    this.chatLog = chatLog;
  }

  /** Opens (creating when needed) the store and the chat log in {@code dataDir}. */
  public static ChatStore open(Path dataDir) throws StoreException {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL,"
            + " kind TEXT NOT NULL, nick TEXT NOT NULL, client_id TEXT, text TEXT)");
        s.execute("CREATE TABLE IF NOT EXISTS offline_whispers (id INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " recipient_key TEXT NOT NULL, ts INTEGER NOT NULL, sender TEXT NOT NULL,"
            + " recipient TEXT NOT NULL, text TEXT NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS offline_by_recipient ON offline_whispers(recipient_key)");
        addBoxColumns(db);
        s.execute("CREATE TABLE IF NOT EXISTS known_nicks (nick_key TEXT PRIMARY KEY,"
            + " nick TEXT NOT NULL, last_seen INTEGER NOT NULL)");
      }
      return new ChatStore(db, new ChatLog(dataDir));
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * End-to-end whispers wait as a box and the sender's key; stores made before those existed get
   * the columns now (their {@code text} stays NOT NULL, so a box row keeps an empty text).
   */
  private static void addBoxColumns(Connection db) throws SQLException {
    boolean hasBox = false;
    try (Statement s = db.createStatement(); ResultSet columns = s.executeQuery("PRAGMA table_info(offline_whispers)")) {
      while (columns.next()) {
        hasBox |= "box".equals(columns.getString("name"));
      }
    }
    if (!hasBox) {
      try (Statement s = db.createStatement()) {
        s.execute("ALTER TABLE offline_whispers ADD COLUMN box TEXT");
        s.execute("ALTER TABLE offline_whispers ADD COLUMN from_key TEXT");
      }
    }
  }

  /** The newest room event number ever stored, 0 for a new room. Start-up only. */
  public long lastSeq() throws StoreException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT max(seq) FROM events")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new StoreException("cannot read the store: " + e.getMessage(), e);
    }
  }

  /** The newest {@code count} room events, oldest first. Start-up only. */
  public List<RoomEvent> latestEvents(int count) throws StoreException {
    try (PreparedStatement s = db.prepareStatement(
        "SELECT * FROM (SELECT * FROM events ORDER BY seq DESC LIMIT ?) ORDER BY seq")) {
      s.setInt(1, count);
      return readEvents(s);
    } catch (SQLException e) {
      throw new StoreException("cannot read the store: " + e.getMessage(), e);
    }
  }

  /** Keys ({@link org.prochat.protocol.NicknameRules#key}) of every nickname ever seen. Start-up only. */
  public Set<String> knownNickKeys() throws StoreException {
    Set<String> keys = new HashSet<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT nick_key FROM known_nicks")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
      return keys;
    } catch (SQLException e) {
      throw new StoreException("cannot read the store: " + e.getMessage(), e);
    }
  }

  /** Stores a room event (and logs it, for messages); completes once it is committed. */
  public CompletableFuture<Void> append(RoomEvent event) {
    QueuedEvent queued = new QueuedEvent(event, new CompletableFuture<>());
    unwritten.add(queued);
    if (commitScheduled.compareAndSet(false, true)) {
      thread.execute(this::commitUnwritten);
    }
    return queued.committed();
  }

  /** Logs a whisper that was delivered at once. */
  public CompletableFuture<Void> logWhisper(long ts, String from, String to, String text) {
    return submit(() -> {
      chatLog.privateMessage(ts, from, to, text);
      chatLog.flush();
      return null;
    });
  }

  /** Keeps a whisper for an offline recipient (and logs it); completes once it is committed. */
  public CompletableFuture<Void> queueWhisper(String recipientKey, PendingWhisper whisper) {
    return submit(() -> {
      try (PreparedStatement s = db.prepareStatement("INSERT INTO offline_whispers"
          + " (recipient_key, ts, sender, recipient, text, box, from_key) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, recipientKey);
        s.setLong(2, whisper.ts());
        s.setString(3, whisper.from());
        s.setString(4, whisper.to());
        s.setString(5, whisper.text() == null ? "" : whisper.text());
        s.setString(6, whisper.box());
        s.setString(7, whisper.fromKey());
        s.executeUpdate();
      }
      chatLog.privateMessage(whisper.ts(), whisper.from(), whisper.to(),
          whisper.text() == null ? END_TO_END_LOGGED : whisper.text());
      chatLog.flush();
      return null;
    });
  }

  /** The whispers waiting for {@code recipientKey}, oldest first; they stay until {@link #forgetWhispers}. */
  public CompletableFuture<List<PendingWhisper>> pendingWhispers(String recipientKey) {
    return submit(() -> {
      List<PendingWhisper> pending = new ArrayList<>();
      try (PreparedStatement s = db.prepareStatement("SELECT id, ts, sender, recipient, text, box, from_key"
          + " FROM offline_whispers WHERE recipient_key = ? ORDER BY id")) {
        s.setString(1, recipientKey);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String box = rs.getString(6);
            pending.add(new PendingWhisper(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), box == null ? rs.getString(5) : null, box, rs.getString(7)));
          }
        }
      }
      return pending;
    });
  }

  /** Deletes delivered whispers. */
  public CompletableFuture<Void> forgetWhispers(List<Long> ids) {
    return submit(() -> {
      try (PreparedStatement s = db.prepareStatement("DELETE FROM offline_whispers WHERE id = ?")) {
        for (long id : ids) {
          s.setLong(1, id);
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    });
  }

  /** Records that {@code nick} was seen, so whispers to it can wait while it is offline. */
  public CompletableFuture<Void> rememberNick(String key, String nick, long ts) {
    return submit(() -> {
      try (PreparedStatement s = db.prepareStatement("INSERT INTO known_nicks (nick_key, nick, last_seen)"
          + " VALUES (?, ?, ?) ON CONFLICT(nick_key) DO UPDATE SET nick = excluded.nick,"
          + " last_seen = excluded.last_seen")) {
        s.setString(1, key);
        s.setString(2, nick);
        s.setLong(3, ts);
        s.executeUpdate();
      }
      return null;
    });
  }

  /** Room events with {@code after < seq <= upTo}, oldest first, at most {@code limit} of them. */
  public CompletableFuture<List<RoomEvent>> events(long after, long upTo, int limit) {
    return submit(() -> {
      try (PreparedStatement s = db.prepareStatement(
          "SELECT * FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?")) {
        s.setLong(1, after);
        s.setLong(2, upTo);
        s.setInt(3, limit);
        return readEvents(s);
      }
    });
  }

  /** Writes everything still queued, then closes the database and the log. Waits up to 10 s. */
  @Override
  public void close() {
    thread.execute(() -> {
      commitUnwritten();
      try {
        chatLog.close();
        db.close();
      } catch (IOException | SQLException e) {
        log.error("Closing the store failed: {}", e.getMessage());
      }
    });
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        log.error("The store did not finish writing within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void commitUnwritten() {
    commitScheduled.set(false);
    List<QueuedEvent> batch = new ArrayList<>();
    for (QueuedEvent e; (e = unwritten.poll()) != null; ) {
      batch.add(e);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      db.setAutoCommit(false);
      try (PreparedStatement s = db.prepareStatement(
          "INSERT INTO events (seq, ts, kind, nick, client_id, text) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (QueuedEvent queued : batch) {
          bindEvent(s, queued.event());
          s.addBatch();
        }
        s.executeBatch();
      }
      db.commit();
      db.setAutoCommit(true);
      for (QueuedEvent queued : batch) {
        if (queued.event() instanceof Message m) {
          chatLog.publicMessage(m.ts(), m.from(), m.text());
        }
      }
      chatLog.flush();
      batch.forEach(queued -> queued.committed().complete(null));
    } catch (SQLException | IOException e) {
      log.error("Writing {} room events failed: {}", batch.size(), e.getMessage());
      rollbackQuietly();
      batch.forEach(queued -> queued.committed().completeExceptionally(e));
    }
  }

  private void rollbackQuietly() {
    try {
      db.rollback();
      db.setAutoCommit(true);
    } catch (SQLException e) {
      log.error("Rolling back failed: {}", e.getMessage());
    }
  }

  private static void bindEvent(PreparedStatement s, RoomEvent event) throws SQLException {
    s.setLong(1, event.seq());
    s.setLong(2, event.ts());
    switch (event) {
      case Message m -> bindRow(s, "message", m.from(), m.id(), m.text());
      case Join j -> bindRow(s, "join", j.nick(), null, null);
      case Leave l -> bindRow(s, "leave", l.nick(), null, l.reason());
      // Its lists go as the frame's own JSON: read back by the codec, they need no tables of their own.
      case Presence p -> bindRow(s, "presence", "", null, FrameCodec.instance().encodeToString(p));
    }
  }

  private static void bindRow(PreparedStatement s, String kind, String nick, String clientId, String text)
      throws SQLException {
    s.setString(3, kind);
    s.setString(4, nick);
    s.setString(5, clientId);
    s.setString(6, text);
  }

  private static List<RoomEvent> readEvents(PreparedStatement s) throws SQLException {
    List<RoomEvent> events = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        long seq = rs.getLong("seq");
        long ts = rs.getLong("ts");
        String nick = rs.getString("nick");
        events.add(switch (rs.getString("kind")) {
          case "message" -> new Message(seq, ts, nick, rs.getString("client_id"), rs.getString("text"));
          case "join" -> new Join(seq, ts, nick);
          case "leave" -> new Leave(seq, ts, nick, rs.getString("text"));
          case "presence" -> presence(seq, rs.getString("text"));
          default -> throw new SQLException("unknown event kind in row " + seq);
        });
      }
    }
    return events;
  }

  private static Presence presence(long seq, String json) throws SQLException {
    try {
      return (Presence) FrameCodec.instance().decode(json);
    } catch (FrameDecodingException | ClassCastException e) {
      throw new SQLException("row " + seq + " is not a presence event: " + e.getMessage(), e);
    }
  }

  private <T> CompletableFuture<T> submit(StoreWork<T> work) {
    CompletableFuture<T> done = new CompletableFuture<>();
    thread.execute(() -> {
      try {
        done.complete(work.run());
      } catch (SQLException | IOException e) {
        log.error("Store operation failed: {}", e.getMessage());
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  private interface StoreWork<T> {
    T run() throws SQLException, IOException;
  }

  private record QueuedEvent(RoomEvent event, CompletableFuture<Void> committed) {}
}
