package org.prochat.app.gui;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock a test moves by hand. */
public final class TestClock implements InstantSource {
  private Instant now = Instant.parse("2026-03-02T09:30:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }
}
