package org.prochat.server.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.prochat.protocol.RoomEvent;
import org.prochat.server.room.RoomObserver;
import org.prochat.server.room.RoomSnapshot;

/**
 * The web view's live state and its viewers: keeps the recent messages, log lines and samples,
 * greets each new page with them, then streams what follows to every page.
 *
 * <p>Threading: its state lives on one executor (the web loop). The inputs ({@link RoomObserver}
 * calls from the room's loop, queued and handed over together; {@link #logLine} from any thread
 * that logs; {@link #join} from a viewer's channel) only hand over to it and never block; once that
 * executor has stopped they drop what they are given. Items are sent in batches every {@link #BATCH_MILLIS} ms, so a busy room
 * costs one WebSocket frame per page per batch, not one per message. A batch holds at most
 * {@link #RECENT_ITEMS} of each kind; when more arrive in one interval the oldest are left out and
 * the batch says how many, so the page can show the gap instead of hiding it (the chat log has
 * everything).
 *
 * <p>A page that can't keep up (its socket buffer stays full) is closed with "try again later";
 * the page reconnects and starts again from a fresh welcome, instead of the coordinator buffering
 * without bound or the page silently missing lines.
 */
final class LiveFeed implements RoomObserver {
  /** Recent chat items and log lines a new page is greeted with; the page keeps more as they stream. */
  static final int RECENT_ITEMS = 500;
  /** Recent samples a new page is greeted with: two minutes at one a second. */
  static final int RECENT_SAMPLES = 120;
  static final long BATCH_MILLIS = 100;

  private final EventExecutor loop;
  private final ChannelGroup viewers;
  private final ArrayDeque<ChatItem> recentChat = new ArrayDeque<>();
  private final ArrayDeque<String> recentLogs = new ArrayDeque<>();
  private final ArrayDeque<LiveStats> recentSamples = new ArrayDeque<>();
  private final ArrayDeque<ChatItem> pendingChat = new ArrayDeque<>();
  /** Items from the room's loop on their way to this feed's loop. */
  private final Queue<ChatItem> arriving = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean handOverPending = new AtomicBoolean();
  private final ArrayDeque<String> pendingLogs = new ArrayDeque<>();
  private int skippedChat;
  private int skippedLogs;
  private boolean batchScheduled;
  private RoomSnapshot room;

  /**
   * @param loop where the state lives; must be a single thread
   * @param storedEvents the newest events from the store, so a page opened right after a restart
   *     still shows the conversation
   */
  LiveFeed(EventExecutor loop, List<RoomEvent> storedEvents) {
    this.loop = loop;
    this.viewers = new DefaultChannelGroup("live-viewers", loop);
    storedEvents.forEach(event -> keep(recentChat, ChatItem.of(event), RECENT_ITEMS));
  }

  @Override
  public void roomEvent(RoomEvent event) {
    arrive(ChatItem.of(event));
  }

  @Override
  public void whisper(long ts, String from, String to, String text) {
    arrive(ChatItem.whisper(ts, from, to, text));
  }

  /**
   * Queues an item from the room and hands the queue over unless a hand-over is already on its way:
   * a task (and a wake-up of the web loop) per event cost the room's loop more than the event's
   * other bookkeeping in a busy room.
   */
  private void arrive(ChatItem item) {
    arriving.add(item);
    if (handOverPending.compareAndSet(false, true)) {
      handOver(this::takeArrivals);
    }
  }

  private void takeArrivals() {
    // Cleared first: an item added while the queue is drained then schedules a hand-over of its own.
    handOverPending.set(false);
    for (ChatItem item; (item = arriving.poll()) != null; ) {
      add(item);
    }
  }

  /** One line of the server log (without its line break). */
  void logLine(String line) {
    handOver(() -> {
      keep(recentLogs, line, RECENT_ITEMS);
      if (keep(pendingLogs, line, RECENT_ITEMS)) {
        skippedLogs++;
      }
      scheduleBatch();
    });
  }

  /** A new page: greeted with the recent past, then streamed to until its channel closes. */
  void join(Channel viewer) {
    handOver(() -> {
      // Whatever is pending is already in the recent lists: send it to the others first, so the
      // newcomer does not see it twice.
      sendBatch();
      send(viewer, new LiveMessage.Welcome(List.copyOf(recentChat), List.copyOf(recentLogs),
          List.copyOf(recentSamples), room));
      viewers.add(viewer);
    });
  }

  /** A new periodic sample; must be called on the feed's executor. */
  void sample(LiveSampler.Sample sample) {
    keep(recentSamples, sample.stats(), RECENT_SAMPLES);
    RoomSnapshot changed = sample.room().equals(room) ? null : sample.room();
    room = sample.room();
    broadcast(new LiveMessage.Sample(sample.stats(), changed));
  }

  /** Closes every page's connection. */
  void closeViewers() {
    viewers.close();
  }

  private void add(ChatItem item) {
    keep(recentChat, item, RECENT_ITEMS);
    if (keep(pendingChat, item, RECENT_ITEMS)) {
      skippedChat++;
    }
    scheduleBatch();
  }

  private void scheduleBatch() {
    if (!batchScheduled) {
      batchScheduled = true;
      loop.schedule(this::sendBatch, BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void sendBatch() {
    batchScheduled = false;
    if (pendingChat.isEmpty() && pendingLogs.isEmpty()) {
      return;
    }
    LiveMessage.Batch batch = new LiveMessage.Batch(List.copyOf(pendingChat), List.copyOf(pendingLogs),
        skippedChat, skippedLogs);
    pendingChat.clear();
    pendingLogs.clear();
    skippedChat = 0;
    skippedLogs = 0;
    broadcast(batch);
  }

  /** Encodes once and writes the same bytes to every page that keeps up. */
  private void broadcast(LiveMessage message) {
    if (viewers.isEmpty()) {
      return;
    }
    ByteBuf json = WebJson.encode(message);
    try {
      for (Channel viewer : viewers) {
        if (viewer.isWritable()) {
          viewer.writeAndFlush(new TextWebSocketFrame(json.retainedDuplicate()));
        } else {
          viewer.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.TRY_AGAIN_LATER,
              "this page fell behind; reconnect")).addListener(ChannelFutureListener.CLOSE);
        }
      }
    } finally {
      json.release();
    }
  }

  private static void send(Channel viewer, LiveMessage message) {
    viewer.writeAndFlush(new TextWebSocketFrame(WebJson.encode(message)));
  }

  private void handOver(Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      // The web view has stopped; nobody is watching any more.
    }
  }

  /** Appends {@code item}; returns true when the oldest had to go to make room. */
  private static <T> boolean keep(ArrayDeque<T> list, T item, int capacity) {
    boolean full = list.size() == capacity;
    if (full) {
      list.removeFirst();
    }
    list.addLast(item);
    return full;
  }
}
