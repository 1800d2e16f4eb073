package org.prochat.app.gui.settings;

/** The colour scheme every window uses; each has a stylesheet of its own. */
public enum Theme {
  LIGHT,
  DARK;

  /** The other one, for a toggle. */
  public Theme toggled() {
    return this == LIGHT ? DARK : LIGHT;
  }
}
