package org.prochat.app.gui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.prochat.app.gui.RunningApp;
import org.prochat.app.gui.WindowTest;

class EventBatcherTest extends WindowTest {
  @Test
  void tasksFromAnotherThreadRunOnTheFxThreadInOrderInFewBatches() {
    EventBatcher batcher = RunningApp.onFx(EventBatcher::new);
    List<Integer> ran = new CopyOnWriteArrayList<>();
    List<Boolean> onFxThread = new CopyOnWriteArrayList<>();

    IntStream.range(0, 1_000).forEach(i -> batcher.execute(() -> {
      ran.add(i);
      onFxThread.add(Platform.isFxApplicationThread());
    }));

    await().atMost(RunningApp.PATIENCE).until(() -> ran.size() == 1_000);
    assertThat(ran).isSorted();
    assertThat(onFxThread).containsOnly(true);
    assertThat(RunningApp.onFx(() -> batcher.stats().batches())).isLessThan(100);
  }

  @Test
  void endOfBatchWorkRunsOnceAfterTheBatchsTasks() {
    EventBatcher batcher = RunningApp.onFx(EventBatcher::new);
    List<String> ran = new CopyOnWriteArrayList<>();

    RunningApp.onFx(() -> {
      // Queued together from the FX thread, so they are certain to share one batch.
      batcher.execute(() -> {
        ran.add("a");
        batcher.endOfBatch().execute(() -> ran.add("end"));
      });
      batcher.execute(() -> ran.add("b"));
      return null;
    });

    await().atMost(RunningApp.PATIENCE).until(() -> ran.size() == 3);
    assertThat(ran).containsExactly("a", "b", "end");
  }
}
