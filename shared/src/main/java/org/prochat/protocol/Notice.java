package org.prochat.protocol;

/** Text from the coordinator for one client: command output, warnings. May span several lines. */
public record Notice(String sid, String text) implements Frame {
  public Notice {
    FrameRules.required(text, "text");
  }
}
